// The stable-file gate on a fake clock with no watcher events after the first: its own stat at
// the end of the window is all that stands between a file still being written and an upload
// of half of it.
import assert from 'node:assert/strict';
import { appendFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, test } from 'vitest';
import { StableGate, type StableStat } from '../../../src-main/watch/stable-gate.ts';
import { FakeClock, flushAsync } from '../../helpers/fake-clock.ts';
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

/** A fake clock that also records each delay asked for: the sign that a look has finished. */
class RecordingClock extends FakeClock {
  readonly delays: number[] = [];
  /** Each timer's callback, to fire one by hand (as a late or already-cancelled timer would). */
  readonly callbacks: Array<() => void> = [];
  override setTimeout(fn: () => void, ms: number): () => void {
    this.delays.push(ms);
    this.callbacks.push(fn);
    return super.setTimeout(fn, ms);
  }
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

test('a file that changed size but kept its mtime is held too', async () => {
  const clock = new FakeClock();
  const { gate, stable } = gateOn(clock);
  const file = join(dir.path, 'same-mtime.mp4');
  writeFileSync(file, Buffer.alloc(100));
  const mtime = new Date(clock.now() - 60_000);
  utimesSync(file, mtime, mtime);
  gate.touch(file);
  await until(() => clock.pending === 1, 'the first look scheduled its re-check');
  appendFileSync(file, Buffer.alloc(50));
  utimesSync(file, mtime, mtime); // a copy tool that sets the original mtime as it goes
  await clock.advance(WINDOW);
  await until(() => clock.pending === 1 || stable.length > 0, 'the re-check answered');
  assert.equal(stable.length, 0, 'a file that grew is not stable, whatever its mtime');
  await clock.advance(WINDOW);
  await until(() => stable.length > 0, 'the file became stable');
  assert.equal(stable[0]?.size, 150);
});

test('a look asked for later than the window waits that long, not one window', async () => {
  const clock = new FakeClock();
  const { gate, stable } = gateOn(clock);
  const file = join(dir.path, 'later.mp4');
  writeFileSync(file, Buffer.alloc(10));
  const start = clock.now();
  gate.touch(file, 4000);
  await until(() => clock.pending === 1, 'the first look scheduled its re-check');
  await clock.advance(3999);
  assert.equal(stable.length, 0);
  await clock.advance(1);
  await until(() => stable.length > 0, 'the file became stable');
  assert.equal(stable[0]?.at, start + 4000);
});

test('an event after a quiet window still waits its delay: the file is looked at again first', async () => {
  const clock = new RecordingClock();
  const { gate, stable } = gateOn(clock);
  const file = join(dir.path, 'event-late.mp4');
  writeFileSync(file, Buffer.alloc(10));
  const start = clock.now();
  gate.touch(file, 3000);
  await until(() => clock.pending === 1, 'the first look scheduled its re-check');
  await clock.advance(2000); // quiet for longer than the window, its re-check still to come
  gate.touch(file);
  await until(() => clock.delays.length === 2 || stable.length > 0, 'the event was looked at');
  assert.equal(stable.length, 0, 'an event is not a verdict');
  assert.deepEqual(clock.delays, [3000, WINDOW]);
  await clock.advance(WINDOW);
  await until(() => stable.length > 0, 'the file became stable');
  assert.equal(stable[0]?.at, start + 2000 + WINDOW);
});

test('a look asked for at once mid-window waits out the rest of the window, no more', async () => {
  const clock = new RecordingClock();
  const { gate, stable } = gateOn(clock);
  const file = join(dir.path, 'now.mp4');
  writeFileSync(file, Buffer.alloc(10));
  const start = clock.now();
  gate.touch(file);
  await until(() => clock.pending === 1, 'the first look scheduled its re-check');
  await clock.advance(1000);
  gate.touch(file, 0);
  await until(() => clock.delays.length === 2 || stable.length > 0, 'the look was answered');
  assert.deepEqual(clock.delays, [WINDOW, WINDOW - 1000]);
  await clock.advance(WINDOW - 1000);
  await until(() => stable.length > 0, 'the file became stable');
  assert.equal(stable[0]?.at, start + WINDOW);
});

test('size counts the files it watches; forget and clear drop them and their timers', async () => {
  const clock = new FakeClock();
  const { gate, stable } = gateOn(clock);
  const a = join(dir.path, 'forget-a.mp4');
  const b = join(dir.path, 'forget-b.mp4');
  const c = join(dir.path, 'forget-c.mp4');
  for (const f of [a, b, c]) writeFileSync(f, Buffer.alloc(10));
  gate.touch(a);
  gate.touch(b);
  gate.touch(c);
  await until(() => clock.pending === 3, 'three re-checks scheduled');
  assert.equal(gate.size, 3);
  gate.forget(a);
  gate.forget(join(dir.path, 'never-seen.mp4'));
  assert.equal(gate.size, 2);
  assert.equal(gate.has(a), false);
  assert.equal(clock.pending, 2, 'its re-check is cancelled');
  gate.clear();
  assert.equal(gate.size, 0);
  assert.equal(clock.pending, 0);
  await clock.advance(2 * WINDOW);
  assert.equal(stable.length, 0);
});

test('a file that disappears is forgotten quietly; another stat error is reported', async () => {
  const clock = new FakeClock();
  const errors: Array<{ path: string; code: string }> = [];
  const stable: string[] = [];
  const gate = new StableGate({
    clock,
    windowMs: WINDOW,
    onStable: (path) => stable.push(path),
    onError: (path, error) => errors.push({ path, code: (error as NodeJS.ErrnoException).code! }),
  });
  const gone = join(dir.path, 'gone.mp4');
  writeFileSync(gone, Buffer.alloc(10));
  gate.touch(gone);
  await until(() => clock.pending === 1, 'the first look scheduled its re-check');
  rmSync(gone);
  await clock.advance(WINDOW);
  await until(() => !gate.has(gone), 'the missing file was forgotten');
  assert.deepEqual(errors, []);
  assert.equal(clock.pending, 0);

  const notADir = join(dir.path, 'plain-file');
  writeFileSync(notADir, 'x');
  const bad = join(notADir, 'child.mp4'); // ENOTDIR
  gate.touch(bad);
  await until(() => errors.length > 0, 'the error was reported');
  assert.deepEqual(errors, [{ path: bad, code: 'ENOTDIR' }]);
  assert.equal(gate.has(bad), false);
  assert.deepEqual(stable, []);
});

test('without an error handler a stat error is swallowed, not thrown', async () => {
  const clock = new FakeClock();
  const gate = new StableGate({ clock, windowMs: WINDOW, onStable: () => undefined });
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  try {
    const notADir = join(dir.path, 'plain-file-2');
    writeFileSync(notADir, 'x');
    gate.touch(join(notADir, 'child.mp4'));
    await flushAsync(50);
    assert.deepEqual(unhandled, []);
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
});

test('clear() while a re-check is reading the file: nothing to cancel, no error', async () => {
  const clock = new RecordingClock();
  const { gate, stable } = gateOn(clock);
  const file = join(dir.path, 'clear-mid-check.mp4');
  writeFileSync(file, Buffer.alloc(10));
  gate.touch(file);
  await until(() => clock.delays.length === 1, 'the first look scheduled its re-check');
  clock.callbacks[0]!(); // the re-check starts its stat; the entry has no timer now
  gate.clear();
  assert.equal(gate.size, 0);
  await flushAsync(20);
  assert.deepEqual(stable, []);
});

test('a re-check timer that fires for a forgotten file does nothing', async () => {
  const clock = new RecordingClock();
  const { gate, stable } = gateOn(clock);
  const file = join(dir.path, 'forgotten.mp4');
  writeFileSync(file, Buffer.alloc(10));
  gate.touch(file);
  await until(() => clock.delays.length === 1, 'the first look scheduled its re-check');
  gate.forget(file);
  clock.callbacks[0]!(); // fires anyway, as a timer cancelled too late would
  assert.equal(gate.has(file), false);
  assert.equal(clock.delays.length, 1, 'no new look, no new timer');
  await clock.advance(2 * WINDOW);
  assert.deepEqual(stable, []);
  assert.equal(gate.has(file), false);
});
