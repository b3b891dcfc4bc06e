// The stable-file gate on a fake clock with no watcher events after the first: its own stat at
// the end of the window is all that stands between a file still being written and an upload
// of half of it.
import assert from 'node:assert/strict';
import { appendFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, test } from 'vitest';
import { StableGate, type StableStat } from '../../../src-main/watch/stable-gate.ts';
import { FakeClock } from '../../helpers/fake-clock.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

const WINDOW = 1500;
const dir = tempDir('dropline-gate-');
afterAll(() => dir.remove());

/** Waits (on the event loop, not on time) until the gate's real stat has been answered. */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let turn = 0; turn < 10_000; turn++) {
    if (condition()) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  assert.fail(`never happened: ${what}`);
}

function gateOn(clock: FakeClock) {
  const stable: Array<StableStat & { path: string; at: number }> = [];
  const gate = new StableGate({
    clock,
    windowMs: WINDOW,
    onStable: (path, stats) => stable.push({ path, ...stats, at: clock.now() }),
  });
  return { gate, stable };
}

test('a file that grew during the window without any event is held for another window', async () => {
  const clock = new FakeClock();
  const { gate, stable } = gateOn(clock);
  const file = join(dir.path, 'recording.mp4');
  writeFileSync(file, Buffer.alloc(1000));
  const start = clock.now();
  gate.touch(file);
  await until(() => clock.pending === 1, 'the first look scheduled its re-check');

  appendFileSync(file, Buffer.alloc(500)); // the recorder writes on; the watcher says nothing
  await clock.advance(WINDOW);
  await until(() => clock.pending === 1 || stable.length > 0, 'the re-check answered');
  assert.equal(stable.length, 0, 'a file that changed size is not stable yet');

  await clock.advance(WINDOW);
  await until(() => stable.length > 0, 'the file became stable');
  assert.equal(stable.length, 1);
  assert.equal(stable[0]?.size, 1500, 'the whole file, not the size first seen');
  assert.equal(stable[0]?.at, start + 2 * WINDOW);
  assert.equal(gate.has(file), false);
});

test('a file rewritten to the same size with a new mtime is held too', async () => {
  const clock = new FakeClock();
  const { gate, stable } = gateOn(clock);
  const file = join(dir.path, 'same-size.mp4');
  writeFileSync(file, Buffer.alloc(800, 1));
  const start = clock.now();
  gate.touch(file);
  await until(() => clock.pending === 1, 'the first look scheduled its re-check');

  writeFileSync(file, Buffer.alloc(800, 2));
  utimesSync(file, new Date(start + 10_000), new Date(start + 10_000));
  await clock.advance(WINDOW);
  await until(() => clock.pending === 1 || stable.length > 0, 'the re-check answered');
  assert.equal(stable.length, 0, 'a file whose mtime moved is not stable yet');

  await clock.advance(WINDOW);
  await until(() => stable.length > 0, 'the file became stable');
  assert.equal(stable[0]?.mtimeMs, start + 10_000);
});

test('an untouched file is stable exactly one window after it was first seen', async () => {
  const clock = new FakeClock();
  const { gate, stable } = gateOn(clock);
  const file = join(dir.path, 'done.mp4');
  writeFileSync(file, Buffer.alloc(64));
  const start = clock.now();
  gate.touch(file);
  await until(() => clock.pending === 1, 'the first look scheduled its re-check');
  await clock.advance(WINDOW - 1);
  assert.equal(stable.length, 0);
  await clock.advance(1);
  await until(() => stable.length > 0, 'the file became stable');
  assert.equal(stable[0]?.at, start + WINDOW);
  assert.equal(stable[0]?.size, 64);
});
