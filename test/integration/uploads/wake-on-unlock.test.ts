import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  alice,
  enqueueOne,
  startHarness,
  videoFile,
  waitForState,
  type Harness,
} from '../../helpers/upload-harness.ts';

describe('an unlocked vault wakes the uploads that waited for their tokens', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ startUploads: false });
  });
  after(() => h.close());

  test(
    'a job waiting an hour for its token uploads as soon as the vault says unlocked',
    { timeout: 20_000 },
    async () => {
      const file = videoFile(h.dir.path, 'locked.mp4', 300_000);
      const id = enqueueOne(h, file.path, alice);
      const engine = h.core.services.uploads;
      const hour = Date.now() + 3_600_000;
      // As a run ends when the vault is locked: waiting for the token, retried in an hour.
      engine.repo.update(
        id,
        {
          state: 'waiting',
          waitReason: 'token',
          nextAttemptAt: hour,
          error: { code: 'vault_locked', message: 'The vault is locked', retryable: true },
        },
        new Date().toISOString(),
      );
      engine.start();
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(engine.get(id).state, 'waiting', 'still waiting for its timer');
      // Other vault news (still locked) changes nothing.
      const status = h.core.services.security.status();
      h.core.events.emit('vault.changed', { ...status, state: 'locked' });
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(engine.get(id).state, 'waiting');

      h.core.events.emit('vault.changed', { ...status, state: 'unlocked' });
      const done = await waitForState(h.core, id, ['done', 'failed']);
      assert.equal(done.state, 'done');
      assert.equal(
        h.sandbox.inspect.channel(alice).videos.filter((v) => v.sha256 === file.sha256).length,
        1,
      );
    },
  );
});
