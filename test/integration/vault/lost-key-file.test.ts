import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'vitest';
import { ChannelRepository } from '../../../src-main/channels/channel-repository.ts';
import { keyFileProvider } from '../../../src-main/vault/key-file-provider.ts';
import type { Job } from '../../../src-shared/domain/job.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { testCore } from '../../helpers/test-core.ts';
import { metadata, waitForState } from '../../helpers/upload-harness.ts';

const CHANNEL = 'UClostkey000000000000000';

/** A data folder whose vault was created with `keyFile`, holding one channel's refresh token. */
async function vaultWithKeyFile(data: string, keyFile: string): Promise<void> {
  writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });
  const core = testCore(
    data,
    {},
    { keyProviders: () => [keyFileProvider(keyFile)], startUploads: false },
  );
  new ChannelRepository(core.db).upsertConnected(
    {
      id: CHANNEL,
      title: 'Lost key',
      handle: null,
      avatarUrl: null,
      customThumbnails: null,
      googleAccount: null,
      clientId: '1-a.apps.googleusercontent.com',
    },
    new Date().toISOString(),
  );
  core.services.vault.store.put({ kind: 'refresh_token', id: CHANNEL }, Buffer.from('1//refresh'));
  core.services.channels.clients.set({
    clientId: '1-a.apps.googleusercontent.com',
    clientSecret: 'GOCSPX-lost',
  });
  await core.close();
}

describe('a lost key file', () => {
  test('deleted: the advice is to restore the original (or use the passphrase), never to create a new one; channels show locked', async () => {
    const dir = tempDir();
    const data = join(dir.path, 'data');
    const keyFile = join(dir.path, 'master.key');
    try {
      await vaultWithKeyFile(data, keyFile);
      rmSync(keyFile);
      const core = testCore(
        data,
        {},
        { keyProviders: () => [keyFileProvider(keyFile)], startUploads: false },
      );
      try {
        const status = core.services.security.status();
        assert.equal(status.state, 'locked');
        assert.doesNotMatch(status.message ?? '', /head -c 32|Create one/);
        assert.match(
          status.message ?? '',
          /only that file opens it: restore .*master\.key from your backup/,
        );
        assert.match(status.message ?? '', /unlock with the vault passphrase if you set one/);
        assert.match(status.message ?? '', /A new key file would not open this vault/);
        const [channel] = core.services.channels.channels.list();
        assert.equal(channel?.status, 'locked');
        assert.equal(core.services.channels.channels.stats().byStatus.locked, 1);
      } finally {
        await core.close();
      }
    } finally {
      dir.remove();
    }
  });

  test('replaced by a new key (the old advice followed): a waiting upload stays waiting, retryable, not failed', async () => {
    const dir = tempDir();
    const data = join(dir.path, 'data');
    const keyFile = join(dir.path, 'master.key');
    try {
      await vaultWithKeyFile(data, keyFile);
      writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });
      const core = testCore(data, {}, { keyProviders: () => [keyFileProvider(keyFile)] });
      try {
        const video = join(dir.path, 'clip.mp4');
        writeFileSync(video, randomBytes(4096));
        const [id] = core.services.uploads.enqueue({
          file: video,
          channelIds: [CHANNEL],
          metadata: metadata(),
          thumbnail: null,
          source: { kind: 'cli' },
        });
        const job: Job = await waitForState(core, id!, ['waiting', 'failed', 'done']);
        assert.equal(job.state, 'waiting', JSON.stringify(job.error));
        assert.equal(job.waitReason, 'token');
        assert.equal(job.error?.retryable, true);
        assert.match(job.error?.message ?? '', /does not open this vault/);
        assert.equal(core.services.channels.channels.list()[0]?.status, 'locked');
      } finally {
        await core.close();
      }
    } finally {
      dir.remove();
    }
  });
});
