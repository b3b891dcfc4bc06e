import { afterEach, describe, expect, it } from 'vitest';
import { startTikTokSandbox, type TikTokSandbox } from '../../fakes/tiktok-sandbox/index.ts';
import { connectTikTok } from '../../helpers/tiktok-harness.ts';
import {
  alice,
  metadata,
  startHarness,
  videoFile,
  waitForJobs,
  type Harness,
} from '../../helpers/upload-harness.ts';

let h: Harness;
let tiktok: TikTokSandbox;
afterEach(async () => {
  await h?.close();
  await tiktok?.close();
});

describe('one drop, a YouTube channel and a TikTok account', () => {
  it('gives two jobs, two uploads, each destination reading the file once', async () => {
    tiktok = await startTikTokSandbox();
    h = await startHarness({ channels: [alice], tiktokBaseUrl: tiktok.baseUrl });
    const { clientKey, clientSecret } = tiktok.apps.audited;
    h.core.services.tiktok.app.set({ clientKey, clientSecret, audited: true });
    const carol = await connectTikTok(h.core, '-000carol-open-id-0001');
    const file = videoFile(h.dir.path, 'both.mp4', 700_000);
    const [result] = await h.core.services.drops.queue([
      {
        name: 'both.mp4',
        size: 700_000,
        path: file.path,
        thumbnailName: null,
        thumbnailPath: null,
        // By @username, as a user types it; the job names the account by its open_id.
        channelIds: [alice, 'tiktok:carol.cuts'],
        metadata: metadata({ title: 'Both places' }),
        schedule: false,
      },
    ]);
    expect(result!.jobIds).toHaveLength(2);
    const jobs = await waitForJobs(
      h.core,
      (all) => all.length === 2 && all.every((j) => j.state === 'done' || j.state === 'failed'),
    );
    expect(jobs.map((j) => [j.channelId, j.state]).sort()).toEqual(
      [
        [alice, 'done'],
        [carol.id, 'done'],
      ].sort(),
    );
    const youtube = h.sandbox.inspect.channel(alice).videos;
    expect(youtube).toHaveLength(1);
    expect(youtube[0]).toMatchObject({ byteLength: 700_000, sha256: file.sha256 });
    const posts = tiktok.inspect.posts();
    expect(posts).toEqual([expect.objectContaining({ byteLength: 700_000, sha256: file.sha256 })]);
    // Each destination got the file exactly once: one PUT (one whole chunk) to TikTok.
    expect(tiktok.inspect.requests().filter((r) => r.method === 'PUT')).toHaveLength(1);
  });
});
