import assert from 'node:assert/strict';
import { join } from 'node:path';
import { afterAll, test } from 'vitest';
import { createApiClient } from '../../../src-shared/api/client.ts';
import { AppError } from '../../../src-shared/api/errors.ts';
import { memoryTransport } from '../../../src-main/rpc/memory-transport.ts';
import { refusingProvider } from '../../../src-main/vault/key-provider.ts';
import { VaultError, VaultErrorReason } from '../../../src-main/vault/vault-error.ts';
import { unlockDelayMs } from '../../../src-main/vault/vault-service.ts';
import { FakeClock, flushAsync } from '../../helpers/fake-clock.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { testCore } from '../../helpers/test-core.ts';

const dir = tempDir();
afterAll(() => dir.remove());

test('the wait after wrong passphrases grows 0, 1, 2, 4 s and stops at 30 s', () => {
  assert.deepEqual([0, 1, 2, 3, 10].map(unlockDelayMs), [0, 1000, 2000, 4000, 30_000]);
});

test('each wrong passphrase delays the next try, on the engine clock; a right one resets it', async () => {
  const clock = new FakeClock();
  const refusing = () => [
    refusingProvider(
      'keychain',
      'the OS keychain',
      new VaultError(VaultErrorReason.unavailable, 'No keychain here.'),
    ),
  ];
  const core = testCore(
    join(dir.path, 'data'),
    {},
    {
      clock,
      startUploads: false,
      keyProviders: refusing,
      passphraseCost: { logN: 14, r: 8, p: 1 },
    },
  );
  const api = createApiClient(memoryTransport(core.router, core.events));
  await api.invoke('vault.setPassphrase', { passphrase: 'the right passphrase' });
  core.services.vault.lock();

  const attempt = (passphrase: string) => {
    const state = { settled: false, error: null as unknown };
    const done = api.invoke('vault.unlock', { passphrase }).then(
      () => (state.settled = true),
      (error: unknown) => {
        state.settled = true;
        state.error = error;
      },
    );
    return { state, done };
  };

  const first = attempt('wrong passphrase one');
  await first.done;
  assert.match((first.state.error as AppError).message, /next try is possible in 1 s/);

  const second = attempt('wrong passphrase two');
  await clock.advance(999);
  assert.equal(second.state.settled, false, 'the second try waits a second');
  await clock.advance(1);
  await second.done;
  assert.equal((second.state.error as AppError).code, VaultErrorReason.wrongKey);

  const right = attempt('the right passphrase');
  await clock.advance(1999);
  assert.equal(right.state.settled, false, 'the third try waits two seconds');
  await clock.advance(1);
  await right.done;
  assert.equal(right.state.error, null);
  assert.equal(core.services.vault.isUnlocked(), true);

  // Reset: the next try (even a wrong one) is not delayed.
  const again = attempt('wrong again');
  await flushAsync();
  await again.done;
  assert.ok(again.state.error instanceof AppError);
  await core.close();
});
