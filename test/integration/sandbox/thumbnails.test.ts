import { describe, test, beforeAll, afterAll } from 'vitest';
import assert from 'node:assert/strict';
import { startGoogleSandbox, type GoogleSandbox } from '../../fakes/google-sandbox/index.ts';
import { ALICE, ALICE_BRAND, BOB, errorReason, raw, tinyPng, uploadWhole } from './helpers.ts';

describe('thumbnails.set', () => {
  let sandbox: GoogleSandbox;
  let token: string;
  let videoId: string;
  beforeAll(async () => {
    sandbox = await startGoogleSandbox();
    token = sandbox.issueTokens({ channelId: ALICE }).accessToken;
    videoId = await uploadWhole(sandbox, token, Buffer.from('video'));
  });
  afterAll(() => sandbox.close());

  const setThumb = (body: Buffer, type: string, opts: { token?: string; videoId?: string } = {}) =>
    raw({
      method: 'POST',
      url: `${sandbox.baseUrl}/upload/youtube/v3/thumbnails/set?videoId=${opts.videoId ?? videoId}&uploadType=media`,
      headers: {
        authorization: `Bearer ${opts.token ?? token}`,
        'content-type': type,
        'content-length': body.length,
      },
      body,
    });

  test('a PNG under 2 MB is stored with its hash, for 50 units', async () => {
    const used = sandbox.quota.snapshot().used;
    const res = await setThumb(tinyPng, 'image/png');
    assert.equal(res.status, 200, res.text);
    assert.equal(sandbox.quota.snapshot().used, used + 50);
    assert.equal(sandbox.inspect.video(videoId)!.thumbnail?.byteLength, tinyPng.length);
  });

  test('more than 2 MB is refused (413)', async () => {
    const big = Buffer.alloc(2 * 1024 * 1024 + 1);
    tinyPng.copy(big);
    const res = await setThumb(big, 'image/png');
    assert.equal(res.status, 413);
    assert.equal(errorReason(res), 'uploadTooLarge');
  });

  test('a type other than JPEG, PNG or octet-stream is refused; so is a body that is not an image', async () => {
    const gif = await setThumb(Buffer.from('GIF89a...'), 'image/gif');
    assert.equal(gif.status, 400);
    assert.equal(errorReason(gif), 'badContent');
    const notImage = await setThumb(Buffer.from('plain text'), 'image/jpeg');
    assert.equal(notImage.status, 400);
    assert.equal(errorReason(notImage), 'invalidImage');
    const empty = await setThumb(Buffer.alloc(0), 'image/jpeg');
    assert.equal(empty.status, 400);
    assert.equal(errorReason(empty), 'mediaBodyRequired');
    assert.equal((await setThumb(tinyPng, 'application/octet-stream')).status, 200);
  });

  test('403 forbidden for a channel that may not set custom thumbnails', async () => {
    const bob = sandbox.issueTokens({ channelId: BOB }).accessToken;
    const bobVideo = await uploadWhole(sandbox, bob, Buffer.from('bob video'));
    const res = await setThumb(tinyPng, 'image/png', { token: bob, videoId: bobVideo });
    assert.equal(res.status, 403);
    assert.equal(errorReason(res), 'forbidden');
    assert.equal(sandbox.inspect.video(bobVideo)!.thumbnail, null);
  });

  test("another channel's video is videoNotFound", async () => {
    const other = sandbox.issueTokens({ channelId: ALICE_BRAND }).accessToken;
    const res = await setThumb(tinyPng, 'image/png', { token: other });
    assert.equal(res.status, 404);
    assert.equal(errorReason(res), 'videoNotFound');
  });
});
