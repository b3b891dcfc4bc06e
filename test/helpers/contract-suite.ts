import assert from 'node:assert/strict';
import { test } from 'vitest';
import { createApiClient, type ApiClient, type Transport } from '../../src-shared/api/client.ts';
import { AppError } from '../../src-shared/api/errors.ts';
import { events, type EventName, type Payload } from '../../src-shared/api/contract.ts';

export interface ContractHarness {
  api: ApiClient;
  transport: Transport;
  dataDir: string;
}

/**
 * The API contract as the UI and CLI see it. Run once per transport; the
 * same assertions must hold whatever carries the calls.
 */
export function contractSuite(setup: () => Promise<ContractHarness>): void {
  test('app.info reports version, data dir and mode', async () => {
    const { api, dataDir } = await setup();
    const info = await api.invoke('app.info', {});
    assert.equal(info.name, 'Dropline');
    assert.equal(info.dataDir, dataDir);
    assert.equal(info.mode, 'headless');
    assert.match(info.version, /^\d+\.\d+\.\d+/);
  });

  test('settings.get returns defaults on a fresh data directory', async () => {
    const { api } = await setup();
    const settings = await api.invoke('settings.get', {});
    assert.equal(settings.theme, 'system');
    assert.equal(settings.globalConcurrency, 3);
    assert.equal(settings.perChannelConcurrency, 1);
    assert.equal(settings.quotaModel, 'auto');
    assert.equal(settings.healthCheckHours, 12);
    assert.equal(settings.quotaDailyUnits, 10_000);
    assert.equal(settings.quotaInsertUnits, 1600);
    assert.equal(settings.quotaDailyInsertCalls, 100);
  });

  test('settings.set persists, returns the result and announces settings.changed', async () => {
    const { api } = await setup();
    const heard: Payload<'settings.changed'>[] = [];
    const off = api.on('settings.changed', (s) => heard.push(s));
    const updated = await api.invoke('settings.set', { theme: 'dark', globalConcurrency: 5 });
    assert.equal(updated.theme, 'dark');
    assert.equal(updated.globalConcurrency, 5);
    assert.equal((await api.invoke('settings.get', {})).theme, 'dark');
    await waitFor(() => heard.length > 0);
    assert.equal(heard[0]?.theme, 'dark');
    off();
  });

  test('the client holds one transport subscription for all its listeners and dispatches by name', async () => {
    const { transport } = await setup();
    let subscriptions = 0;
    const arrived: string[] = [];
    const counting: Transport = {
      call: (method, input) => transport.call(method, input),
      subscribe(listener) {
        subscriptions++;
        const off = transport.subscribe((event, payload) => {
          arrived.push(event);
          listener(event, payload);
        });
        return () => (subscriptions--, off());
      },
    };
    const api = createApiClient(counting);
    const names = Object.keys(events) as EventName[];
    const heard: string[] = [];
    const offs = names.flatMap((name) => [
      api.on(name, () => heard.push(name)),
      api.on(name, () => heard.push(name)),
    ]);
    assert.equal(subscriptions, 1);
    await api.invoke('settings.set', { theme: 'light' });
    await waitFor(() => heard.includes('settings.changed'));
    assert.ok(arrived.includes('settings.changed'));
    assert.deepEqual(
      heard,
      arrived.flatMap((name) => [name, name]),
      'each event reached its own two listeners and no others',
    );
    for (const off of offs) off();
    assert.equal(subscriptions, 0);
  });

  test('an invalid input comes back as invalid_input naming the field', async () => {
    const { api } = await setup();
    await assert.rejects(
      api.invoke('settings.set', { globalConcurrency: 99 }),
      (error: unknown) =>
        error instanceof AppError &&
        error.code === 'invalid_input' &&
        /globalConcurrency/.test(error.message),
    );
    await assert.rejects(
      api.invoke('settings.set', { quotaDailyUnits: 0 }),
      (error: unknown) =>
        error instanceof AppError &&
        error.code === 'invalid_input' &&
        /quotaDailyUnits/.test(error.message),
    );
    await assert.rejects(
      api.invoke('settings.set', { nosuch: true } as never),
      (error: unknown) => error instanceof AppError && error.code === 'invalid_input',
    );
  });

  test('vault.status on a fresh data directory: nothing created, no passphrase; a weak one is refused', async () => {
    const { api } = await setup();
    const status = await api.invoke('vault.status', {});
    assert.equal(status.state, 'not_created');
    assert.equal(status.hasPassphrase, false);
    assert.equal(status.minPassphraseLength, 12);
    await assert.rejects(
      api.invoke('vault.setPassphrase', { passphrase: 'short one' }),
      (error: unknown) =>
        error instanceof AppError &&
        error.code === 'weak_passphrase' &&
        !error.message.includes('short one'),
    );
  });

  test('an unknown method comes back as unknown_method', async () => {
    const { transport } = await setup();
    const result = await transport.call('nope.nothing', {});
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.error.code, 'unknown_method');
  });
}

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
