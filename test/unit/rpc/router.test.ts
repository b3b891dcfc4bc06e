import assert from 'node:assert/strict';
import { test } from 'vitest';
import { AppError } from '../../../src-shared/api/errors.ts';
import { createRouter, type HandlerMap } from '../../../src-main/rpc/router.ts';
import { createLogger, memorySink } from '../../../src-main/logging/logger.ts';
import { defaultSettings } from '../../../src-shared/domain/settings.ts';
import { methods } from '../../../src-shared/api/contract.ts';

const ctx = { transport: 'memory' as const };

// Methods other areas add to the contract answer with an error here; these tests do not call them.
const unused = Object.fromEntries(
  Object.keys(methods).map((name) => [
    name,
    () => {
      throw new Error(`${name} is not stubbed in this test`);
    },
  ]),
) as unknown as HandlerMap;

function handlers(overrides: Partial<HandlerMap> = {}): HandlerMap {
  return {
    ...unused,
    'app.info': () => ({
      name: 'Dropline',
      version: '1.0.0',
      dataDir: '/d',
      mode: 'headless',
      googleBaseUrl: null,
    }),
    'settings.get': () => defaultSettings,
    'settings.set': () => defaultSettings,
    ...overrides,
  } as HandlerMap;
}

test('unknown method, invalid input and a thrown error come back as three distinct codes', async () => {
  const sink = memorySink();
  const router = createRouter(
    handlers({
      'settings.get': () => {
        throw new Error('disk on fire');
      },
    }),
    createLogger(sink, 'debug'),
  );
  const unknown = await router.dispatch('no.such', {}, ctx);
  const invalid = await router.dispatch('settings.set', { theme: 'purple' }, ctx);
  const thrown = await router.dispatch('settings.get', {}, ctx);
  const codes = [unknown, invalid, thrown].map((r) => (r.ok ? 'ok' : r.error.code));
  assert.deepEqual(codes, ['unknown_method', 'invalid_input', 'internal']);
  assert.equal(new Set(codes).size, 3);
  assert.ok(!invalid.ok && /theme/.test(invalid.error.message), 'invalid_input names the field');
  assert.ok(
    sink.lines.some((l) => l.includes('disk on fire')),
    'the thrown error is logged',
  );
});

test('an AppError thrown by a handler crosses unchanged', async () => {
  const router = createRouter(
    handlers({
      'settings.get': () => {
        throw new AppError('quota_exceeded', 'Daily quota used up', true);
      },
    }),
    createLogger(memorySink(), 'debug'),
  );
  const result = await router.dispatch('settings.get', {}, ctx);
  assert.deepEqual(result, {
    ok: false,
    error: { code: 'quota_exceeded', message: 'Daily quota used up', retryable: true },
  });
});

test('outputs are parsed through their schema: unknown fields never leave', async () => {
  const router = createRouter(
    handlers({
      'settings.get': () => ({ ...defaultSettings, refreshToken: '1//secret' }) as never,
    }),
    createLogger(memorySink(), 'debug'),
  );
  const result = await router.dispatch('settings.get', {}, ctx);
  assert.ok(result.ok);
  assert.equal(JSON.stringify(result.output).includes('secret'), false);
});

test('inputs of methods without parameters must be empty objects', async () => {
  const router = createRouter(handlers(), createLogger(memorySink(), 'debug'));
  assert.equal((await router.dispatch('app.info', {}, ctx)).ok, true);
  assert.equal((await router.dispatch('app.info', undefined, ctx)).ok, true);
  const bad = await router.dispatch('app.info', { extra: 1 }, ctx);
  assert.equal(!bad.ok && bad.error.code, 'invalid_input');
});

test('a thrown error message is redacted before it crosses', async () => {
  const router = createRouter(
    handlers({
      'settings.get': () => {
        throw new Error('request failed: Authorization: Bearer ya29.a0AfH6SMBsecretsecret');
      },
    }),
    createLogger(memorySink(), 'debug'),
  );
  const result = await router.dispatch('settings.get', {}, ctx);
  assert.ok(!result.ok);
  assert.equal(result.error.message.includes('ya29.a0AfH6SMBsecretsecret'), false);
});
