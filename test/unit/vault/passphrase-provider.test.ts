import { describe, test } from 'vitest';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { passphraseProvider } from '../../../src-main/vault/passphrase-provider.ts';
import { VaultError, VaultErrorReason } from '../../../src-main/vault/vault-error.ts';

const isReason = (reason: string, text?: RegExp) => (err: unknown) =>
  err instanceof VaultError && err.reason === reason && (!text || text.test(err.message));

describe('passphrase key provider (scrypt)', async () => {
  const key = randomBytes(32);
  const wrapped = (await passphraseProvider('correct horse battery')).wrap(key);
  const opener = (passphrase: string, slot = wrapped) => passphraseProvider(passphrase, slot);

  test('round trip with the same passphrase', async () => {
    assert.deepEqual((await opener('correct horse battery')).unwrap(wrapped), key);
  });

  test('scrypt runs off the event loop: a timer fires while the key is derived', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    await opener('correct horse battery');
    clearInterval(timer);
    assert.ok(ticks > 0, 'the event loop turned during the derivation');
  });

  test('the slot stores strong default cost and a random salt, never the passphrase', async () => {
    assert.equal(wrapped[1], 17);
    assert.equal(wrapped[2], 8);
    const again = (await passphraseProvider('correct horse battery')).wrap(key);
    assert.notDeepEqual(again.subarray(4, 20), wrapped.subarray(4, 20));
    assert.ok(!wrapped.includes(Buffer.from('correct horse battery')));
    assert.ok(!wrapped.includes(key));
  });

  test('a wrong passphrase is refused clearly', async () => {
    const wrong = await opener('wrong horse battery');
    assert.throws(
      () => wrong.unwrap(wrapped),
      isReason(VaultErrorReason.wrongKey, /passphrase is wrong/),
    );
  });

  test('a too short passphrase is refused when setting it', async () => {
    const short = await passphraseProvider('short');
    assert.throws(() => short.wrap(key), isReason(VaultErrorReason.invalid, /at least 12/));
  });

  test('a tampered cost is refused before deriving', async () => {
    const bad = Buffer.from(wrapped);
    bad[1] = 40;
    await assert.rejects(
      () => opener('correct horse battery', bad),
      isReason(VaultErrorReason.corrupt, /scrypt cost/),
    );
  });

  test('a tampered salt fails closed', async () => {
    const bad = Buffer.from(wrapped);
    bad[6]! ^= 0xff;
    const provider = await opener('correct horse battery', bad);
    assert.throws(() => provider.unwrap(bad), VaultError);
  });
});
