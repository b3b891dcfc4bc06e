import { afterEach, describe, expect, it } from 'vitest';
import { MIN_CHUNK } from '../../fakes/tiktok-sandbox/index.ts';
import { enqueueOne, videoFile, waitForState } from '../../helpers/upload-harness.ts';
import {
  connectTikTok,
  startTikTokHarness,
  type TikTokHarness,
} from '../../helpers/tiktok-harness.ts';

let h: TikTokHarness;
afterEach(async () => {
  await h?.close();
});

const carolId = '-000carol-open-id-0001';
const carol = `tiktok:${carolId}`;

/** Every call Dropline made that TikTok refused for breaking a rule. */
const refusals = () =>
  h.sandbox.inspect
    .requests()
    .filter((r) => r.status === 400 || r.status === 416 || r.status === 415);

async function uploadOne(size: number, name: string) {
  const file = videoFile(h.dir.path, name, size);
  const id = enqueueOne(h, file.path, carol, {
    tiktok: {
      caption: 'from Dropline',
      disableComment: false,
      disableDuet: false,
      disableStitch: false,
      coverTimestampMs: 0,
      mode: 'direct',
    },
  } as never);
  const job = await waitForState(h.core, id, ['done', 'failed']);
  return { file, job };
}

describe('TikTok uploads: byte-exact, within the chunk rules', () => {
  it.each([
    ['under 5 MB, whole', 1_234_567, 1],
    ['exactly 5 MB', MIN_CHUNK, 1],
    ['3 chunks and a remainder', 3 * MIN_CHUNK + 4321, 3],
  ])('%s', async (_name, size, chunks) => {
    h = await startTikTokHarness({ core: { tiktok: { chunkSize: MIN_CHUNK } } });
    await connectTikTok(h.core, carolId);
    const { file, job } = await uploadOne(size, 'v.mp4');
    expect(job.state, job.error?.message).toBe('done');
    const posts = h.sandbox.inspect.posts(carolId);
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ byteLength: size, sha256: file.sha256, mode: 'direct' });
    expect(posts[0]!.postInfo).toMatchObject({ title: 'from Dropline', privacyLevel: 'SELF_ONLY' });
    const puts = h.sandbox.inspect.requests().filter((r) => r.method === 'PUT');
    expect(puts.map((p) => p.status)).toEqual([...Array(chunks - 1).fill(206), 201]);
    expect(refusals()).toEqual([]);
  });
});

describe('TikTok uploads: faults', () => {
  it('a connection dropped mid-chunk resumes at that chunk: one post, right bytes', async () => {
    h = await startTikTokHarness({ core: { tiktok: { chunkSize: MIN_CHUNK } } });
    await connectTikTok(h.core, carolId);
    h.sandbox.faults.set({ dropChunk: { afterBytes: 1_000_000, chunkIndex: 1 } });
    const { file, job } = await uploadOne(3 * MIN_CHUNK + 99, 'drop.mp4');
    expect(job.state, job.error?.message).toBe('done');
    const [upload] = h.sandbox.inspect.uploads();
    expect(h.sandbox.inspect.uploads()).toHaveLength(1);
    expect(upload!.receipts).toEqual([1, 1, 1]);
    expect(h.sandbox.inspect.posts()).toEqual([expect.objectContaining({ sha256: file.sha256 })]);
  });

  it('an acknowledgement lost after TikTok kept the chunk sends that one chunk twice, never more', async () => {
    h = await startTikTokHarness({ core: { tiktok: { chunkSize: MIN_CHUNK } } });
    await connectTikTok(h.core, carolId);
    h.sandbox.faults.set({ dropAfterChunk: { chunkIndex: 0 } });
    const { file, job } = await uploadOne(2 * MIN_CHUNK + 5, 'ack.mp4');
    expect(job.state, job.error?.message).toBe('done');
    expect(h.sandbox.inspect.uploads()[0]!.receipts).toEqual([2, 1]);
    expect(h.sandbox.inspect.posts()).toEqual([expect.objectContaining({ sha256: file.sha256 })]);
  });

  it('an expired upload URL starts a new upload, says so, and still makes one post', async () => {
    h = await startTikTokHarness({ core: { tiktok: { chunkSize: MIN_CHUNK } } });
    await connectTikTok(h.core, carolId);
    h.sandbox.faults.set({ dropChunk: { afterBytes: 100_000, chunkIndex: 1 } });
    const file = videoFile(h.dir.path, 'exp.mp4', 2 * MIN_CHUNK + 1);
    const id = enqueueOne(h, file.path, carol);
    await waitForState(h.core, id, ['waiting']);
    h.sandbox.faults.expireUploadUrl();
    const job = await waitForState(h.core, id, ['done', 'failed']);
    expect(job.state, job.error?.message).toBe('done');
    expect(h.sandbox.inspect.uploads()).toHaveLength(2);
    expect(h.sandbox.inspect.posts()).toEqual([expect.objectContaining({ sha256: file.sha256 })]);
    const history = h.core.services.uploads.timeline.list(id).map((e) => e.message);
    expect(history.some((m) => /upload link expired .* starting a new upload/.test(m))).toBe(true);
  });

  it("TikTok's rate limit makes the job wait, with the time", async () => {
    h = await startTikTokHarness({
      sandbox: { config: { rateLimits: { init: 1, status: 30, creatorInfo: 20 } } },
    });
    await connectTikTok(h.core, carolId);
    const a = enqueueOne(h, videoFile(h.dir.path, 'a.mp4', 1000).path, carol);
    expect((await waitForState(h.core, a, ['done', 'failed'])).state).toBe('done');
    const b = enqueueOne(h, videoFile(h.dir.path, 'b.mp4', 1000).path, carol);
    const waiting = await waitForState(h.core, b, ['waiting', 'failed']);
    expect(waiting.state).toBe('waiting');
    expect(waiting.error?.code).toBe('rate_limit_exceeded');
    expect(waiting.waitUntil).not.toBeNull();
    expect(waiting.error?.message).toContain(waiting.waitUntil!);
  });
});

describe('TikTok uploads: metadata and the audit', () => {
  it('an unaudited app offers SELF_ONLY only, says why, and refuses PUBLIC before sending anything', async () => {
    h = await startTikTokHarness({ audited: false });
    const account = await connectTikTok(h.core, carolId);
    expect(account.privacyOptions).toEqual(['SELF_ONLY']);
    expect(account.postingNote).toMatch(/has not passed TikTok's audit/);
    const file = videoFile(h.dir.path, 'pub.mp4', 1000);
    const id = enqueueOne(h, file.path, carol, {
      tiktok: { privacy: 'PUBLIC_TO_EVERYONE' },
    } as never);
    const job = await waitForState(h.core, id, ['done', 'failed']);
    expect(job.state).toBe('failed');
    expect(job.error?.message).toMatch(/may only post SELF_ONLY/);
    expect(h.sandbox.inspect.uploads()).toHaveLength(0);
  });

  it('an audited app offers what creator_info allows, and interactions the creator turned off stay off', async () => {
    h = await startTikTokHarness();
    const dave = await connectTikTok(h.core, '-000dave-open-id-00002');
    expect(dave.privacyOptions).toEqual([
      'FOLLOWER_OF_CREATOR',
      'MUTUAL_FOLLOW_FRIENDS',
      'SELF_ONLY',
    ]);
    expect(dave.postingNote).toBeNull();
    const id = enqueueOne(h, videoFile(h.dir.path, 'd.mp4', 1000).path, dave.id, {
      tiktok: { privacy: 'PUBLIC_TO_EVERYONE' },
    } as never);
    const job = await waitForState(h.core, id, ['done', 'failed']);
    expect(job.error?.message).toMatch(/PUBLIC_TO_EVERYONE is not one this account offers/);
    expect(job.error?.message).toMatch(/disableComment: the creator turned comments off/);
  });
});

describe('TikTok accounts: health', () => {
  it('a revoked grant turns the account to needs_reconsent with a notice, and posts a notice', async () => {
    h = await startTikTokHarness();
    await connectTikTok(h.core, carolId);
    const [ok] = await h.core.services.tiktok.accounts.check();
    expect(ok).toMatchObject({ status: 'connected' });
    // The user removed the app in TikTok: every token of the grant stops working.
    const token = h.core.services.tiktok.tokens.storedRefreshToken(carolId)!;
    await fetch(`${h.sandbox.baseUrl}/v2/oauth/revoke/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_key: h.sandbox.apps.audited.clientKey,
        client_secret: h.sandbox.apps.audited.clientSecret,
        token,
      }),
    });
    const [bad] = await h.core.services.tiktok.accounts.check();
    expect(bad).toMatchObject({ status: 'needs_reconsent' });
    expect(h.core.services.tiktok.accounts.get(carolId).status).toBe('needs_reconsent');
    expect(
      h.core.services.notices
        .list()
        .notices.some((n) => n.kind === 'needs_reconnect' && n.title.includes('Carol Cuts')),
    ).toBe(true);
  });
});
