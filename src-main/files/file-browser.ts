import { readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { AppError } from '../../src-shared/api/errors.ts';
import type { FileEntry, FolderListing } from '../../src-shared/api/files.ts';
import { classifyName } from '../../src-shared/watch/file-kinds.ts';

const MAX_ENTRIES = 2000;

function kindOf(name: string): FileEntry['kind'] {
  const kind = classifyName(name);
  return kind === 'video' || kind === 'image' ? kind : 'other';
}

/**
 * One folder of the engine's machine for the browser tab's file picker:
 * folders first, then files, by name; hidden entries left out. Starts at the
 * user's home. The API that reaches it is open only to an authenticated session.
 */
export function listFolder(path: string | null, home: string = homedir()): FolderListing {
  const target = resolve(path ?? home);
  if (path !== null && !isAbsolute(path))
    throw new AppError('invalid_input', `${path} is not a full path (start it at /).`);
  let names: string[];
  try {
    if (!statSync(target).isDirectory())
      throw new AppError('invalid_input', `${target} is not a folder.`);
    names = readdirSync(target);
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new AppError(
      code === 'ENOENT' ? 'not_found' : 'invalid_input',
      code === 'ENOENT'
        ? `The folder ${target} does not exist.`
        : `The folder ${target} cannot be read (${code ?? (error as Error).message}).`,
    );
  }
  const entries: FileEntry[] = [];
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const full = join(target, name);
    try {
      const info = statSync(full);
      if (info.isDirectory()) entries.push({ name, path: full, kind: 'folder', size: null });
      else if (info.isFile())
        entries.push({ name, path: full, kind: kindOf(name), size: info.size });
    } catch {
      // A dangling link or a file that went away while listing: not offered.
    }
  }
  entries.sort(
    (a, b) =>
      Number(b.kind === 'folder') - Number(a.kind === 'folder') ||
      a.name.localeCompare(b.name, undefined, { numeric: true, sensitivity: 'base' }),
  );
  const parent = dirname(target);
  return {
    path: target,
    parent: parent === target ? null : parent,
    home,
    entries: entries.slice(0, MAX_ENTRIES),
    truncated: entries.length > MAX_ENTRIES,
  };
}
