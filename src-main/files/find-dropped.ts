import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, isAbsolute, join } from 'node:path';
import type { DroppedMatch } from '../../src-shared/api/files.ts';
import type { WatchRepository } from '../watch/watch-repository.ts';

/**
 * A browser cannot say where a dropped file is; its name and size can be
 * found again. Watched folders are searched through what the watcher already
 * knows (no disk scan); the extra folders (the last one the user chose
 * from) are read once, without subfolders.
 */
export function findDropped(
  repo: WatchRepository,
  names: readonly { name: string; size: number }[],
  folders: readonly string[],
): DroppedMatch[] {
  const wanted = new Map(names.map((n) => [`${n.name}\0${n.size}`, new Set<string>()]));
  const offer = (name: string, size: number, path: string) =>
    wanted.get(`${name}\0${size}`)?.add(path);
  for (const folder of repo.listFolders())
    for (const file of repo.listFiles(folder.id)) {
      const path = join(folder.path, file.relPath);
      offer(basename(file.relPath), file.size, path);
    }
  for (const folder of folders) {
    if (!isAbsolute(folder)) continue;
    let entries: string[];
    try {
      entries = readdirSync(folder);
    } catch {
      continue;
    }
    for (const name of entries) {
      const path = join(folder, name);
      try {
        const info = statSync(path);
        if (info.isFile()) offer(name, info.size, path);
      } catch {
        // Gone while reading: not offered.
      }
    }
  }
  return names.map((n) => ({
    name: n.name,
    size: n.size,
    paths: [...(wanted.get(`${n.name}\0${n.size}`) ?? [])].filter((p) => existsSync(p)),
  }));
}
