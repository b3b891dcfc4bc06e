import { once } from 'node:events';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { systemClock } from '../../../src-main/base/clock.ts';
import { BandwidthLimiter } from '../../../src-main/uploads/bandwidth-limiter.ts';
import { fileRangeBody } from '../../../src-main/uploads/file-range-body.ts';
import { PieceBuffers, pieceSizeFor } from '../../../src-main/uploads/piece-buffers.ts';
import { NetworkError, nodeHttp } from '../../../src-main/youtube/google-http.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

/**
 * A real server on loopback: /echo and /slow-echo answer with the SHA-256 of
 * the body, /refuse answers 400 at once.
 */
describe('fileRangeBody over a real HTTP connection', () => {
  const dir = tempDir();
  const bytes = randomBytes(5 * 1024 * 1024 + 17);
  const file = join(dir.path, 'v.mp4');
  let server: Server;
  let base: string;
  let connections = 0;
  const limiter = new BandwidthLimiter(systemClock, () => 0);

  beforeAll(async () => {
    writeFileSync(file, bytes);
    server = createServer(async (req, res) => {
      // Takes the request, never reads nor answers; says it has it (a test waits for that).
      if (req.url === '/stall') return void server.emit('stalled');
      if (req.url === '/refuse') {
        res.writeHead(400, { connection: 'close' });
        return res.end('no');
      }
      const hash = createHash('sha256');
      try {
        for await (const part of req) {
          hash.update(part as Buffer);
          // A slow reader fills the socket, so writes queue up holding our buffers.
          if (req.url === '/slow-echo') await new Promise((r) => setTimeout(r, 1));
        }
      } catch {
        return; // the client went away
      }
      res.writeHead(200).end(hash.digest('hex'));
    });
    server.on('connection', () => connections++);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
    dir.remove();
  });

  const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  const send = (
    path: string,
    first: number,
    last: number,
    buffers: PieceBuffers,
    opts: { file?: string; signal?: AbortSignal } = {},
  ) => {
    let reported = 0;
    const body = fileRangeBody({
      file: opts.file ?? file,
      signal: opts.signal,
      first,
      last,
      limiter,
      buffers,
      onBytes: (n) => (reported += n),
    });
    return nodeHttp
      .request({
        method: 'PUT',
        url: `${base}${path}`,
        headers: { 'Content-Length': String(last - first + 1) },
        body,
        signal: opts.signal,
      })
      .then((res) => ({ res, reported: () => reported }));
  };

  test('sends exactly bytes first..last, several ranges through the same reused buffers', async () => {
    const buffers = new PieceBuffers();
    for (const [first, last] of [
      [0, bytes.length - 1],
      [262_144, 262_144 * 9 - 1],
      [bytes.length - 1, bytes.length - 1],
    ] as const) {
      const { res, reported } = await send('/slow-echo', first, last, buffers);
      assert.equal(res.status, 200);
      assert.equal(
        res.body.toString(),
        sha256(bytes.subarray(first, last + 1)),
        `${first}-${last}`,
      );
      assert.equal(reported(), last - first + 1, 'each byte reported once');
    }
  });

  test(
    'an answer before the body ends stops the writer and frees the buffers for the next chunk',
    { timeout: 10_000 },
    async () => {
      const buffers = new PieceBuffers();
      // The server answers and closes: we read its 400, or our next write meets the closed
      // socket first (EPIPE), a network error the engine answers with a status query.
      const refused = await send('/refuse', 0, bytes.length - 1, buffers).then(
        ({ res }) => String(res.status),
        (error: Error) => error.name,
      );
      assert.match(refused, /^(400|NetworkError)$/);
      // The next body waits for the buffers; it would hang if the refused writer never let go.
      const { res } = await send('/echo', 0, 1024 * 1024 - 1, buffers);
      assert.equal(res.body.toString(), sha256(bytes.subarray(0, 1024 * 1024)));
    },
  );

  test('a file shorter than the range fails with its own error naming the file, not a network error', async () => {
    await assert.rejects(
      send('/echo', bytes.length - 10, bytes.length + 99, new PieceBuffers()),
      (error: Error) =>
        !(error instanceof NetworkError) &&
        error.message.includes('v.mp4') &&
        /ended at byte/.test(error.message),
    );
  });

  test('chunk after chunk goes over one kept-alive connection', async () => {
    const buffers = new PieceBuffers();
    const before = connections;
    for (let i = 0; i < 40; i++) {
      const { res } = await send('/echo', 0, 256 * 1024 - 1, buffers);
      assert.equal(res.status, 200);
    }
    assert.equal(connections - before, 1, 'no chunk lost its connection after a full answer');
  });

  test(
    'a pause while the server reads nothing ends at once and frees the buffers',
    { timeout: 10_000 },
    async () => {
      const buffers = new PieceBuffers();
      const controller = new AbortController();
      const arrived = once(server, 'stalled');
      const stalled = send('/stall', 0, bytes.length - 1, buffers, { signal: controller.signal });
      await arrived;
      controller.abort(new Error('paused'));
      await assert.rejects(stalled, /paused/);
      const { res } = await send('/echo', 0, 1024 - 1, buffers);
      assert.equal(res.body.toString(), sha256(bytes.subarray(0, 1024)));
    },
  );

  test('reads 1 MiB pieces without a limit, smaller ones under a limit', () => {
    assert.equal(pieceSizeFor(0), 1024 * 1024);
    assert.equal(pieceSizeFor(1024), 128 * 1024); // 1 MiB/s: an eighth of a second
    assert.equal(pieceSizeFor(1), 16 * 1024); // never tiny
    assert.equal(pieceSizeFor(1_000_000), 1024 * 1024); // never huge
  });
});
