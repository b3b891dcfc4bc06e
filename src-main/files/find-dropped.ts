import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, isAbsolute, join } from 'node:path';
import type { DropPlace, DroppedMatch } from '../../src-shared/api/files.ts';
import type { WatchRepository } from '../watch/watch-repository.ts';

/**
 * A browser cannot say where a dropped file is; its name and size can be
 * found again. Watched folders are searched through what the watcher already
 * knows (no disk scan); the last-used folder and the extra ones are read
 * once, without subfolders.
 */
export function findDropped(
  repo: WatchRepository,
  names: readonly { name: string; size: number }[],
  folders: readonly string[],
  lastUsed: string | null = null,
): DroppedMatch[] {
  const wanted = new Map(names.map((n) => [`${n.name}\0${n.size}`, new Map<string, DropPlace>()]));
  // The first place a path is found under stays: watched, then last used, then given.
  const offer = (name: string, size: number, path: string, place: DropPlace) => {
    const found = wanted.get(`${name}\0${size}`);
    if (found && !found.has(path)) found.set(path, place);
  };
  for (const folder of repo.listFolders())
    for (const file of repo.listFiles(folder.id)) {
      const path = join(folder.path, file.relPath);
      offer(basename(file.relPath), file.size, path, 'watched');
    }
  const extra: [string, DropPlace][] = [
    ...(lastUsed ? [[lastUsed, 'last_used'] as [string, DropPlace]] : []),
    ...folders.map((f): [string, DropPlace] => [f, 'given']),
  ];
  for (const [folder, place] of extra) {
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
        if (info.isFile()) offer(name, info.size, path, place);
      } catch {
        // Gone while reading: not offered.
      }
    }
  }
  return names.map((n) => {
    const found = [...(wanted.get(`${n.name}\0${n.size}`) ?? [])]
      .filter(([path]) => existsSync(path))
      .map(([path, place]) => ({ path, place }));
    return { name: n.name, size: n.size, paths: found.map((f) => f.path), found };
  });
}
