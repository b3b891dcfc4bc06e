import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  connectTikTok,
  startTikTokHarness,
  type TikTokHarness,
} from '../../helpers/tiktok-harness.ts';
import { waitForJobs } from '../../helpers/upload-harness.ts';

let h: TikTokHarness;
afterEach(async () => {
  await h?.close();
});

describe('a watched folder that targets a YouTube channel and a TikTok account', () => {
  it("queues one job per destination, and the sidecar's tiktok: section reaches the post", async () => {
    h = await startTikTokHarness({ core: { videoProbe: null, folderPresenceCheckMs: 100 } });
    const carol = await connectTikTok(h.core, '-000carol-open-id-0001');
    const videos = join(h.dir.path, 'videos');
    mkdirSync(videos);
    const added = await h.core.router.dispatch(
      'folders.add',
      { path: videos, channelIds: ['UC_a', 'tiktok:carol.cuts'], stabilitySeconds: 0.3 },
      { transport: 'memory' },
    );
    expect(added.ok).toBe(true);
    writeFileSync(
      join(videos, 'ep1.yaml'),
      'title: Knife skills\ntiktok:\n  caption: "Knife skills in 60 s #cooking"\n  disableDuet: true\n  coverTimestampMs: 1500\n',
    );
    writeFileSync(join(videos, 'ep1.mp4'), Buffer.alloc(4096, 7));
    const jobs = await waitForJobs(
      h.core,
      (all) => all.length === 2 && all.some((j) => j.channelId === carol.id && j.state === 'done'),
    );
    expect(jobs.map((j) => j.channelId).sort()).toEqual(['UC_a', carol.id].sort());
    const [post] = h.sandbox.inspect.posts();
    expect(post?.postInfo).toMatchObject({
      title: 'Knife skills in 60 s #cooking',
      disableDuet: true,
      videoCoverTimestampMs: 1500,
      privacyLevel: 'SELF_ONLY',
    });
  });
});
