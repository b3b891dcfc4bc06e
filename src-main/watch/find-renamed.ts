import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FileRecord, FolderRecord, WatchRepository } from './watch-repository.ts';

/** A known file of the folder that is gone from disk and has this content: the video, renamed. */
export function findRenamed(
  repo: WatchRepository,
  folder: FolderRecord,
  print: { size: number; mtimeMs: number; hash: string },
): FileRecord | null {
  const gone = (f: FileRecord) => !existsSync(join(folder.path, f.relPath));
  const byHash = repo.findByContent(folder.id, print.size, print.hash).find(gone);
  if (byHash) return byHash;
  // Offers skipped without hashing: a rename keeps size and mtime on the same disk.
  return (
    repo
      .listFiles(folder.id)
      .find(
        (f) =>
          f.contentHash === null && f.size === print.size && f.mtimeMs === print.mtimeMs && gone(f),
      ) ?? null
  );
}
