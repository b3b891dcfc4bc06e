import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, test } from 'vitest';
import {
  EngineAlreadyRunningError,
  acquireEngineLock,
  runningEnginePid,
} from '../../../src-main/engine-process/engine-lock.ts';
import { processIdentity } from '../../../src-main/engine-process/process-identity.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

const onLinux = process.platform === 'linux';

describe('the engine lock', () => {
  const dirs: { remove(): void }[] = [];
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
    for (const dir of dirs.splice(0)) dir.remove();
  });
  // A real other process that stays alive while the test runs.
  async function otherProcess(): Promise<number> {
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {
      stdio: 'ignore',
    });
    children.push(child);
    await once(child, 'spawn');
    return child.pid!;
  }
  const dataDir = () => {
    const dir = tempDir();
    dirs.push(dir);
    return dir.path;
  };

  test('holds the pid and its start time', () => {
    const dir = dataDir();
    const release = acquireEngineLock(dir);
    const held = JSON.parse(readFileSync(join(dir, 'engine.lock'), 'utf8')) as {
      pid: number;
      identity: string | null;
    };
    assert.equal(held.pid, process.pid);
    if (onLinux) assert.match(held.identity ?? '', /^[0-9a-f-]+:\d+$/);
    release();
  });

  test.skipIf(!onLinux)(
    'a stale lock whose pid is alive but is another process (pid reused after a reboot) is taken over',
    async () => {
      const dir = dataDir();
      const pid = await otherProcess();
      // The lock names a live pid, with the start time of the process that held it before.
      writeFileSync(
        join(dir, 'engine.lock'),
        JSON.stringify({ pid, identity: 'an-earlier-boot:12345' }),
      );
      assert.equal(runningEnginePid(dir), null);
      const release = acquireEngineLock(dir);
      assert.equal(runningEnginePid(dir), null, 'we hold it now');
      release();
    },
  );

  test('a lock held by a live engine (same pid, same start time) is refused', async () => {
    const dir = dataDir();
    const pid = await otherProcess();
    writeFileSync(
      join(dir, 'engine.lock'),
      JSON.stringify({ pid, identity: processIdentity(pid) }),
    );
    assert.equal(runningEnginePid(dir), pid);
    assert.throws(() => acquireEngineLock(dir), EngineAlreadyRunningError);
  });

  test('an older bare-pid lock of a live process still counts; of a dead one it is taken over', async () => {
    const dir = dataDir();
    const pid = await otherProcess();
    writeFileSync(join(dir, 'engine.lock'), String(pid));
    assert.throws(() => acquireEngineLock(dir), EngineAlreadyRunningError);
    const child = children.pop()!;
    child.kill('SIGKILL');
    await once(child, 'exit');
    acquireEngineLock(dir)();
  });
});
