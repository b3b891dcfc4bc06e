import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { classifyName, dirName, isTemporaryName, stem } from '../../src-shared/watch/file-kinds.ts';

/**
 * Images, sidecars, captions and partial files next to a video: its possible
 * companions, the newest companion's mtime, and whether a ".part" twin says
 * the export is still being written.
 */
export async function findNeighbours(
  folderPath: string,
  relVideo: string,
): Promise<{ companions: string[]; newest: number; partialTwin: boolean }> {
  const relDir = dirName(relVideo);
  const absDir = join(folderPath, relDir);
  const names = await readdir(absDir);
  const prefix = relDir === '' ? '' : `${relDir}/`;
  const companions: string[] = [];
  let newest = 0;
  let partialTwin = false;
  const videoStem = stem(basename(relVideo)).toLowerCase();
  for (const name of names) {
    if (isTemporaryName(name)) {
      if (name.toLowerCase().startsWith(videoStem)) partialTwin = true;
      continue;
    }
    const kind = classifyName(name);
    if (kind !== 'image' && kind !== 'sidecar' && kind !== 'video' && kind !== 'caption') continue;
    companions.push(prefix + name);
    if (kind === 'video') continue;
    const s = await stat(join(absDir, name)).catch(() => null);
    if (s) newest = Math.max(newest, s.mtimeMs);
  }
  return { companions, newest, partialTwin };
}
