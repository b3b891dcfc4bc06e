// The headless server's static files: only the built renderer, whatever the request target
// says. Raw sockets, so no client library tidies the target on the way (a plain `../` is
// folded by URL parsing; these are the spellings that survive it). HEAD sends headers only.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { Core } from '../../../src-main/core/create-core.ts';
import { startHeadlessServer, type HeadlessServer } from '../../../src-main/transport/server.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { testCore } from '../../helpers/test-core.ts';

const SECRET = 'secret-outside-the-renderer';
const INDEX = '<!doctype html><title>Dropline</title>';
const SCRIPT = 'console.log("dropline")';

/** One request on a fresh connection; resolves with everything the server sent. */
function raw(port: number, method: string, target: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const parts: Buffer[] = [];
    socket.on('data', (d: Buffer) => parts.push(d));
    socket.on('end', () => resolve(Buffer.concat(parts).toString('latin1')));
    socket.on('error', reject);
    socket.write(
      `${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`,
    );
  });
}

function split(answer: string): { status: number; head: string; body: string } {
  const end = answer.indexOf('\r\n\r\n');
  const head = answer.slice(0, end);
  return { status: Number(head.split(' ')[1]), head, body: answer.slice(end + 4) };
}

describe('headless static files stay inside the renderer folder', () => {
  const dir = tempDir('dropline-static-');
  const rendererDir = join(dir.path, 'renderer');
  let core: Core;
  let server: HeadlessServer;
  let port: number;

  beforeAll(async () => {
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), INDEX);
    writeFileSync(join(rendererDir, 'assets', 'app.js'), SCRIPT);
    writeFileSync(join(dir.path, 'secret.txt'), SECRET);
    mkdirSync(join(dir.path, 'renderer-private'));
    writeFileSync(join(dir.path, 'renderer-private', 'key.txt'), SECRET);
    core = testCore(join(dir.path, 'data'));
    server = await startHeadlessServer(core, { port: 0, rendererDir });
    port = Number(new URL(server.url).port);
  });
  afterAll(async () => {
    await server.close();
    await core.close();
    dir.remove();
  });

  const targets = [
    '/..%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/.%2e/.%2e/secret.txt',
    '/..%5csecret.txt',
    '/..%2frenderer-private%2fkey.txt',
    '/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    `/${encodeURIComponent(join(dir.path, 'secret.txt'))}`,
    `/${join(dir.path, 'secret.txt')}`,
    `//${join(dir.path, 'secret.txt')}`,
    '/..%2fsecret.txt%00.js',
    '/index.html%00..%2f..%2fsecret.txt',
    '/%00',
  ];
  for (const target of targets)
    test(`GET ${target.replace(dir.path, '<tmp>')} never reaches a file outside`, async () => {
      const { status, body } = split(await raw(port, 'GET', target));
      assert.equal(body.includes(SECRET), false, `leaked with status ${status}`);
      assert.equal(body.includes('root:'), false, 'leaked /etc/passwd');
      assert.ok(status >= 400 || body.includes(INDEX), `status ${status}: ${body.slice(0, 80)}`);
    });

  test('a file inside is served', async () => {
    const { status, head, body } = split(await raw(port, 'GET', '/assets/app.js'));
    assert.equal(status, 200);
    assert.match(head, /content-type: text\/javascript/i);
    assert.ok(body.includes(SCRIPT));
  });

  test('HEAD answers with the headers of a GET and sends no body', async () => {
    const { status, head, body } = split(await raw(port, 'HEAD', '/assets/app.js'));
    assert.equal(status, 200);
    assert.match(head, /content-type: text\/javascript/i);
    assert.equal(body, '', 'no body bytes after the headers');
  });
});
