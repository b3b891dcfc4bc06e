// Counts this process's open descriptors on given files, from /proc/self/fd. A count of all
// descriptors is not usable: the test worker shares its process with other test files, and
// their sockets and files open and close meanwhile (run 9 of f8b2b76 read one fewer).
import { existsSync, readdirSync, readlinkSync, realpathSync } from 'node:fs';
import { join } from 'node:path';

export const canCountFds = existsSync('/proc/self/fd');

/** How many descriptors of this process point at one of `paths` right now. */
export function fdsOpenOn(...paths: string[]): number {
  // The kernel names a descriptor's file by its real path, without symlinks.
  const wanted = new Set(paths.map((path) => realpathSync(path)));
  let count = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    let target: string;
    try {
      target = readlinkSync(join('/proc/self/fd', fd));
    } catch {
      continue; // closed between the listing and the read: not open on our file
    }
    if (wanted.has(target)) count += 1;
  }
  return count;
}
