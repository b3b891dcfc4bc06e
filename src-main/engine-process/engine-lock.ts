import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

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

export function readLockPid(dataDir: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(join(dataDir, 'engine.lock'), 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** The pid of a live engine on this data directory, or null. */
export function runningEnginePid(dataDir: string): number | null {
  const pid = readLockPid(dataDir);
  return pid !== null && pid !== process.pid && isAlive(pid) ? pid : null;
}

/**
 * One engine per data directory: an exclusive lock file holding our pid.
 * A lock left by a dead process (kill -9, power loss) is taken over.
 */
export function acquireEngineLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, 'engine.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        if (readLockPid(dataDir) === process.pid) unlinkSync(file);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = readLockPid(dataDir);
      if (pid !== null && pid !== process.pid && isAlive(pid))
        throw new EngineAlreadyRunningError(pid, dataDir);
      try {
        unlinkSync(file);
      } catch {
        // Another starter removed it first; try again.
      }
    }
  }
  throw new Error(`Could not take the engine lock in ${dataDir}.`);
}
