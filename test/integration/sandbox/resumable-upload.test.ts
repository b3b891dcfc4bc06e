import { describe, test, beforeAll, afterAll } from 'vitest';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CHUNK_MULTIPLE,
  startGoogleSandbox,
  type GoogleSandbox,
} from '../../fakes/google-sandbox/index.ts';
import { ALICE, errorReason, putChunk, randomFile, startUpload, statusQuery } from './helpers.ts';

describe('videos.insert resumable protocol over raw HTTP', () => {
  let sandbox: GoogleSandbox;
  let dir: string;
  let token: string;
  beforeAll(async () => {
    sandbox = await startGoogleSandbox({ config: { quotaLimit: 1_000_000 } });
    dir = mkdtempSync(join(tmpdir(), 'sandbox-upload-'));
    token = sandbox.issueTokens({ channelId: ALICE }).accessToken;
  });
  afterAll(async () => {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function session(size: number): Promise<string> {
    const res = await startUpload(sandbox, token, {
      size,
      resource: {
        snippet: { title: 'Resumable', description: 'bytes', tags: ['a', 'b c'], categoryId: '22' },
        status: { privacyStatus: 'unlisted' },
      },
    });
    assert.equal(res.status, 200, res.text);
    const location = String(res.headers.location);
    assert.ok(location.startsWith(`${sandbox.baseUrl}/upload/youtube/v3/videos?`));
    assert.ok(new URL(location).searchParams.get('upload_id'));
    return location;
  }

  test('chunks, a refused odd chunk, a dropped connection, status query, resume, completion, repeat', async () => {
    const size = 3 * CHUNK_MULTIPLE + 1000;
    const file = randomFile(dir, size);
    const url = await session(size);

    const empty = await statusQuery(url, size);
    assert.equal(empty.status, 308);
    assert.equal(empty.headers.range, undefined, 'no bytes held: no Range header');

    const first = await putChunk(url, file.bytes.subarray(0, CHUNK_MULTIPLE), 0, size);
    assert.equal(first.status, 308);
    assert.equal(first.headers.range, `bytes=0-${CHUNK_MULTIPLE - 1}`);

    const odd = await putChunk(
      url,
      file.bytes.subarray(CHUNK_MULTIPLE, CHUNK_MULTIPLE + 100_000),
      CHUNK_MULTIPLE,
      size,
    );
    assert.equal(odd.status, 400, 'a non-final chunk must be a multiple of 256 KiB');
    assert.match(odd.json<{ error: { message: string } }>().error.message, /262144/);

    sandbox.faults.set({ dropUpload: { afterBytes: 300_000 } });
    await assert.rejects(
      putChunk(url, file.bytes.subarray(CHUNK_MULTIPLE, 3 * CHUNK_MULTIPLE), CHUNK_MULTIPLE, size),
    );
    assert.equal(sandbox.faults.snapshot().dropUpload, null, 'the drop fault is consumed');

    const afterDrop = await statusQuery(url, size);
    assert.equal(afterDrop.status, 308);
    // 256 KiB held + 300,000 bytes received, kept in whole 256 KiB units.
    assert.equal(afterDrop.headers.range, `bytes=0-${2 * CHUNK_MULTIPLE - 1}`);
    const held = 2 * CHUNK_MULTIPLE;

    const done = await putChunk(url, file.bytes.subarray(held), held, size);
    assert.equal(done.status, 200, done.text);
    const video = done.json<{
      id: string;
      kind: string;
      snippet: { title: string; channelId: string };
      status: { privacyStatus: string; uploadStatus: string };
    }>();
    assert.equal(video.kind, 'youtube#video');
    assert.match(video.id, /^[\w-]{11}$/);
    assert.equal(video.snippet.title, 'Resumable');
    assert.equal(video.snippet.channelId, ALICE);
    assert.equal(video.status.privacyStatus, 'unlisted');

    const stored = sandbox.inspect.video(video.id)!;
    assert.equal(stored.byteLength, size);
    assert.equal(stored.sha256, file.sha256, 'the bytes stored are the bytes of the file');

    const later = await statusQuery(url, size);
    assert.equal(later.status, 200, 'a completed session answers the completion again');
    assert.equal(later.json().id, video.id);
    assert.equal(sandbox.inspect.channel(ALICE).videos.filter((v) => v.id === video.id).length, 1);
    assert.ok(
      sandbox.inspect.requests().some((r) => r.method === 'PUT' && r.status === 0),
      'the dropped request is logged with status 0',
    );
  });

  test('bytes resent below what the server holds are skipped, not duplicated', async () => {
    const size = 2 * CHUNK_MULTIPLE + 10;
    const file = randomFile(dir, size);
    const url = await session(size);
    assert.equal(
      (await putChunk(url, file.bytes.subarray(0, CHUNK_MULTIPLE), 0, size)).status,
      308,
    );
    const done = await putChunk(url, file.bytes, 0, size);
    assert.equal(done.status, 200);
    assert.equal(sandbox.inspect.video(done.json<{ id: string }>().id)!.sha256, file.sha256);
  });

  test('a chunk starting past the held bytes, or a wrong total, is refused', async () => {
    const size = 2 * CHUNK_MULTIPLE;
    const file = randomFile(dir, size);
    const url = await session(size);
    const gap = await putChunk(url, file.bytes.subarray(CHUNK_MULTIPLE), CHUNK_MULTIPLE, size);
    assert.equal(gap.status, 400);
    const total = await putChunk(url, file.bytes.subarray(0, CHUNK_MULTIPLE), 0, size + 1);
    assert.equal(total.status, 400);
    assert.equal((await statusQuery(url, size)).headers.range, undefined);
  });

  test('5xx injected on the next PUT, then the retry succeeds', async () => {
    const size = 1000;
    const file = randomFile(dir, size);
    const url = await session(size);
    sandbox.faults.set({ failNext: { count: 1, status: 503, pathPrefix: '/upload/' } });
    const failed = await putChunk(url, file.bytes, 0, size);
    assert.equal(failed.status, 503);
    assert.equal(errorReason(failed), 'backendError');
    assert.equal((await putChunk(url, file.bytes, 0, size)).status, 200);
  });

  test('with latency and a bandwidth cap the upload is slower but byte-exact', async () => {
    const size = CHUNK_MULTIPLE + 5;
    const file = randomFile(dir, size);
    const url = await session(size);
    sandbox.faults.set({ latencyMs: 20, bandwidthBytesPerSec: 4 * 1024 * 1024 });
    try {
      const done = await putChunk(url, file.bytes, 0, size);
      assert.equal(done.status, 200);
      assert.equal(sandbox.inspect.video(done.json<{ id: string }>().id)!.sha256, file.sha256);
    } finally {
      sandbox.faults.clear();
    }
  });

  test('an expired session answers 404 (fault, or the clock past its lifetime)', async () => {
    const size = 2 * CHUNK_MULTIPLE;
    const file = randomFile(dir, size);
    const url = await session(size);
    assert.equal(
      (await putChunk(url, file.bytes.subarray(0, CHUNK_MULTIPLE), 0, size)).status,
      308,
    );
    sandbox.faults.expireUploadSession(new URL(url).searchParams.get('upload_id')!);
    assert.equal((await statusQuery(url, size)).status, 404);
    assert.equal(
      (await putChunk(url, file.bytes.subarray(CHUNK_MULTIPLE), CHUNK_MULTIPLE, size)).status,
      404,
    );

    const other = await session(size);
    sandbox.clock.advance(8 * 24 * 3600 * 1000);
    token = sandbox.issueTokens({ channelId: ALICE }).accessToken;
    assert.equal((await statusQuery(other, size)).status, 404);
  });

  test('initiation checks: media type, size, and part', async () => {
    const type = await startUpload(sandbox, token, { size: 10, contentType: 'text/plain' });
    assert.equal(type.status, 400);
    assert.equal(errorReason(type), 'badContent');
    const big = await startUpload(sandbox, token, { size: 274_877_906_945 });
    assert.equal(big.status, 413);
    const noPart = await startUpload(sandbox, token, { size: 10, part: '' });
    assert.equal(noPart.status, 400);
    assert.equal(errorReason(noPart), 'required');
    assert.equal(
      (await startUpload(sandbox, token, { size: 10, contentType: 'application/octet-stream' }))
        .status,
      200,
    );
  });

  test('an unaudited project gets its upload locked private', async () => {
    const testing = sandbox.clients().find((c) => !c.audited)!;
    const own = sandbox.issueTokens({ channelId: ALICE, clientId: testing.clientId }).accessToken;
    const start = await startUpload(sandbox, own, {
      size: 5,
      resource: { snippet: { title: 'Public?' }, status: { privacyStatus: 'public' } },
    });
    const done = await putChunk(String(start.headers.location), Buffer.from('12345'), 0, 5);
    const video = done.json<{ id: string; status: { privacyStatus: string } }>();
    assert.equal(video.status.privacyStatus, 'private');
    assert.equal(sandbox.inspect.video(video.id)!.lockedPrivate, true);
  });
});
