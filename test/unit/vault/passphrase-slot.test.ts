import { describe, test } from 'vitest';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
  passphraseProvider,
  type ScryptCost,
} from '../../../src-main/vault/passphrase-provider.ts';
import { VaultError, VaultErrorReason } from '../../../src-main/vault/vault-error.ts';

// The cheapest cost a slot may ask for: these tests are about the slot format and the
// provider's choices, not scrypt's strength (passphrase-provider.test.ts checks the default).
const CHEAP: ScryptCost = { logN: 14, r: 1, p: 1 };
const PASS = 'correct horse battery';

const refused = (reason: string, message: string | RegExp) => (err: unknown) => {
  assert.ok(err instanceof VaultError, `expected a VaultError, got ${String(err)}`);
  assert.equal(err.reason, reason);
  if (typeof message === 'string') assert.equal(err.message, message);
  else assert.match(err.message, message);
  return true;
};
const DAMAGED = 'The passphrase key slot is damaged.';

describe('passphrase slots', async () => {
  const key = randomBytes(32);
  const writer = await passphraseProvider(PASS, null, CHEAP);
  const slot = writer.wrap(key);

  test('a slot is [version 1, logN, r, p, 16-byte salt] then the sealed key', () => {
    assert.deepEqual([...slot.subarray(0, 4)], [1, 14, 1, 1]);
    assert.equal(slot.length, 4 + 16 + 1 + 12 + 32 + 16);
    assert.equal(writer.id, 'passphrase');
    assert.equal(writer.label, 'the vault passphrase');
  });

  test('the provider that wrote a slot opens it; one made from the slot opens it too', async () => {
    assert.deepEqual(writer.unwrap(slot), key);
    const opener = await passphraseProvider(PASS, slot, CHEAP);
    assert.deepEqual(opener.unwrap(slot), key);
    // The opener can also write a new slot (a fresh salt) and open that one.
    const rewrapped = opener.wrap(key);
    assert.notDeepEqual(rewrapped.subarray(4, 20), slot.subarray(4, 20));
    assert.deepEqual(opener.unwrap(rewrapped), key);
  });

  test('a slot neither derived for nor written by this provider: type the passphrase again', async () => {
    const other = (await passphraseProvider(PASS, null, CHEAP)).wrap(key);
    const expected = refused(
      VaultErrorReason.unavailable,
      'The passphrase slot changed while the passphrase was checked; type it again.',
    );
    assert.throws(() => writer.unwrap(other), expected);
    const opener = await passphraseProvider(PASS, slot, CHEAP);
    assert.throws(() => opener.unwrap(other), expected);
  });

  test('a wrong passphrase and a damaged slot are told apart', async () => {
    const wrong = await passphraseProvider('wrong horse battery', slot, CHEAP);
    assert.throws(
      () => wrong.unwrap(slot),
      refused(
        VaultErrorReason.wrongKey,
        'The vault passphrase is wrong. Type it again; Dropline did not create a new key, so the stored secrets are untouched.',
      ),
    );
    // Cut short after the header: the body is truncated, not a wrong passphrase.
    assert.throws(
      () => writer.unwrap(slot.subarray(0, 30)),
      refused(VaultErrorReason.corrupt, DAMAGED),
    );
    // A sealed value that is not a 32-byte key.
    assert.throws(
      () => writer.unwrap(writer.wrap(randomBytes(16))),
      refused(VaultErrorReason.corrupt, DAMAGED),
    );
  });

  test('a header-only, empty or future-version slot is damaged', async () => {
    for (const bad of [
      slot.subarray(0, 20),
      Buffer.alloc(0),
      Buffer.concat([Buffer.of(2), slot.subarray(1)]),
    ]) {
      await assert.rejects(
        () => passphraseProvider(PASS, bad, CHEAP),
        refused(VaultErrorReason.corrupt, DAMAGED),
      );
      assert.throws(() => writer.unwrap(bad), refused(VaultErrorReason.corrupt, DAMAGED));
    }
    // One byte past the header passes the header check and fails as a truncated body.
    assert.throws(
      () => writer.unwrap(slot.subarray(0, 21)),
      refused(VaultErrorReason.corrupt, DAMAGED),
    );
  });

  test('a slot may ask for logN 14..22, r 1..32, p 1..8 and nothing beyond', () => {
    const withCost = (logN: number, r: number, p: number) =>
      Buffer.concat([Buffer.of(1, logN, r, p), randomBytes(16), slot.subarray(20)]);
    // Within bounds the header is read (and, not being this provider's, is asked for again).
    for (const [logN, r, p] of [
      [14, 1, 1],
      [22, 32, 8],
      [15, 8, 2],
    ] as const)
      assert.throws(
        () => writer.unwrap(withCost(logN, r, p)),
        refused(VaultErrorReason.unavailable, /slot changed/),
      );
    for (const [logN, r, p] of [
      [13, 1, 1],
      [23, 1, 1],
      [14, 0, 1],
      [14, 33, 1],
      [14, 1, 0],
      [14, 1, 9],
    ] as const)
      assert.throws(
        () => writer.unwrap(withCost(logN, r, p)),
        refused(
          VaultErrorReason.corrupt,
          `The passphrase key slot asks for an unsupported scrypt cost (logN ${logN}, r ${r}, p ${p}).`,
        ),
      );
  });

  test('length counts characters as a person does; short passphrases are never written', async () => {
    const tooShort = refused(
      VaultErrorReason.invalid,
      'The vault passphrase must have at least 12 characters.',
    );
    await assert.rejects(
      async () => (await passphraseProvider('😀'.repeat(11), null, CHEAP)).wrap(key),
      tooShort,
    );
    await assert.rejects(
      async () => (await passphraseProvider('a'.repeat(11), null, CHEAP)).wrap(key),
      tooShort,
    );
    const twelve = await passphraseProvider('😀'.repeat(12), null, CHEAP);
    assert.deepEqual(twelve.unwrap(twelve.wrap(key)), key);
    const exact = await passphraseProvider('a'.repeat(12), null, CHEAP);
    assert.deepEqual(exact.unwrap(exact.wrap(key)), key);
  });

  test('a passphrase opens its slot however its accents are encoded (NFC)', async () => {
    const composed = 'caf\u00e9 au lait svp';
    const decomposed = 'cafe\u0301 au lait svp';
    const written = (await passphraseProvider(composed, null, CHEAP)).wrap(key);
    assert.deepEqual((await passphraseProvider(decomposed, written, CHEAP)).unwrap(written), key);
  });
});
