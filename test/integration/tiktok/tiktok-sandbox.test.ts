import { createHash, randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MIN_CHUNK,
  startTikTokSandbox,
  type TikTokSandbox,
} from '../../fakes/tiktok-sandbox/index.ts';

let sandbox: TikTokSandbox;
beforeEach(async () => {
  sandbox = await startTikTokSandbox();
});
afterEach(async () => {
  await sandbox.close();
});

const carol = () => sandbox.accounts[0]!;

async function api(path: string, token: string, body: unknown = {}) {
  const res = await fetch(`${sandbox.baseUrl}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json; charset=UTF-8',
    },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    json: (await res.json()) as {
      data: Record<string, unknown>;
      error: { code: string; message: string };
    },
  };
}

async function tokenCall(form: Record<string, string>) {
  const res = await fetch(`${sandbox.baseUrl}/v2/oauth/token/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

const postInfo = (privacy = 'SELF_ONLY') => ({
  title: 'clip',
  privacy_level: privacy,
  disable_comment: false,
  disable_duet: false,
  disable_stitch: false,
  video_cover_timestamp_ms: 0,
});

function put(url: string, bytes: Buffer, first: number, total: number) {
  return fetch(url, {
    method: 'PUT',
    headers: {
      'content-type': 'video/mp4',
      'content-range': `bytes ${first}-${first + bytes.length - 1}/${total}`,
    },
    body: bytes,
  });
}

describe('TikTok sandbox: Login Kit for Desktop', () => {
  it('exchanges a PKCE code (hex S256) with the client key and secret, and rotates refresh tokens', async () => {
    const app = sandbox.apps.audited;
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('hex');
    const redirect = 'http://127.0.0.1:4567/cb/';
    const authz = new URL(`${sandbox.baseUrl}/v2/auth/authorize/`);
    for (const [k, v] of Object.entries({
      client_key: app.clientKey,
      scope: 'user.info.basic,video.publish',
      response_type: 'code',
      redirect_uri: redirect,
      state: 'st4te',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      sandbox_account: carol().openId,
    }))
      authz.searchParams.set(k, v);
    const res = await fetch(authz, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const back = new URL(res.headers.get('location')!);
    expect(back.searchParams.get('state')).toBe('st4te');
    const code = back.searchParams.get('code')!;
    const base = {
      client_key: app.clientKey,
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirect,
    };
    const wrongSecret = await tokenCall({
      ...base,
      client_secret: 'nope',
      code_verifier: verifier,
    });
    expect(wrongSecret.json.error).toBe('invalid_client');
    const ok = await tokenCall({
      ...base,
      client_secret: app.clientSecret,
      code_verifier: verifier,
    });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({
      open_id: carol().openId,
      expires_in: 7200,
      token_type: 'Bearer',
    });
    expect(ok.json.refresh_expires_in).toBe(180 * 86_400);
    const first = String(ok.json.refresh_token);
    const refreshed = await tokenCall({
      client_key: app.clientKey,
      client_secret: app.clientSecret,
      grant_type: 'refresh_token',
      refresh_token: first,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.json.refresh_token).not.toBe(first);
    const again = await tokenCall({
      client_key: app.clientKey,
      client_secret: app.clientSecret,
      grant_type: 'refresh_token',
      refresh_token: first,
    });
    expect(again.json.error).toBe('invalid_grant');
    expect(sandbox.inspect.refreshTokenLive(String(refreshed.json.refresh_token))).toBe(true);
  });

  it('refuses a base64url challenge and a redirect that is not loopback with a port', async () => {
    const q = (extra: Record<string, string>) => {
      const u = new URL(`${sandbox.baseUrl}/v2/auth/authorize/`);
      for (const [k, v] of Object.entries({
        client_key: sandbox.apps.audited.clientKey,
        scope: 'video.publish',
        response_type: 'code',
        redirect_uri: 'http://127.0.0.1:4567/cb/',
        state: 's',
        code_challenge_method: 'S256',
        code_challenge: 'a'.repeat(64),
        ...extra,
      }))
        u.searchParams.set(k, v);
      return fetch(u, { redirect: 'manual' });
    };
    const b64 = await q({ code_challenge: createHash('sha256').update('x').digest('base64url') });
    expect(new URL(b64.headers.get('location')!).searchParams.get('error')).toBe('invalid_request');
    expect((await q({ redirect_uri: 'https://example.com/cb/' })).status).toBe(400);
    expect((await q({ redirect_uri: 'http://127.0.0.1/cb/' })).status).toBe(400);
  });
});

describe('TikTok sandbox: Content Posting API', () => {
  it('answers creator_info with privacy options, interaction flags and the longest duration', async () => {
    const { accessToken } = sandbox.issueTokens(sandbox.accounts[1]!.openId);
    const { status, json } = await api('/v2/post/publish/creator_info/query/', accessToken);
    expect(status).toBe(200);
    expect(json.error.code).toBe('ok');
    expect(json.data).toMatchObject({
      creator_nickname: 'Dave (private account)',
      privacy_level_options: ['FOLLOWER_OF_CREATOR', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'],
      comment_disabled: true,
      max_video_post_duration_sec: 180,
    });
  });

  it('refuses chunk declarations that break the rules', async () => {
    const { accessToken } = sandbox.issueTokens(carol().openId);
    const init = (video_size: number, chunk_size: number, total_chunk_count: number) =>
      api('/v2/post/publish/video/init/', accessToken, {
        post_info: postInfo(),
        source_info: { source: 'FILE_UPLOAD', video_size, chunk_size, total_chunk_count },
      });
    for (const [v, c, n] of [
      [1000, 500, 2], // under 5 MB must go whole
      [20 * MIN_CHUNK, MIN_CHUNK - 1, 20], // chunk under 5 MB
      [3 * MIN_CHUNK + 9, MIN_CHUNK, 4], // count not floor(size / chunk)
      [100_000_000, 100_000_000, 1], // over 64 MB in one chunk
      [2000 * MIN_CHUNK, MIN_CHUNK, 2000], // over 1000 chunks
    ]) {
      const r = await init(v!, c!, n!);
      expect(r.status, `${v}/${c}/${n}`).toBe(400);
      expect(r.json.error.code).toBe('invalid_params');
      sandbox.clock.advance(61_000); // keep clear of the init rate limit
    }
  });

  it('takes chunks in order (206, then 201 for the last), makes one post and reports status', async () => {
    const { accessToken } = sandbox.issueTokens(carol().openId);
    const bytes = randomBytes(2 * MIN_CHUNK + 777);
    const init = await api('/v2/post/publish/video/init/', accessToken, {
      post_info: postInfo('PUBLIC_TO_EVERYONE'),
      source_info: {
        source: 'FILE_UPLOAD',
        video_size: bytes.length,
        chunk_size: MIN_CHUNK,
        total_chunk_count: 2,
      },
    });
    expect(init.status).toBe(200);
    const url = String(init.json.data.upload_url);
    const second = bytes.subarray(MIN_CHUNK);
    expect((await put(url, second, MIN_CHUNK, bytes.length)).status).toBe(416);
    expect((await put(url, bytes.subarray(0, MIN_CHUNK), 0, bytes.length)).status).toBe(206);
    expect((await put(url, second, MIN_CHUNK, bytes.length)).status).toBe(201);
    const posts = sandbox.inspect.posts(carol().openId);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const status = await api('/v2/post/publish/status/fetch/', accessToken, {
      publish_id: init.json.data.publish_id,
    });
    expect(status.json.data).toMatchObject({
      status: 'PUBLISH_COMPLETE',
      uploaded_bytes: bytes.length,
    });
  });

  it('limits init to 6 a minute and status to 30 a minute per token', async () => {
    const { accessToken } = sandbox.issueTokens(carol().openId);
    const body = {
      source_info: { source: 'FILE_UPLOAD', video_size: 10, chunk_size: 10, total_chunk_count: 1 },
    };
    for (let i = 0; i < 6; i++)
      expect((await api('/v2/post/publish/inbox/video/init/', accessToken, body)).status).toBe(200);
    const limited = await api('/v2/post/publish/inbox/video/init/', accessToken, body);
    expect(limited.status).toBe(429);
    expect(limited.json.error.code).toBe('rate_limit_exceeded');
    sandbox.clock.advance(60_001);
    expect((await api('/v2/post/publish/inbox/video/init/', accessToken, body)).status).toBe(200);
    const publishId = sandbox.inspect.uploads()[0]!.publishId;
    for (let i = 0; i < 30; i++)
      await api('/v2/post/publish/status/fetch/', accessToken, { publish_id: publishId });
    expect(
      (await api('/v2/post/publish/status/fetch/', accessToken, { publish_id: publishId })).status,
    ).toBe(429);
  });

  it('lets an unaudited app post SELF_ONLY only', async () => {
    const { accessToken } = sandbox.issueTokens(carol().openId, sandbox.apps.unaudited.clientKey);
    const source = { source: 'FILE_UPLOAD', video_size: 10, chunk_size: 10, total_chunk_count: 1 };
    const pub = await api('/v2/post/publish/video/init/', accessToken, {
      post_info: postInfo('PUBLIC_TO_EVERYONE'),
      source_info: source,
    });
    expect(pub.status).toBe(403);
    expect(pub.json.error.code).toBe('unaudited_client_can_only_post_to_private_accounts');
    const priv = await api('/v2/post/publish/video/init/', accessToken, {
      post_info: postInfo('SELF_ONLY'),
      source_info: source,
    });
    expect(priv.status).toBe(200);
  });

  it('refuses a PUT to an expired upload URL and says FAILED in the status; 5xx faults answer once', async () => {
    const { accessToken } = sandbox.issueTokens(carol().openId);
    const bytes = randomBytes(100);
    const init = await api('/v2/post/publish/inbox/video/init/', accessToken, {
      source_info: {
        source: 'FILE_UPLOAD',
        video_size: 100,
        chunk_size: 100,
        total_chunk_count: 1,
      },
    });
    expect(sandbox.faults.expireUploadUrl()).toBe(1);
    expect((await put(String(init.json.data.upload_url), bytes, 0, 100)).status).toBe(403);
    const status = await api('/v2/post/publish/status/fetch/', accessToken, {
      publish_id: init.json.data.publish_id,
    });
    expect(status.json.data).toMatchObject({ status: 'FAILED', fail_reason: 'upload_url_expired' });
    sandbox.faults.set({ failNext: { count: 1, status: 503 } });
    expect((await api('/v2/post/publish/creator_info/query/', accessToken)).status).toBe(503);
    expect((await api('/v2/post/publish/creator_info/query/', accessToken)).status).toBe(200);
    expect(sandbox.inspect.posts()).toHaveLength(0);
  });
});
