import { parseArgs } from 'node:util';
import type { VaultStatus } from '../../../../src-shared/api/vault.ts';
import { ExitCode, usageError } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { withEngine } from '../engine-session.ts';
import { readSecret } from '../read-secret.ts';

const USAGE = 'dropline vault status | unlock | passphrase set|remove  [--passphrase-file FILE]';

function describe(status: VaultStatus): string {
  const lines = [`Vault: ${status.state.replace('_', ' ')}`];
  if (status.message) lines.push(status.message);
  for (const p of status.protections) {
    const state = p.holdsKey
      ? p.available
        ? 'opens the vault'
        : 'holds the key, not usable now'
      : 'not used';
    lines.push(`  ${p.label}: ${state}${p.problem ? ` (${p.problem})` : ''}`);
  }
  return lines.join('\n');
}

/**
 * The vault from a terminal or a service script: a home server whose keychain
 * is gone after a reboot is unlocked with `dropline vault unlock`, the
 * passphrase typed (not echoed), piped, or read from a secret file.
 */
export const vaultCommand: Command = {
  name: 'vault',
  usage: USAGE,
  summary: 'Show how secrets are protected; unlock with, set or remove the vault passphrase',
  async run(ctx) {
    let parsed;
    try {
      parsed = parseArgs({
        args: ctx.args,
        allowPositionals: true,
        options: { 'passphrase-file': { type: 'string' } },
      });
    } catch (error) {
      throw usageError(`${(error as Error).message}. Usage: ${USAGE}`);
    }
    const [sub, action, ...extra] = parsed.positionals;
    const source = { file: parsed.values['passphrase-file'] };
    const print = (status: VaultStatus) =>
      ctx.io.out(ctx.json ? JSON.stringify(status) : describe(status));
    if (extra.length > 0) throw usageError(`Unexpected "${extra[0]}". Usage: ${USAGE}`);
    const readsSecret = sub === 'unlock' || (sub === 'passphrase' && action === 'set');
    if (source.file !== undefined && !readsSecret)
      throw usageError(
        '--passphrase-file: only `vault unlock` and `vault passphrase set` read one.',
      );
    if (sub === 'status' && action === undefined) {
      print(await withEngine(ctx, (engine) => engine.api.invoke('vault.status', {})));
      return ExitCode.ok;
    }
    if (sub === 'unlock' && action === undefined) {
      const passphrase = await readSecret(source, 'Vault passphrase');
      print(await withEngine(ctx, (engine) => engine.api.invoke('vault.unlock', { passphrase })));
      return ExitCode.ok;
    }
    if (sub === 'passphrase' && action === 'set') {
      const passphrase = await readSecret(source, 'New vault passphrase', { confirm: true });
      print(
        await withEngine(ctx, (engine) => engine.api.invoke('vault.setPassphrase', { passphrase })),
      );
      return ExitCode.ok;
    }
    if (sub === 'passphrase' && action === 'remove') {
      print(await withEngine(ctx, (engine) => engine.api.invoke('vault.removePassphrase', {})));
      return ExitCode.ok;
    }
    throw usageError(
      `Unknown vault command "${[sub, action].filter(Boolean).join(' ')}". Usage: ${USAGE}`,
    );
  },
};
