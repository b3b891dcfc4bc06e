import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { MIN_CHUNK } from '../../fakes/tiktok-sandbox/index.ts';
import {
  connectTikTok,
  startTikTokHarness,
  type TikTokHarness,
} from '../../helpers/tiktok-harness.ts';
import { videoFile } from '../../helpers/upload-harness.ts';

const script = fileURLToPath(new URL('./tiktok-engine.ts', import.meta.url));
const carolId = '-000carol-open-id-0001';

let h: TikTokHarness;
afterEach(async () => {
  await h?.close();
});

function runEngine(plan: object) {
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, TIKTOK_PLAN: JSON.stringify(plan) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit') as Promise<[number | null, string | null]>;
  return { child, exited };
}

describe('kill -9 and TikTok', () => {
  it('a kill -9 between the refresh answer and the save loses nothing: the account still refreshes', async () => {
    h = await startTikTokHarness();
    await connectTikTok(h.core, carolId);
    const before = h.core.services.tiktok.tokens.storedRefreshToken(carolId)!;
    await h.core.close();
    const plan = {
      mode: 'refresh',
      dataDir: join(h.dir.path, 'data'),
      tiktokBaseUrl: h.sandbox.baseUrl,
      openId: carolId,
      dieAfterRefreshAnswer: true,
    };
    const [, signal] = await runEngine(plan).exited;
    expect(signal).toBe('SIGKILL');
    // TikTok rotated: the token Dropline had before is dead now.
    expect(h.sandbox.inspect.refreshTokenLive(before)).toBe(false);
    const core = await h.restart().catch(() => h.core);
    h.core = core;
    await expect(core.services.tiktok.tokens.refresh(carolId)).resolves.toMatch(/^act\./);
    expect(core.services.tiktok.accounts.get(carolId).status).toBe('connected');
    const [result] = await core.services.tiktok.accounts.check(carolId);
    expect(result).toMatchObject({ status: 'connected' });
  });

  it('kill -9 at random moments mid-upload: one post, the right bytes, at most one chunk sent again per kill', async () => {
    h = await startTikTokHarness();
    await connectTikTok(h.core, carolId);
    const file = videoFile(h.dir.path, 'big.mp4', 8 * MIN_CHUNK + 12_345);
    await h.core.close();
    const plan = {
      mode: 'upload',
      dataDir: join(h.dir.path, 'data'),
      tiktokBaseUrl: h.sandbox.baseUrl,
      openId: carolId,
      file: file.path,
      chunkSize: MIN_CHUNK,
    };
    let kills = 0;
    for (let round = 0; round < 12; round++) {
      const { child, exited } = runEngine(plan);
      const delay = 150 + Math.floor(Math.random() * 400);
      const outcome = await Promise.race([
        exited.then(() => 'exited' as const),
        new Promise<'kill'>((r) => setTimeout(() => r('kill'), delay)),
      ]);
      if (outcome === 'exited') break;
      child.kill('SIGKILL');
      await exited;
      kills++;
    }
    const [code] = await runEngine(plan).exited;
    expect(code).toBe(0);
    expect(kills).toBeGreaterThan(0);
    const core = await h.restart();
    const job = core.services.uploads.list()[0];
    const posts = h.sandbox.inspect.posts(carolId);
    // What the job says is in the message, should it have ended without a post.
    const said = () => {
      const inits = h.sandbox.inspect.uploads().map((u) => u.receipts.join(''));
      return `${kills} kills; inits (chunks received) ${JSON.stringify(inits)}; job ${job?.state}: ${job?.error?.message ?? 'no error'}`;
    };
    expect(posts, said()).toHaveLength(1);
    expect(posts[0]!.sha256).toBe(file.sha256);
    const uploads = h.sandbox.inspect.uploads();
    const extra = uploads.reduce(
      (n, u) => n + u.receipts.reduce((m, r) => m + Math.max(0, r - 1), 0),
      0,
    );
    expect(extra).toBeLessThanOrEqual(kills);
    // Nothing expired here, so the bytes went to one upload, carried on across every restart. A
    // kill between TikTok's answer to an init and the save of it leaves an init that got nothing
    // (TikTok's init has no idempotency key, so its answer lost is an init made again).
    const withBytes = uploads.filter((u) => u.receipts.some((r) => r > 0));
    expect(withBytes).toHaveLength(1);
    expect(uploads.length - 1).toBeLessThanOrEqual(kills);
    expect(job).toMatchObject({
      state: 'done',
      bytesSent: file.path ? 8 * MIN_CHUNK + 12_345 : 0,
    });
  });
});
