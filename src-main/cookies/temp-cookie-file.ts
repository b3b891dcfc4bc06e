import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

/**
 * yt-dlp needs a real file for --cookies and rewrites it, so each run gets a
 * private copy: `<data>/tmp/cookies-XXXXXX/cookies.txt`, dir 0700, file 0600,
 * removed after the run. A crash leaves the directory behind; the next engine
 * start removes it (and the yt-dlp that may still hold it).
 */
const PREFIX = 'cookies-';
const OWNER_FILE = 'owner.json';

export function cookieTempRoot(dataDir: string): string {
  return join(dataDir, 'tmp');
}

export interface TempCookieFile {
  dir: string;
  path: string;
  /** Remembers the yt-dlp pid so a later start can stop an orphan still using the file. */
  setRunnerPid(pid: number): void;
  readBack(): Buffer | null;
  dispose(): void;
}

export function writeTempCookieFile(dataDir: string, contents: Buffer): TempCookieFile {
  const root = cookieTempRoot(dataDir);
  mkdirSync(root, { recursive: true, mode: 0o700 });
  chmodSync(root, 0o700);
  const dir = mkdtempSync(join(root, PREFIX));
  chmodSync(dir, 0o700);
  const path = join(dir, 'cookies.txt');
  writeFileSync(path, contents, { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  const owner = (runner: number | null): void =>
    writeFileSync(join(dir, OWNER_FILE), JSON.stringify({ engine: process.pid, runner }), {
      mode: 0o600,
    });
  owner(null);
  return {
    dir,
    path,
    setRunnerPid: (pid) => owner(pid),
    readBack() {
      try {
        return readFileSync(path);
      } catch {
        return null;
      }
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A pid is only ours to stop if it is still the yt-dlp that was given this directory. */
function stopOrphan(pid: number, dir: string): boolean {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (!cmdline.includes(dir)) return false;
    process.kill(pid, 'SIGKILL');
    return true;
  } catch {
    return false;
  }
}

/** Removes every leftover temporary cookie directory; returns how many. */
export function removeLeftoverCookieFiles(dataDir: string): { removed: number; stopped: number } {
  const root = cookieTempRoot(dataDir);
  let entries: string[];
  try {
    entries = readdirSync(root);
  } catch {
    return { removed: 0, stopped: 0 };
  }
  let removed = 0;
  let stopped = 0;
  for (const name of entries) {
    if (!name.startsWith(PREFIX)) continue;
    const dir = join(root, name);
    try {
      const owner = JSON.parse(readFileSync(join(dir, OWNER_FILE), 'utf8')) as {
        runner?: unknown;
      };
      if (typeof owner.runner === 'number' && stopOrphan(owner.runner, dir)) stopped++;
    } catch {
      // No owner file: nothing to stop, the directory still goes.
    }
    rmSync(dir, { recursive: true, force: true });
    removed++;
  }
  return { removed, stopped };
}
