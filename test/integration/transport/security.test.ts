import assert from 'node:assert/strict';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, test } from 'vitest';
import WebSocket from 'ws';
import { WS_PROTOCOL } from '../../../src-shared/api/wire.ts';
import { startHeadlessServer, type HeadlessServer } from '../../../src-main/transport/server.ts';
import type { Core } from '../../../src-main/core/create-core.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { testCore } from '../../helpers/test-core.ts';

/** Tries a WebSocket upgrade; resolves with 'open' or the HTTP status of the refusal. */
function tryUpgrade(
  url: string,
  headers: Record<string, string>,
  protocols = [WS_PROTOCOL],
): Promise<'open' | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${url.replace('http', 'ws')}/api`, protocols, { headers });
    ws.once('open', () => {
      ws.close();
      resolve('open');
    });
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', () => undefined);
  });
}

function httpStatus(
  url: string,
  opts: { method?: string; headers?: Record<string, string> },
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('headless service security', () => {
  const dir = tempDir();
  let core: Core;
  let server: HeadlessServer;
  let dispatched = 0;

  beforeAll(async () => {
    core = testCore(dir.path);
    const real = core.router.dispatch.bind(core.router);
    core.router.dispatch = (...args) => {
      dispatched++;
      return real(...args);
    };
    server = await startHeadlessServer(core, { port: 0, rendererDir: dir.path });
  });
  afterAll(async () => {
    await server.close();
    await core.close();
    dir.remove();
  });

  test('binds to 127.0.0.1 only', () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test('an upgrade without a token is refused with 401', async () => {
    assert.equal(await tryUpgrade(server.url, {}), 401);
  });

  test('a wrong token is refused with 401', async () => {
    assert.equal(
      await tryUpgrade(server.url, { Authorization: `Bearer ${'x'.repeat(server.token.length)}` }),
      401,
    );
    assert.equal(await tryUpgrade(server.url, { Authorization: 'Bearer short' }), 401);
  });

  test('a foreign Host is refused (DNS rebinding), even with the right token', async () => {
    const status = await tryUpgrade(server.url, {
      Authorization: `Bearer ${server.token}`,
      Host: 'attacker.example',
    });
    assert.equal(status, 421);
    assert.equal(
      await httpStatus(`${server.url}/`, { headers: { Host: `attacker.example:${server.port}` } }),
      421,
    );
  });

  test('a foreign Origin is refused, even with the right token', async () => {
    const status = await tryUpgrade(server.url, {
      Authorization: `Bearer ${server.token}`,
      Origin: 'https://evil.example',
    });
    assert.equal(status, 403);
  });

  test('a session cookie cannot be minted from a foreign origin or without the token', async () => {
    const foreign = await httpStatus(`${server.url}/api/session`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}`, Origin: 'https://evil.example' },
    });
    assert.equal(foreign, 401);
    assert.equal(await httpStatus(`${server.url}/api/session`, { method: 'POST' }), 401);
  });

  test('nothing was dispatched by any refused request; the right token is accepted', async () => {
    assert.equal(dispatched, 0);
    assert.equal(
      await tryUpgrade(server.url, { Authorization: `Bearer ${server.token}`, Origin: server.url }),
      'open',
    );
    assert.equal(
      await tryUpgrade(server.url, { Origin: server.url }, [
        WS_PROTOCOL,
        `dropline.token.${server.token}`,
      ]),
      'open',
    );
  });

  test('pages carry a strict Content-Security-Policy', async () => {
    const headers = await new Promise<Record<string, unknown>>((resolve) => {
      request(`${server.url}/`, (res) => {
        res.resume();
        resolve(res.headers);
      }).end();
    });
    const csp = String(headers['content-security-policy']);
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe-eval|unsafe-inline/);
  });
});
