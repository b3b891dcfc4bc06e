import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { Job } from '../../../src-shared/domain/job.ts';
import {
  alice,
  enqueueOne,
  startHarness,
  videoFile,
  waitForState,
  type Harness,
} from '../../helpers/upload-harness.ts';

const MiB = 1024 * 1024;

/** Polls until `ok` holds, or fails after `ms` naming what was last seen. */
async function until<T>(read: () => T, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = read();
    if (ok(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`gave up waiting; last seen ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('a paused upload shows what YouTube holds', () => {
  let h: Harness;
  beforeAll(async () => {
    // One chunk for the whole file: no chunk is confirmed before the pause, and the
    // file is larger than what loopback's socket buffers hold, so the pause lands mid-chunk.
    h = await startHarness({ chunkSize: 64 * MiB });
  });
  afterAll(() => h.close());

  test('pause mid-chunk: bytes go from the last confirmed chunk (0) to what the session holds', async () => {
    const file = videoFile(h.dir.path, 'held.mp4', 40 * MiB);
    h.sandbox.faults.set({ bandwidthBytesPerSec: 4 * MiB });
    const id = enqueueOne(h, file.path, alice);
    const session = await until(
      () =>
        h.sandbox.inspect
          .sessions()
          .find((s) => s.declaredLength === 40 * MiB && !s.completedVideoId),
      (s) => s !== undefined,
    );
    await until(
      () => h.sandbox.inspect.sessions().find((s) => s.uploadId === session!.uploadId)!.received,
      (n) => n >= MiB,
    );
    // Nothing is stored yet beyond the session row (the first chunk is not answered).
    const paused = h.core.services.uploads.pause(id);
    assert.equal(paused.bytesSent, 0);
    const changed: Job[] = [];
    const stop = h.core.events.subscribe((event, payload) => {
      if (event === 'jobs.changed' && (payload as Job).id === id) changed.push(payload as Job);
    });
    const shown = await until(
      () => h.core.services.uploads.get(id),
      (j) => j.bytesSent > 0,
    );
    stop();
    const held = h.sandbox.inspect
      .sessions()
      .find((s) => s.uploadId === session!.uploadId)!.received;
    assert.equal(shown.state, 'paused');
    assert.equal(shown.bytesSent, held, 'exactly what the session holds');
    assert.equal(shown.bytesSent % (256 * 1024), 0);
    assert.ok(
      changed.some((j) => j.bytesSent === held),
      'the UI hears about it',
    );

    h.sandbox.faults.clear();
    h.core.services.uploads.resume(id);
    const done = await waitForState(h.core, id, ['done', 'failed']);
    assert.equal(done.state, 'done');
    const videos = h.sandbox.inspect.channel(alice).videos.filter((v) => v.sha256 === file.sha256);
    assert.equal(videos.length, 1);
  });
});
