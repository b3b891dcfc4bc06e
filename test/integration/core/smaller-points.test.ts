import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'vitest';
import { describeExisting } from '../../../src-main/headless/cli/commands/upload.ts';
import { ChannelRepository } from '../../../src-main/channels/channel-repository.ts';
import type { ExistingJob } from '../../../src-shared/api/jobs.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { testCore } from '../../helpers/test-core.ts';
import {
  alice,
  metadata,
  startHarness,
  videoFile,
  waitForState,
} from '../../helpers/upload-harness.ts';

const ctx = { transport: 'memory' } as const;

describe('smaller hardening points', () => {
  test('an existing data folder with loose permissions is tightened to 0700, and the log says so', async () => {
    const dir = tempDir();
    try {
      const data = join(dir.path, 'data');
      mkdirSync(data);
      chmodSync(data, 0o755);
      const core = testCore(data, {}, { keyProviders: () => [], startUploads: false });
      try {
        assert.equal(statSync(data).mode & 0o777, 0o700);
        assert.ok(
          core.logLines.some(
            (l) => l.includes('data folder tightened to 0700') && l.includes('0755'),
          ),
        );
      } finally {
        await core.close();
      }
    } finally {
      dir.remove();
    }
  });

  test('downloads.start refuses anything but http and https', async () => {
    const dir = tempDir();
    const core = testCore(dir.path, {}, { keyProviders: () => [], startUploads: false });
    try {
      for (const url of ['file:///etc/passwd', 'ftp://example.com/x', 'javascript:alert(1)']) {
        const r = await core.router.dispatch('downloads.start', { url }, ctx);
        assert.equal(r.ok, false, url);
        assert.equal(!r.ok && r.error.code, 'invalid_input');
        assert.match(
          !r.ok ? r.error.message : '',
          /url: only http and https links can be downloaded/,
        );
      }
      assert.deepEqual(await core.services.downloads.list(), []);
    } finally {
      await core.close();
      dir.remove();
    }
  });

  test('the same file again with new metadata: told it is already done, with its link and how to upload again', async () => {
    const h = await startHarness();
    try {
      new ChannelRepository(h.core.db).upsertConnected(
        {
          id: alice,
          title: 'Alice',
          handle: null,
          avatarUrl: null,
          customThumbnails: null,
          googleAccount: null,
          clientId: h.sandbox.defaultClient.clientId,
        },
        new Date().toISOString(),
      );
      const file = videoFile(h.dir.path, 'again.mp4', 300 * 1024);
      const first = await h.core.router.dispatch(
        'jobs.enqueue',
        { files: [file.path], channelIds: [alice], metadata: metadata({ title: 'First cut' }) },
        ctx,
      );
      assert.ok(first.ok);
      const [id] = (first.output as { jobIds: string[] }).jobIds;
      const done = await waitForState(h.core, id!, ['done', 'failed']);
      assert.equal(done.state, 'done', JSON.stringify(done.error));
      const second = await h.core.router.dispatch(
        'jobs.enqueue',
        { files: [file.path], channelIds: [alice], metadata: metadata({ title: 'New title' }) },
        ctx,
      );
      assert.ok(second.ok);
      const out = second.output as { jobIds: string[]; existing: ExistingJob[] };
      assert.deepEqual(out.jobIds, [id]);
      assert.equal(out.existing.length, 1);
      const existing = out.existing[0]!;
      assert.equal(existing.state, 'done');
      assert.equal(existing.sameMetadata, false);
      assert.equal(existing.url, `https://www.youtube.com/watch?v=${done.videoId}`);
      const told = describeExisting(existing);
      assert.match(
        told,
        /again\.mp4 is already uploaded to UC\w+: https:\/\/www\.youtube\.com\/watch\?v=\S+ \(job /,
      );
      assert.match(told, /new title, description and other details were not applied/);
      assert.match(told, /To upload it again as a new video, add --again\./);
      const again = await h.core.router.dispatch(
        'jobs.enqueue',
        {
          files: [file.path],
          channelIds: [alice],
          metadata: metadata({ title: 'New title' }),
          again: true,
        },
        ctx,
      );
      assert.ok(again.ok);
      const fresh = again.output as { jobIds: string[]; existing: ExistingJob[] };
      assert.notEqual(fresh.jobIds[0], id);
      assert.deepEqual(fresh.existing, []);
      const redone = await waitForState(h.core, fresh.jobIds[0]!, ['done', 'failed']);
      assert.equal(redone.state, 'done');
      assert.equal(redone.metadata.title, 'New title');
    } finally {
      await h.close();
    }
  });
});
