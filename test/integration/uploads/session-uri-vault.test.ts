import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import {
  alice,
  enqueueOne,
  startHarness,
  videoFile,
  waitForState,
  type Harness,
} from '../../helpers/upload-harness.ts';

const MiB = 1024 * 1024;

/** Polls the sandbox (not the engine's timing) until `ok`; the deadline only stops a hung test. */
async function until<T>(read: () => T, ok: (v: T) => boolean): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`gave up; last seen ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the resumable session URI is a credential: kept in the vault, not in the job row', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ chunkSize: 1 * MiB });
  });
  afterAll(() => h.close());

  test('mid-upload, neither the jobs row nor the database files hold the URI; resuming still works', async () => {
    const file = videoFile(h.dir.path, 'secret-session.mp4', 8 * MiB);
    h.sandbox.faults.set({ bandwidthBytesPerSec: 2 * MiB });
    const id = enqueueOne(h, file.path, alice);
    const session = await until(
      () => h.sandbox.inspect.sessions().find((s) => s.declaredLength === 8 * MiB),
      (s) => s !== undefined && s.received >= MiB,
    );
    h.core.services.uploads.pause(id);
    const row = h.core.db.prepare('SELECT session_uri FROM jobs WHERE id = ?').pluck().get(id);
    assert.match(String(row), /^vault:[0-9a-f]+$/);
    const dbFile = join(h.dir.path, 'data', 'dropline.db');
    const bytes = Buffer.concat(
      [dbFile, `${dbFile}-wal`].filter(existsSync).map((f) => readFileSync(f)),
    );
    assert.equal(
      bytes.includes(session!.uploadId),
      false,
      'the upload id is nowhere in plain text',
    );
    assert.equal(bytes.includes('upload_id='), false);
    const secrets = h.core.db
      .prepare("SELECT COUNT(*) FROM secrets WHERE kind = 'upload_session' AND id = ?")
      .pluck()
      .get(id);
    assert.equal(secrets, 1);

    h.sandbox.faults.clear();
    h.core.services.uploads.resume(id);
    const done = await waitForState(h.core, id, ['done', 'failed']);
    assert.equal(done.state, 'done', JSON.stringify(done.error));
    assert.equal(
      h.sandbox.inspect.channel(alice).videos.filter((v) => v.sha256 === file.sha256).length,
      1,
    );
    const left = h.core.db
      .prepare("SELECT COUNT(*) FROM secrets WHERE kind = 'upload_session'")
      .pluck()
      .get();
    assert.equal(left, 0, 'a spent session is deleted');
  });
});
