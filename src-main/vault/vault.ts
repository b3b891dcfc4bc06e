import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { systemClock, type Clock } from '../base/clock.ts';
import { AeadError, KEY_BYTES, openBlob, sealBlob } from './aead.ts';
import { capitalize, type KeyProvider, type KeyProviderId } from './key-provider.ts';
import type { SecretRef, SecretStore } from './secret-store.ts';
import { VaultTables, type KeySlotRow } from './vault-tables.ts';
import { checkRef, rowContext } from './secret-ref.ts';
import { combineUnlockErrors, noMatchingProvider, passphraseNeeded } from './unlock-errors.ts';
import {
  describeRef,
  fixForRef,
  isVaultError,
  VaultError,
  VaultErrorReason,
} from './vault-error.ts';

export interface VaultOptions {
  /**
   * Tried in order: the first whose slot opens unlocks the vault; on first
   * use the first that can wrap creates the slot. A function, so building
   * the list (and touching a keychain) waits until a secret is used.
   */
  providers: readonly KeyProvider[] | (() => readonly KeyProvider[]);
  clock?: Clock;
}

export interface SlotInfo {
  provider: string;
  createdAt: string;
}

export interface Vault {
  store: SecretStore;
  /** Unlocks now instead of on first use; throws VaultError. */
  unlock(): void;
  isUnlocked(): boolean;
  slots(): SlotInfo[];
  /**
   * A slot's stored bytes (the wrapped key: its header holds the salt and
   * cost a passphrase is derived with), or null when there is none.
   */
  wrappedSlot(provider: KeyProviderId): Buffer | null;
  /** Tries this provider first from now on (e.g. the passphrase the user just typed). */
  addProvider(provider: KeyProvider): void;
  /** Wraps the data key for another provider too (or re-wraps, e.g. a new passphrase). */
  addSlot(provider: KeyProvider): void;
  /** Refuses to remove the last slot: that would make every secret unreadable. */
  removeSlot(provider: KeyProviderId): void;
  /**
   * Unlocks with this provider alone, without keeping it (a typed passphrase
   * is not held once the data key is in memory); creates the vault with it
   * when there is no slot yet. When already unlocked, checks that it fits.
   */
  unlockWith(provider: KeyProvider): void;
  /** null when this provider's slot opens the vault now, else why not; never unlocks. */
  checkSlot(provider: KeyProvider): VaultError | null;
  /** The providers the engine is configured with (not the ones added at run time). */
  configuredProviders(): readonly KeyProvider[];
  /** Forgets the data key (engine shutdown). */
  lock(): void;
}

/**
 * The envelope-encrypted secret store (design.md "Secrets"). Opening is free:
 * nothing reads a key until a secret is stored or read, so an engine that
 * never stores one starts on a machine without any keychain.
 */
export function openVault(db: Db, opts: VaultOptions): Vault {
  return new EnvelopeVault(new VaultTables(db), opts);
}

/** A fingerprint of the data key, stored in every slot to check they all wrap the same key. */
export function dataKeyId(dataKey: Buffer): string {
  return createHmac('sha256', dataKey).update('dropline data key id v1').digest('hex').slice(0, 32);
}

class EnvelopeVault implements Vault {
  readonly #tables: VaultTables;
  readonly #clock: Clock;
  readonly #providerSource: VaultOptions['providers'];
  readonly #extra: KeyProvider[] = [];
  #dataKey: Buffer | null = null;
  readonly store: SecretStore;

  constructor(tables: VaultTables, opts: VaultOptions) {
    this.#tables = tables;
    this.#clock = opts.clock ?? systemClock;
    this.#providerSource = opts.providers;
    this.store = {
      put: (ref, value) => this.#put(ref, value),
      get: (ref) => this.#get(ref),
      delete: (ref) => this.#tables.deleteBlob(checkRef(ref)),
    };
  }

  isUnlocked(): boolean {
    return this.#dataKey !== null;
  }

  slots(): SlotInfo[] {
    return this.#tables.slots().map((s) => ({ provider: s.provider, createdAt: s.createdAt }));
  }

  wrappedSlot(provider: KeyProviderId): Buffer | null {
    return this.#tables.slots().find((s) => s.provider === provider)?.wrapped ?? null;
  }

  addProvider(provider: KeyProvider): void {
    const i = this.#extra.findIndex((p) => p.id === provider.id);
    if (i >= 0) this.#extra.splice(i, 1);
    this.#extra.unshift(provider);
  }

  addSlot(provider: KeyProvider): void {
    const key = this.#unlock();
    this.#tables.upsertSlot(this.#slotFor(provider, key));
  }

  removeSlot(provider: KeyProviderId): void {
    const slots = this.#tables.slots();
    if (!slots.some((s) => s.provider === provider)) return;
    if (slots.length === 1) {
      throw new VaultError(
        VaultErrorReason.invalid,
        `The ${provider} key slot is the vault's only one; add another slot before removing it, or every stored secret would be lost.`,
      );
    }
    this.#tables.deleteSlot(provider);
  }

  unlock(): void {
    this.#unlock();
  }

  unlockWith(provider: KeyProvider): void {
    const slots = this.#tables.slots();
    if (slots.length === 0 && !this.#dataKey) {
      this.#dataKey = this.#create([provider]);
      return;
    }
    const slot = slots.find((s) => s.provider === provider.id);
    if (!slot) {
      throw new VaultError(
        VaultErrorReason.invalid,
        `The vault has no ${provider.id} key slot, so ${provider.label} cannot unlock it.`,
      );
    }
    const key = this.#openSlot(provider, slot);
    if (!this.#dataKey) this.#dataKey = key;
    else key.fill(0);
  }

  checkSlot(provider: KeyProvider): VaultError | null {
    const slot = this.#tables.slots().find((s) => s.provider === provider.id);
    if (!slot) {
      return new VaultError(
        VaultErrorReason.invalid,
        `${capitalize(provider.label)} holds no vault key.`,
      );
    }
    try {
      const key = this.#openSlot(provider, slot);
      // While locked, the slot's fingerprint (checked in #openSlot) is all there is to compare.
      const other = this.#dataKey !== null && !key.equals(this.#dataKey);
      key.fill(0);
      return other
        ? new VaultError(
            VaultErrorReason.corrupt,
            `${capitalize(provider.label)} holds another key.`,
          )
        : null;
    } catch (err) {
      if (!isVaultError(err)) throw err;
      return err;
    }
  }

  configuredProviders(): readonly KeyProvider[] {
    return this.#configured();
  }

  lock(): void {
    this.#dataKey?.fill(0);
    this.#dataKey = null;
  }

  #put(ref: SecretRef, value: Buffer): void {
    checkRef(ref);
    if (!Buffer.isBuffer(value)) {
      throw new VaultError(VaultErrorReason.invalid, 'A secret must be a Buffer.', ref);
    }
    const key = this.#unlockFor(ref, 'store');
    this.#tables.writeBlob(ref, sealBlob(key, value, rowContext(ref)), this.#now());
  }

  #get(ref: SecretRef): Buffer | null {
    checkRef(ref);
    const blob = this.#tables.readBlob(ref);
    // A missing secret needs no key: callers can ask without a keychain being present.
    if (blob === null) return null;
    const key = this.#unlockFor(ref, 'read');
    try {
      return openBlob(key, blob, rowContext(ref));
    } catch (err) {
      if (!(err instanceof AeadError)) throw err;
      const why =
        err.failure === 'authentication'
          ? 'it was altered, moved from another row, or written with a different vault key'
          : err.message;
      throw new VaultError(
        VaultErrorReason.corrupt,
        `Dropline cannot decrypt ${describeRef(ref)}: ${why}. Dropline refuses to use it. ${fixForRef(ref)}`,
        ref,
      );
    }
  }

  #unlockFor(ref: SecretRef, verb: 'store' | 'read'): Buffer {
    try {
      return this.#unlock();
    } catch (err) {
      if (!isVaultError(err)) throw err;
      // Locked, whatever the reason (a lost key file, a missing keychain entry): the secret is
      // intact and opens once the vault does, so work waiting on it waits (retryable).
      throw new VaultError(
        err.reason,
        `Cannot ${verb} ${describeRef(ref)}. ${err.message}`,
        ref,
        true,
      );
    }
  }

  #unlock(): Buffer {
    if (this.#dataKey) return this.#dataKey;
    const providers = [...this.#extra, ...this.#configured()];
    const slots = this.#tables.slots();
    const key = slots.length === 0 ? this.#create(providers) : this.#open(providers, slots);
    this.#dataKey = key;
    return key;
  }

  #configured(): readonly KeyProvider[] {
    const source = this.#providerSource;
    return typeof source === 'function' ? source() : source;
  }

  #open(providers: readonly KeyProvider[], slots: KeySlotRow[]): Buffer {
    const errors: VaultError[] = [];
    let tried = false;
    for (const provider of providers) {
      const slot = slots.find((s) => s.provider === provider.id);
      if (!slot) continue;
      tried = true;
      try {
        return this.#openSlot(provider, slot);
      } catch (err) {
        if (!isVaultError(err)) throw err;
        errors.push(err);
      }
    }
    // A passphrase slot nobody typed for yet: say so first, whatever else failed.
    const untypedPassphrase =
      slots.some((s) => s.provider === 'passphrase') &&
      !providers.some((p) => p.id === 'passphrase');
    if (untypedPassphrase) throw combineUnlockErrors([passphraseNeeded(), ...errors]);
    if (!tried)
      throw noMatchingProvider(
        slots.map((s) => s.provider),
        providers,
      );
    throw combineUnlockErrors(errors);
  }

  #openSlot(provider: KeyProvider, slot: KeySlotRow): Buffer {
    const key = provider.unwrap(slot.wrapped);
    if (dataKeyId(key) !== slot.keyId) {
      throw new VaultError(
        VaultErrorReason.corrupt,
        `The ${provider.id} key slot unwraps to a key that is not this vault's (fingerprint mismatch).`,
      );
    }
    return key;
  }

  #create(providers: readonly KeyProvider[]): Buffer {
    const secrets = this.#tables.countSecrets();
    if (secrets > 0) {
      // Creating a key now would orphan them for good; make the loss visible instead.
      throw new VaultError(
        VaultErrorReason.corrupt,
        `The database holds ${secrets} encrypted secret(s) but no key slot, so they cannot be decrypted. Restore dropline.db from a backup, or remove the rows of the \`secrets\` table and reconnect your channels.`,
      );
    }
    const errors: VaultError[] = [];
    for (const provider of providers) {
      const key = randomBytes(KEY_BYTES);
      let slot: KeySlotRow;
      try {
        slot = this.#slotFor(provider, key);
      } catch (err) {
        if (!isVaultError(err)) throw err;
        errors.push(err);
        continue;
      }
      if (this.#tables.insertFirstSlot(slot)) return key;
      // Another opener created the key meanwhile: use theirs.
      return this.#open(providers, this.#tables.slots());
    }
    if (errors.length === 0) {
      throw new VaultError(
        VaultErrorReason.unavailable,
        'No key provider is configured for the vault.',
      );
    }
    throw combineUnlockErrors(errors);
  }

  #slotFor(provider: KeyProvider, key: Buffer): KeySlotRow {
    return {
      provider: provider.id,
      wrapped: provider.wrap(key),
      keyId: dataKeyId(key),
      createdAt: this.#now(),
    };
  }

  #now(): string {
    return new Date(this.#clock.now()).toISOString();
  }
}
