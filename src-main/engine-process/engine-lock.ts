import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { processIdentity } from './process-identity.ts';

export class EngineAlreadyRunningError extends Error {
  readonly pid: number;
  constructor(pid: number, dataDir: string) {
    super(
      `Another Dropline engine (pid ${pid}) is already running on ${dataDir}; stop it first or use --data-dir.`,
    );
    this.pid = pid;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface LockHolder {
  pid: number;
  /** processIdentity() of the holder when it took the lock; null when unknown. */
  identity: string | null;
}

/** The lock file's holder: `{"pid", "identity"}`, or a bare pid (older engines). */
function readLock(dataDir: string): LockHolder | null {
  let text: string;
  try {
    text = readFileSync(join(dataDir, 'engine.lock'), 'utf8');
  } catch {
    return null;
  }
  let pid: unknown = Number.parseInt(text, 10);
  let identity: unknown = null;
  if (text.trimStart().startsWith('{')) {
    try {
      ({ pid, identity } = JSON.parse(text) as { pid: unknown; identity: unknown });
    } catch {
      return null;
    }
  }
  if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0) return null;
  return { pid, identity: typeof identity === 'string' ? identity : null };
}

export function readLockPid(dataDir: string): number | null {
  return readLock(dataDir)?.pid ?? null;
}

/**
 * The holder still runs: its pid is alive and, where start times can be
 * read, it is the same process (not another one that got the pid after a
 * reboot or a wrap-around).
 */
function holderRuns(holder: LockHolder): boolean {
  if (!isAlive(holder.pid)) return false;
  if (holder.identity === null) return true;
  const now = processIdentity(holder.pid);
  return now === null || now === holder.identity;
}

/** The pid of a live engine on this data directory, or null. */
export function runningEnginePid(dataDir: string): number | null {
  const holder = readLock(dataDir);
  return holder !== null && holder.pid !== process.pid && holderRuns(holder) ? holder.pid : null;
}

/**
 * One engine per data directory: an exclusive lock file holding our pid and
 * start time. A lock left by a dead process (kill -9, power loss) is taken
 * over, and so is one whose pid now belongs to another process.
 */
export function acquireEngineLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, 'engine.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, JSON.stringify({ pid: process.pid, identity: processIdentity(process.pid) }));
      closeSync(fd);
      return () => {
        if (readLockPid(dataDir) === process.pid) unlinkSync(file);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readLock(dataDir);
      if (holder !== null && holder.pid !== process.pid && holderRuns(holder))
        throw new EngineAlreadyRunningError(holder.pid, dataDir);
      try {
        unlinkSync(file);
      } catch {
        // Another starter removed it first; try again.
      }
    }
  }
  throw new Error(`Could not take the engine lock in ${dataDir}.`);
}
