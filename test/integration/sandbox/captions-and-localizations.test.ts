import { afterAll, beforeAll, describe, test } from 'vitest';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { youtube } from '@googleapis/youtube';
import { OAuth2Client } from 'google-auth-library';
import { startGoogleSandbox, type GoogleSandbox } from '../../fakes/google-sandbox/index.ts';
import {
  ALICE,
  ALICE_BRAND,
  YT,
  YT_UPLOAD,
  errorReason,
  raw,
  startUpload,
  uploadWhole,
} from './helpers.ts';

const FORCE_SSL = 'https://www.googleapis.com/auth/youtube.force-ssl';
const srt = Buffer.from('1\n00:00:00,000 --> 00:00:01,000\nHello\n');

function captionBody(snippet: unknown, media: Buffer) {
  const boundary = 'xyz-boundary';
  return {
    headers: { 'content-type': `multipart/related; boundary=${boundary}` },
    body: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Type: application/json\r\n\r\n${JSON.stringify({ snippet })}\r\n--${boundary}\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      media,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
}

describe('sandbox: captions.insert, the localizations part, publishAt', () => {
  let sandbox: GoogleSandbox;
  let token: string;
  let videoId: string;
  const insert = (
    snippet: unknown,
    media = srt,
    as = token,
    query = 'uploadType=multipart&part=snippet',
  ) => {
    const { headers, body } = captionBody(snippet, media);
    return raw({
      method: 'POST',
      url: `${sandbox.baseUrl}/upload/youtube/v3/captions?${query}`,
      headers: { ...headers, authorization: `Bearer ${as}`, 'content-length': body.length },
      body,
    });
  };
  beforeAll(async () => {
    sandbox = await startGoogleSandbox({ config: { captionMaxBytes: 1000 } });
    token = sandbox.issueTokens({ channelId: ALICE }).accessToken;
    videoId = await uploadWhole(sandbox, token, Buffer.from('video bytes'));
  });
  afterAll(() => sandbox.close());

  test('a caption is stored with its language and bytes; 400 units', async () => {
    const before = sandbox.quota.snapshot().used;
    const res = await insert({ videoId, language: 'en', name: '' });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json<{ snippet: { language: string } }>().snippet.language, 'en');
    assert.equal(sandbox.quota.snapshot().used - before, 400);
    const stored = sandbox.inspect.video(videoId)!.captions;
    assert.deepEqual(
      stored.map((c) => [c.language, c.byteLength, c.sha256]),
      [['en', srt.length, createHash('sha256').update(srt).digest('hex')]],
    );
  });

  test("Google's refusals: scope, language, video, content, size, duplicate, uploadType", async () => {
    const plain = sandbox.issueTokens({ channelId: ALICE, scopes: [YT, YT_UPLOAD] }).accessToken;
    assert.equal(
      errorReason(await insert({ videoId, language: 'de', name: '' }, srt, plain)),
      'insufficientPermissions',
    );
    assert.equal(
      errorReason(await insert({ videoId, language: 'xx-nope', name: '' })),
      'invalidMetadata',
    );
    assert.equal(errorReason(await insert({ videoId, language: 'de' })), 'invalidMetadata');
    assert.equal(
      errorReason(await insert({ videoId: 'nope', language: 'de', name: '' })),
      'videoNotFound',
    );
    const other = sandbox.issueTokens({ channelId: ALICE_BRAND, scopes: [FORCE_SSL] }).accessToken;
    assert.equal(
      errorReason(await insert({ videoId, language: 'de', name: '' }, srt, other)),
      'videoNotFound',
    );
    assert.equal(
      errorReason(await insert({ videoId, language: 'de', name: '' }, Buffer.alloc(0))),
      'contentRequired',
    );
    const big = await insert({ videoId, language: 'de', name: '' }, Buffer.alloc(1001, 65));
    assert.equal(big.status, 413);
    const dup = await insert({ videoId, language: 'en', name: '' });
    assert.equal(dup.status, 409);
    assert.equal(errorReason(dup), 'captionExists');
    assert.equal((await insert({ videoId, language: 'en', name: 'Director' })).status, 200);
    assert.equal(
      (
        await insert(
          { videoId, language: 'fr', name: '' },
          srt,
          token,
          'uploadType=media&part=snippet',
        )
      ).status,
      400,
    );
  });

  test('localizations need defaultLanguage, follow the title rules per language, and come back as sent', async () => {
    const start = (resource: unknown) =>
      startUpload(sandbox, token, { size: 10, part: 'snippet,status,localizations', resource });
    const base = { title: 'Cooking', categoryId: '22' };
    const status = { privacyStatus: 'private' };
    assert.equal(
      errorReason(
        await start({ snippet: base, status, localizations: { de: { title: 'Kochen' } } }),
      ),
      'defaultLanguageNotSet',
    );
    const withLang = { ...base, defaultLanguage: 'en' };
    assert.equal(
      errorReason(
        await start({ snippet: withLang, status, localizations: { de: { title: 'a<b' } } }),
      ),
      'invalidTitle',
    );
    assert.equal(
      errorReason(
        await start({ snippet: withLang, status, localizations: { xx: { title: 'x' } } }),
      ),
      'invalidVideoMetadata',
    );
    assert.equal(
      errorReason(await start({ snippet: { ...base, defaultLanguage: 'klingonish' }, status })),
      'invalidVideoMetadata',
    );
    const localizations = {
      de: { title: 'Kochen', description: 'Brot' },
      'pt-BR': { title: 'Cozinha', description: '' },
    };
    const id = await uploadWhole(sandbox, token, Buffer.from('localized!'), {
      snippet: withLang,
      status,
      localizations,
    });
    // uploadWhole starts with part=snippet,status; the localizations part must be asked for.
    assert.deepEqual(sandbox.inspect.video(id)!.localizations, {});
    const ok = await start({ snippet: withLang, status, localizations });
    assert.equal(ok.status, 200, ok.text);
    const put = await raw({
      method: 'PUT',
      url: String(ok.headers.location),
      headers: { 'content-length': 10, 'content-range': 'bytes 0-9/10' },
      body: Buffer.from('0123456789'),
    });
    const video = sandbox.inspect.video(put.json<{ id: string }>().id)!;
    assert.equal(video.snippet.defaultLanguage, 'en');
    assert.deepEqual(video.localizations, localizations);
  });

  test('publishAt: ISO 8601 with a zone, private only, and never again once a video was public', async () => {
    const start = (status: unknown) =>
      startUpload(sandbox, token, {
        size: 1,
        resource: { snippet: { title: 't', categoryId: '22' }, status },
      });
    assert.equal(
      errorReason(await start({ privacyStatus: 'public', publishAt: '2099-01-01T10:00:00Z' })),
      'invalidPublishAt',
    );
    assert.equal(
      errorReason(await start({ privacyStatus: 'private', publishAt: 'next tuesday' })),
      'invalidPublishAt',
    );
    assert.equal(
      (await start({ privacyStatus: 'private', publishAt: '2099-01-01T10:00:00+02:00' })).status,
      200,
    );
    const publicId = await uploadWhole(sandbox, token, Buffer.from('was public'), {
      snippet: { title: 'p', categoryId: '22' },
      status: { privacyStatus: 'public' },
    });
    const update = await raw({
      method: 'PUT',
      url: `${sandbox.baseUrl}/youtube/v3/videos?part=status`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        id: publicId,
        status: { privacyStatus: 'private', publishAt: '2099-01-01T10:00:00Z' },
      }),
    });
    assert.equal(errorReason(update), 'invalidPublishAt');
  });

  test("Google's Node client inserts a caption the same way", async () => {
    const client = new OAuth2Client({
      clientId: sandbox.defaultClient.clientId,
      clientSecret: sandbox.defaultClient.clientSecret,
    });
    client.setCredentials({ access_token: token });
    const yt = youtube({ version: 'v3', auth: client, rootUrl: `${sandbox.baseUrl}/` });
    const res = await yt.captions.insert(
      {
        part: ['snippet'],
        requestBody: { snippet: { videoId, language: 'es', name: '' } },
        media: { mimeType: 'application/octet-stream', body: Readable.from([srt]) },
      },
      // A global rootUrl does not reach media URLs in googleapis-common: pass it per call too.
      { rootUrl: `${sandbox.baseUrl}/` },
    );
    assert.equal(res.status, 200);
    assert.equal(res.data.snippet?.language, 'es');
    assert.ok(
      sandbox.inspect
        .video(videoId)!
        .captions.some((c) => c.language === 'es' && c.byteLength === srt.length),
    );
  });
});
