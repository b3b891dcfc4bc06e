import { z } from 'zod';
import { method } from './define.ts';

/** Shorter passphrases fall to a guessing attack on a stolen dropline.db despite scrypt. */
export const MIN_VAULT_PASSPHRASE = 12;
export const MAX_VAULT_PASSPHRASE = 1024;

export const KeyKindSchema = z.enum(['keychain', 'file', 'safe_storage', 'passphrase']);
export type KeyKind = z.infer<typeof KeyKindSchema>;

/**
 * One way to open the vault: a configured key provider, a key slot, or both.
 * Never carries key material or a wrapped key; `problem` is a message for people.
 */
export const VaultProtectionSchema = z.object({
  kind: KeyKindSchema,
  /** "Your system keychain (Secret Service)", "The key file /srv/dropline.key", "Your passphrase". */
  label: z.string(),
  /** A copy of the vault key is wrapped for it (a `key_slots` row). */
  holdsKey: z.boolean(),
  since: z.string().nullable(),
  /** This engine is set up to use it (DROPLINE_KEY_PROVIDER, the desktop app). */
  configured: z.boolean(),
  available: z.boolean(),
  problem: z.string().nullable(),
});
export type VaultProtection = z.infer<typeof VaultProtectionSchema>;

export const VaultStatusSchema = z.object({
  /** not_created: no secret was ever stored; locked: no usable provider opened it. */
  state: z.enum(['unlocked', 'locked', 'not_created']),
  /** Why the vault is locked or cannot be created, and what to do. */
  message: z.string().nullable(),
  /** Typing the passphrase would unlock it. */
  needsPassphrase: z.boolean(),
  hasPassphrase: z.boolean(),
  protections: z.array(VaultProtectionSchema),
  minPassphraseLength: z.number().int(),
});
export type VaultStatus = z.infer<typeof VaultStatusSchema>;

// Length only: the router's message names the field, never echoes the value.
const Passphrase = z.string().min(1).max(MAX_VAULT_PASSPHRASE);

export const vaultMethods = {
  'vault.status': method(
    z.object({}).strict(),
    VaultStatusSchema,
    'Where the vault key is kept and whether the vault is unlocked (no key material)',
  ),
  'vault.setPassphrase': method(
    z.object({ passphrase: Passphrase }).strict(),
    VaultStatusSchema,
    'Add a passphrase that opens the vault, or replace the current one (needs an unlocked vault)',
  ),
  'vault.unlock': method(
    z.object({ passphrase: Passphrase }).strict(),
    VaultStatusSchema,
    'Unlock the vault with its passphrase',
  ),
  'vault.removePassphrase': method(
    z.object({}).strict(),
    VaultStatusSchema,
    'Remove the passphrase slot (only while another key provider opens the vault)',
  ),
};

export const vaultEvents = {
  'vault.changed': VaultStatusSchema,
};
