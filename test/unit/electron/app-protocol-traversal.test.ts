// The app:// handler serves the built renderer and nothing else. URL parsing already folds a
// plain `../`, so these requests use what survives it: an encoded slash, encoded dots, an
// encoded NUL, absolute paths, and a sibling folder whose name starts like the renderer's.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { handleAppProtocol } from '../../../src-main/electron/app-protocol.ts';
import type { SessionLike } from '../../../src-main/electron/electron-like.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

type Handler = (request: { url: string; method?: string }) => Response | Promise<Response>;

const SECRET = 'secret-outside-the-renderer';
const INDEX = '<!doctype html><title>Dropline</title>';

describe('app:// serves only the renderer folder', () => {
  const dir = tempDir('dropline-app-protocol-');
  const rendererDir = join(dir.path, 'renderer');
  let handler: Handler;

  beforeAll(() => {
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), INDEX);
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dir.path, 'secret.txt'), SECRET);
    mkdirSync(join(dir.path, 'renderer-private'));
    writeFileSync(join(dir.path, 'renderer-private', 'key.txt'), SECRET);
    const session = {
      protocol: { handle: (_scheme: string, h: Handler) => void (handler = h) },
    } as unknown as SessionLike;
    handleAppProtocol(session, rendererDir);
  });
  afterAll(() => dir.remove());

  const escapes = [
    'app://dropline/..%2fsecret.txt',
    'app://dropline/assets/..%2f..%2fsecret.txt',
    'app://dropline/%2e%2e%2fsecret.txt',
    'app://dropline/%2e%2e/secret.txt',
    'app://dropline/.%2e/.%2e/secret.txt',
    'app://dropline/..%5csecret.txt',
    'app://dropline/..%2frenderer-private%2fkey.txt',
    `app://dropline/${encodeURIComponent(join(dir.path, 'secret.txt'))}`,
    `app://dropline/${join(dir.path, 'secret.txt')}`,
    `app://dropline//${join(dir.path, 'secret.txt')}`,
    'app://dropline/..%2fsecret.txt%00.js',
    'app://dropline/index.html%00..%2f..%2fsecret.txt',
  ];
  for (const url of escapes)
    test(`${url.replace(dir.path, '<tmp>')} never reaches a file outside`, async () => {
      const res = await handler({ url, method: 'GET' });
      const text = await res.text();
      assert.equal(text.includes(SECRET), false, `leaked with status ${res.status}`);
      assert.ok(res.status === 404 || text === INDEX, `status ${res.status}: ${text.slice(0, 80)}`);
    });

  test('files inside are served with their type', async () => {
    const res = await handler({ url: 'app://dropline/assets/app.js', method: 'GET' });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /javascript/);
    assert.equal(await res.text(), 'console.log(1)');
  });

  test('a HEAD request gets the headers and no body', async () => {
    const res = await handler({ url: 'app://dropline/assets/app.js', method: 'HEAD' });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /javascript/);
    assert.equal(res.body, null);
  });
});
