import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, test } from 'vitest';
import { createApiClient, type ApiClient } from '../../../src-shared/api/client.ts';
import { createCore, type Core } from '../../../src-main/core/create-core.ts';
import { redact } from '../../../src-main/logging/redact.ts';
import { memoryTransport } from '../../../src-main/rpc/memory-transport.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

const PASSPHRASES = [
  'Zebra-Quokka-7731-marmalade',
  'Wrong-Wombat-2290-lemonade',
  'Second-Pangolin-5512-toast',
  'Tiny-9ab',
];
const TOO_LONG = `Overlong-${'x'.repeat(1100)}`;

/**
 * Every passphrase operation, right and wrong, through a real core with its
 * real log file; then the database, the logs, the audit trail and every
 * payload and event are searched for the passphrases.
 */
describe('vault passphrases never leave the call', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  function open(keyFile: string): { core: Core; api: ApiClient; seen: string[] } {
    const core = createCore(
      {
        dataDir: join(dir.path, 'data'),
        mode: 'headless',
        version: '0.0.0-test',
        googleBaseUrl: null,
        logLevel: 'debug',
        keyProvider: 'file',
        masterKeyFile: keyFile,
      },
      { startUploads: false, passphraseCost: { logN: 14, r: 8, p: 1 } },
    );
    const seen: string[] = [];
    const transport = memoryTransport(core.router, core.events);
    const api = createApiClient({
      async call(method, input) {
        const result = await transport.call(method, input);
        seen.push(JSON.stringify(result));
        return result;
      },
      subscribe: (listener) =>
        transport.subscribe((event, payload) => {
          seen.push(JSON.stringify({ event, payload }));
          listener(event, payload);
        }),
    });
    api.on('vault.changed', () => undefined);
    return { core, api, seen };
  }

  test('set, change, wrong and right unlock, weak and overlong: no passphrase anywhere', async () => {
    const [right, wrong, second, weak] = PASSPHRASES as [string, string, string, string];
    const keyFile = join(dir.path, 'master.key');
    writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });
    const first = open(keyFile);
    await first.api.invoke('client.set', {
      clientId: '1-c1.apps.googleusercontent.com',
      clientSecret: 'GOCSPX-x',
    });
    await first.api.invoke('vault.setPassphrase', { passphrase: weak }).catch(() => undefined);
    await first.api.invoke('vault.setPassphrase', { passphrase: TOO_LONG }).catch(() => undefined);
    await first.api.invoke('vault.setPassphrase', { passphrase: second });
    await first.api.invoke('vault.setPassphrase', { passphrase: right });
    await first.core.close();

    writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });
    const next = open(keyFile);
    const errors: string[] = [];
    await next.api
      .invoke('vault.unlock', { passphrase: wrong })
      .catch((e: Error) => errors.push(e.message));
    await next.api.invoke('vault.unlock', { passphrase: right });
    await next.api.invoke('vault.status', {});
    // The unlock gave the new key file the key again, so the passphrase may go now.
    await next.api.invoke('vault.removePassphrase', {});
    assert.equal(errors.length, 1, 'the wrong passphrase was refused');
    await next.core.close();

    const dataDir = join(dir.path, 'data');
    const files = readdirSync(dataDir)
      .filter((n) => n.startsWith('dropline.db'))
      .map((n) => join(dataDir, n));
    for (const name of readdirSync(join(dataDir, 'logs'))) files.push(join(dataDir, 'logs', name));
    assert.ok(files.some((f) => /dropline\.\d+\.log$/.test(f)));
    const logText = readFileSync(
      files.find((f) => /dropline\.\d+\.log$/.test(f))!,
      'utf8',
    );
    assert.match(logText, /vault passphrase refused/, 'the log file was written');
    const haystacks: [string, string][] = [
      ...files.map((f): [string, string] => [f, readFileSync(f).toString('latin1')]),
      ['payloads and events', [...first.seen, ...next.seen].join('\n')],
      ['error messages', errors.join('\n')],
    ];
    assert.ok(
      first.seen.some((p) => p.includes('vault.changed')),
      'events were recorded',
    );
    for (const [where, text] of haystacks) {
      for (const secret of [...PASSPHRASES, TOO_LONG]) {
        assert.ok(!text.includes(secret), `a passphrase leaked into ${where}`);
        // UTF-16 (SQLite text in another encoding) would hide from a plain search.
        assert.ok(
          !text.includes(Buffer.from(secret, 'utf16le').toString('latin1')),
          `a passphrase leaked into ${where} (UTF-16)`,
        );
      }
    }
  });

  test('a log field named passphrase is masked, whatever it holds', () => {
    const masked = JSON.stringify(redact({ input: { passphrase: 'plain words here' } }));
    assert.ok(!masked.includes('plain words here'), masked);
  });
});
