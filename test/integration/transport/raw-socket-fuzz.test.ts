import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { connectToEngine } from '../../../src-main/engine-process/engine-client.ts';
import { readServiceFile } from '../../../src-main/engine-process/service-file.ts';
import { startServeProcess, type ServeProcess } from '../../helpers/serve-process.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

interface RawAnswer {
  status: number | null;
  head: string;
}

/**
 * Writes raw bytes to 127.0.0.1:port and collects whatever comes back until
 * the server closes the connection. `halfClose` ends our side after writing
 * (a request cut short); `reset` tears the connection down at once.
 */
function raw(
  port: number,
  bytes: string | Buffer,
  opts: { halfClose?: boolean; reset?: boolean } = {},
): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const head = received.split('\r\n\r\n')[0] ?? '';
      const match = /^HTTP\/1\.1 (\d{3})/.exec(head);
      resolve({ status: match ? Number(match[1]) : null, head });
    });
    socket.on('connect', () => {
      socket.write(bytes, () => {
        if (opts.reset) socket.resetAndDestroy();
        else if (opts.halfClose) socket.end();
      });
    });
  });
}

const header = (head: string, name: string): string | undefined =>
  head
    .split('\r\n')
    .find((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`))
    ?.slice(name.length + 1)
    .trim();

describe('the engine survives any malformed request (raw sockets against dropline serve)', () => {
  const dir = tempDir();
  const data = join(dir.path, 'data');
  let serve: ServeProcess;
  let port: number;
  let host: string;
  let token: string;

  /** After each input: the same process still answers a real API call. */
  async function stillAnswers(what: string): Promise<void> {
    assert.equal(serve.child.exitCode, null, `the engine exited after ${what}: ${serve.stderr()}`);
    const engine = await connectToEngine(serve.url, token);
    try {
      const info = await engine.api.invoke('app.info', {});
      assert.equal(info.mode, 'headless', `after ${what}`);
    } finally {
      engine.close();
    }
  }

  beforeAll(async () => {
    const keyFile = join(dir.path, 'master.key');
    writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });
    serve = await startServeProcess({
      dataDir: data,
      env: { DROPLINE_KEY_PROVIDER: 'file', DROPLINE_MASTER_KEY_FILE: keyFile },
    });
    port = Number(new URL(serve.url).port);
    host = `127.0.0.1:${port}`;
    token = readServiceFile(data)!.token;
  });
  afterAll(async () => {
    await serve.stop();
    dir.remove();
  });

  test('an unparsable target (`GET http://[`) with a valid Host answers 400, and the engine goes on', async () => {
    const answer = await raw(
      port,
      `GET http://[ HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
    );
    assert.equal(answer.status, 400, answer.head);
    assert.equal(header(answer.head, 'X-Content-Type-Options'), 'nosniff');
    assert.ok(header(answer.head, 'Content-Security-Policy'), answer.head);
    await stillAnswers('GET http://[');
  });

  test('the same target on an upgrade is refused, and the engine goes on', async () => {
    const answer = await raw(
      port,
      `GET http://[ HTTP/1.1\r\nHost: ${host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nAuthorization: Bearer ${token}\r\n\r\n`,
    );
    assert.ok(answer.status === 400 || answer.status === 404, answer.head);
    await stillAnswers('an upgrade to http://[');
  });

  // Built when each test runs: host, port and token are known only after `before`.
  type Case = [string, () => string | Buffer, { halfClose?: boolean; reset?: boolean }?];
  const wsHeaders = () =>
    `Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n`;
  // Built when each test runs: host, port and token are known only after `before`.
  const requests: Case[] = [
    [
      'absolute-form target',
      () => `GET http://${host}/ HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
    ],
    [
      'absolute-form to /api/session',
      () =>
        `POST http://${host}/api/session HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
    ],
    [
      'asterisk-form target',
      () => `OPTIONS * HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
    ],
    [
      'a scheme-relative target',
      () => `GET //evil.example/x HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
    ],
    [
      'bad percent-encoding',
      () => `GET /%E0%A4%A HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
    ],
    [
      'bad percent-encoding on the API path',
      () => `GET /api/session%zz HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
    ],
    [
      'an encoded NUL in the path',
      () => `GET /%00/../../etc/passwd HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
    ],
    ['a garbage request line', () => 'GARBAGE\r\n\r\n'],
    ['an unknown HTTP version', () => `GET / HTTP/9.9\r\nHost: ${host}\r\n\r\n`],
    ['a raw NUL in the request line', () => `GET /\u0000 HTTP/1.1\r\nHost: ${host}\r\n\r\n`],
    ['binary noise', () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))],
    ['a 100 KB target', () => `GET /${'a'.repeat(100_000)} HTTP/1.1\r\nHost: ${host}\r\n\r\n`],
    [
      'a huge header',
      () => `GET / HTTP/1.1\r\nHost: ${host}\r\nX-Big: ${'b'.repeat(64 * 1024)}\r\n\r\n`,
    ],
    [
      'a thousand headers',
      () =>
        `GET / HTTP/1.1\r\nHost: ${host}\r\n${'X-A: 1\r\n'.repeat(1000)}Connection: close\r\n\r\n`,
    ],
    [
      'duplicate Host headers',
      () => `GET / HTTP/1.1\r\nHost: ${host}\r\nHost: evil.example\r\nConnection: close\r\n\r\n`,
    ],
    [
      'duplicate Authorization headers',
      () =>
        `POST /api/session HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${token}\r\nAuthorization: Bearer x\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
    ],
    [
      'duplicate Cookie headers',
      () =>
        `GET /api/session HTTP/1.1\r\nHost: ${host}\r\nCookie: a=1\r\nCookie: dropline_session_${port}=x\r\nConnection: close\r\n\r\n`,
    ],
    [
      'conflicting Content-Length headers',
      () =>
        `POST /api/session HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 1\r\nContent-Length: 5\r\n\r\nabcde`,
    ],
    [
      'Content-Length with Transfer-Encoding',
      () =>
        `POST /api/session HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n`,
    ],
    [
      'a broken chunked body',
      () =>
        `POST /api/session HTTP/1.1\r\nHost: ${host}\r\nTransfer-Encoding: chunked\r\n\r\nnot-hex\r\n\r\n`,
    ],
    ['a header without a colon', () => `GET / HTTP/1.1\r\nHost: ${host}\r\nno colon here\r\n\r\n`],
    ['a request cut short', () => `GET / HTTP/1.1\r\nHost: ${host}\r\nX-Half`, { halfClose: true }],
    ['a reset mid-headers', () => `GET / HTTP/1.1\r\nHost: ${host}\r\n`, { reset: true }],
    [
      'an upgrade without a key',
      () =>
        `GET /api HTTP/1.1\r\nHost: ${host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nAuthorization: Bearer ${token}\r\n\r\n`,
    ],
    [
      'an upgrade with a foreign Host and garbage',
      () => `GET /api HTTP/1.1\r\nHost: evil.example\r\n${wsHeaders()}\r\n\u0000\u00ff garbage`,
    ],
    [
      'an unauthenticated upgrade with garbage after it',
      () => `GET /api HTTP/1.1\r\nHost: ${host}\r\n${wsHeaders()}\r\n${'\u0081\u00fe'.repeat(100)}`,
    ],
    [
      'an upgrade with bad percent-encoding',
      () =>
        `GET /api%zz HTTP/1.1\r\nHost: ${host}\r\n${wsHeaders()}Authorization: Bearer ${token}\r\n\r\n`,
    ],
    [
      'an upgrade with an absolute-form target',
      () =>
        `GET http://${host}/api HTTP/1.1\r\nHost: ${host}\r\n${wsHeaders()}Authorization: Bearer ${token}\r\n\r\n`,
    ],
    [
      'an upgrade with a huge protocol header',
      () =>
        `GET /api HTTP/1.1\r\nHost: ${host}\r\n${wsHeaders()}Sec-WebSocket-Protocol: ${'dropline.token.x,'.repeat(900)}\r\n\r\n`,
    ],
    [
      'an upgrade reset at once',
      () =>
        `GET /api HTTP/1.1\r\nHost: ${host}\r\n${wsHeaders()}Authorization: Bearer ${token}\r\n\r\n`,
      { reset: true },
    ],
  ];
  for (const [what, bytes, opts] of requests) {
    test(`${what}: answered or dropped, and the engine goes on`, async () => {
      const answer = await raw(port, bytes(), opts);
      if (answer.status !== null && answer.status >= 400 && answer.status !== 404)
        assert.equal(
          header(answer.head, 'X-Content-Type-Options'),
          'nosniff',
          `${what}: ${answer.head}`,
        );
      await stillAnswers(what);
    });
  }

  test('an authenticated upgrade followed by frames that are not WebSocket frames', async () => {
    const upgrade = `GET /api HTTP/1.1\r\nHost: ${host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Protocol: dropline.v1\r\nAuthorization: Bearer ${token}\r\n\r\n`;
    // An unmasked frame with a reserved opcode and a 2^63 length: ws closes the socket.
    const garbage = Buffer.from([0x8f, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 1, 2]);
    const answer = await raw(port, Buffer.concat([Buffer.from(upgrade, 'latin1'), garbage]));
    assert.equal(answer.status, 101, answer.head);
    await stillAnswers('garbage after an upgrade');
  });

  test('refusals carry the security headers: 401, 405 and 421', async () => {
    const unauthorized = await raw(
      port,
      `POST /api/session HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
    );
    const notAllowed = await raw(
      port,
      `DELETE / HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
    );
    const misdirected = await raw(
      port,
      `GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n`,
    );
    const upgradeUnauthorized = await raw(
      port,
      `GET /api HTTP/1.1\r\nHost: ${host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`,
    );
    for (const [answer, status] of [
      [unauthorized, 401],
      [notAllowed, 405],
      [misdirected, 421],
      [upgradeUnauthorized, 401],
    ] as const) {
      assert.equal(answer.status, status, answer.head);
      assert.equal(header(answer.head, 'X-Content-Type-Options'), 'nosniff', answer.head);
      assert.match(header(answer.head, 'Content-Security-Policy') ?? '', /default-src 'self'/);
      assert.equal(header(answer.head, 'Referrer-Policy'), 'no-referrer');
    }
    await stillAnswers('the refusals');
  });

  test("a sign-in's loopback listener survives `GET http://[` too", async () => {
    const engine = await connectToEngine(serve.url, token);
    try {
      await engine.api.invoke('client.set', {
        clientId: '100000000001-fuzz.apps.googleusercontent.com',
        clientSecret: 'GOCSPX-fuzz',
      });
      const started = await engine.api.invoke('channels.connect', { openBrowser: false });
      const redirect = new URL(new URL(started.authorizationUrl).searchParams.get('redirect_uri')!);
      const answer = await raw(
        Number(redirect.port),
        `GET http://[ HTTP/1.1\r\nHost: ${redirect.host}\r\nConnection: close\r\n\r\n`,
      );
      assert.equal(answer.status, 400, answer.head);
      await stillAnswers('GET http://[ on the loopback listener');
      await engine.api.invoke('channels.cancelConnect', { flowId: started.flowId });
    } finally {
      engine.close();
    }
  });
});
