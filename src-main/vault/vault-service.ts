import { AppError } from '../../src-shared/api/errors.ts';
import { MIN_VAULT_PASSPHRASE, type VaultStatus } from '../../src-shared/api/vault.ts';
import type { Clock } from '../base/clock.ts';
import type { Logger } from '../logging/logger.ts';
import type { EventHub } from '../rpc/event-hub.ts';
import { passphraseProvider, type ScryptCost } from './passphrase-provider.ts';
import { isVaultError, VaultError, VaultErrorReason } from './vault-error.ts';
import { vaultStatus } from './vault-status.ts';
import type { Vault } from './vault.ts';

export interface VaultServiceDeps {
  vault: Vault;
  events: EventHub;
  clock: Clock;
  log: Logger;
  /** Tests: a cheaper scrypt cost (the default is passphrase-provider's). */
  passphraseCost?: ScryptCost;
}

/** The wait before the next try after `failures` wrong passphrases: 0, 1, 2, 4 … 30 s. */
export function unlockDelayMs(failures: number): number {
  return failures === 0 ? 0 : Math.min(1000 * 2 ** (failures - 1), 30_000);
}

/**
 * The passphrase slot, for users whose keychain cannot hold the vault key
 * (Linux `basic_text`, a headless box without Secret Service). A typed
 * passphrase lives only for the call: it is never logged, stored, echoed
 * or kept once the data key is in memory.
 */
export class VaultService {
  readonly #d: VaultServiceDeps;
  #failures = 0;
  // One passphrase call at a time, so parallel guesses cannot skip the delay.
  #queue: Promise<unknown> = Promise.resolve();

  constructor(deps: VaultServiceDeps) {
    this.#d = deps;
  }

  status(): VaultStatus {
    return vaultStatus(this.#d.vault);
  }

  setPassphrase(passphrase: string): Promise<VaultStatus> {
    return this.#serial(async () => {
      checkStrength(passphrase);
      const { vault } = this.#d;
      const provider = await passphraseProvider(
        passphrase,
        this.#passphraseSlot(),
        this.#d.passphraseCost,
      );
      const replaced = vault.slots().some((s) => s.provider === 'passphrase');
      if (this.#ensureUnlocked(() => vault.unlockWith(provider)) === 'created') {
        this.#d.log.info('vault created, protected by a passphrase');
      } else {
        vault.addSlot(provider);
        this.#d.log.info(replaced ? 'vault passphrase changed' : 'vault passphrase added');
      }
      return this.#changed();
    });
  }

  unlock(passphrase: string): Promise<VaultStatus> {
    return this.#serial(async () => {
      const wait = unlockDelayMs(this.#failures);
      if (wait > 0) await new Promise<void>((done) => this.#d.clock.setTimeout(done, wait));
      const { vault } = this.#d;
      if (!vault.slots().some((s) => s.provider === 'passphrase')) {
        throw new VaultError(
          VaultErrorReason.invalid,
          'This vault has no passphrase. Set one in Settings → Security once the vault is unlocked.',
        );
      }
      const provider = await passphraseProvider(
        passphrase,
        this.#passphraseSlot(),
        this.#d.passphraseCost,
      );
      const wasLocked = !vault.isUnlocked();
      try {
        if (vault.isUnlocked()) {
          const problem = vault.checkSlot(provider);
          if (problem) throw problem;
        } else vault.unlockWith(provider);
      } catch (err) {
        if (isVaultError(err) && err.reason === VaultErrorReason.wrongKey) {
          this.#failures += 1;
          this.#d.log.warn('vault passphrase refused', { failures: this.#failures });
          const next = Math.round(unlockDelayMs(this.#failures) / 1000);
          throw new VaultError(
            VaultErrorReason.wrongKey,
            `${err.message} The next try is possible in ${next} s.`,
          );
        }
        throw err;
      }
      this.#failures = 0;
      this.#d.log.info('vault unlocked with the passphrase');
      if (wasLocked) this.#reprotect();
      return this.#changed();
    });
  }

  removePassphrase(): VaultStatus {
    const { vault } = this.#d;
    if (!vault.slots().some((s) => s.provider === 'passphrase')) return this.status();
    this.#ensureUnlocked(null);
    // Only a slot that opens the vault right now counts: a stale key file would strand the secrets.
    const others = vault.configuredProviders().filter((p) => p.id !== 'passphrase');
    const problems = others.map((p) => vault.checkSlot(p));
    if (!problems.some((p) => p === null)) {
      const why = problems.map((p) => p?.message).join(' ');
      throw new VaultError(
        VaultErrorReason.invalid,
        `The passphrase is the only way to open this vault right now, so Dropline keeps it: removing it would make every stored secret unreadable. ${why}`.trim(),
      );
    }
    vault.removeSlot('passphrase');
    this.#d.log.info('vault passphrase removed');
    return this.#changed();
  }

  /**
   * After the passphrase opened the vault, a configured provider that works
   * but could not open it (a new key file, a keychain that lost its entry)
   * gets the key again, so the next start needs no passphrase. Only someone
   * who can already write that key file or keychain gains anything from it.
   */
  #reprotect(): void {
    const { vault } = this.#d;
    for (const provider of vault.configuredProviders()) {
      if (provider.id === 'passphrase' || vault.checkSlot(provider) === null) continue;
      try {
        provider.probe?.();
        vault.addSlot(provider);
        this.#d.log.info('vault key kept again by a configured provider', {
          provider: provider.id,
        });
      } catch (err) {
        // Not usable now (no key file, no keychain): the passphrase stays the way in.
        if (!isVaultError(err)) throw err;
      }
    }
  }

  /** Opens the vault with the configured providers; `create` makes it when none can. */
  #ensureUnlocked(create: (() => void) | null): 'open' | 'created' {
    const { vault } = this.#d;
    if (vault.isUnlocked()) return 'open';
    const empty = vault.slots().length === 0;
    try {
      vault.unlock();
      return 'open';
    } catch (err) {
      if (!isVaultError(err)) throw err;
      if (empty && create) {
        create();
        return 'created';
      }
      throw new VaultError(
        err.reason,
        `Unlock the vault first (with its passphrase, in the banner at the top of the window). ${err.message}`,
      );
    }
  }

  #changed(): VaultStatus {
    const status = this.status();
    this.#d.events.emit('vault.changed', status);
    return status;
  }

  /** The stored passphrase slot, whose salt and cost the typed passphrase is derived with. */
  #passphraseSlot(): Buffer | null {
    return this.#d.vault.wrappedSlot('passphrase');
  }

  #serial<T>(fn: () => T | Promise<T>): Promise<T> {
    const run = this.#queue.then(fn);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}

function checkStrength(passphrase: string): void {
  const chars = [...passphrase];
  if (chars.length < MIN_VAULT_PASSPHRASE) {
    throw new AppError(
      'weak_passphrase',
      `The passphrase needs at least ${MIN_VAULT_PASSPHRASE} characters (it has ${chars.length}). A few unrelated words work well.`,
    );
  }
  if (passphrase.trim().length === 0 || new Set(chars).size < 4) {
    throw new AppError(
      'weak_passphrase',
      'The passphrase repeats too few different characters. A few unrelated words work well.',
    );
  }
}
