import type { Db } from '../db/database.ts';
import type { SecretRef } from './secret-store.ts';

export interface KeySlotRow {
  provider: string;
  wrapped: Buffer;
  keyId: string;
  createdAt: string;
}

/** The vault's two tables (migration 002). Only ciphertext and wrapped keys pass through here. */
export class VaultTables {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  slots(): KeySlotRow[] {
    return (
      this.#db
        .prepare(
          'SELECT provider, wrapped_key, key_id, created_at FROM key_slots ORDER BY created_at, provider',
        )
        .all() as { provider: string; wrapped_key: Buffer; key_id: string; created_at: string }[]
    ).map((r) => ({
      provider: r.provider,
      wrapped: r.wrapped_key,
      keyId: r.key_id,
      createdAt: r.created_at,
    }));
  }

  /** Inserts the first slot only if there is none yet; false when another writer got there first. */
  insertFirstSlot(slot: KeySlotRow): boolean {
    const run = this.#db.transaction(() => {
      const count = this.#db.prepare('SELECT count(*) FROM key_slots').pluck().get() as number;
      if (count > 0) return false;
      this.upsertSlot(slot);
      return true;
    });
    // IMMEDIATE: take the write lock before counting, so two openers cannot both create a key.
    return run.immediate();
  }

  upsertSlot(slot: KeySlotRow): void {
    this.#db
      .prepare(
        `INSERT INTO key_slots (provider, wrapped_key, key_id, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(provider) DO UPDATE SET wrapped_key = excluded.wrapped_key,
           key_id = excluded.key_id, created_at = excluded.created_at`,
      )
      .run(slot.provider, slot.wrapped, slot.keyId, slot.createdAt);
  }

  deleteSlot(provider: string): void {
    this.#db.prepare('DELETE FROM key_slots WHERE provider = ?').run(provider);
  }

  countSecrets(): number {
    return this.#db.prepare('SELECT count(*) FROM secrets').pluck().get() as number;
  }

  /** A value that is not a BLOB (edited by hand) comes back as an empty buffer, which fails to open. */
  readBlob(ref: SecretRef): Buffer | null {
    const blob = this.#db
      .prepare('SELECT blob FROM secrets WHERE kind = ? AND id = ?')
      .pluck()
      .get(ref.kind, ref.id) as unknown;
    if (blob === undefined) return null;
    return Buffer.isBuffer(blob) ? blob : Buffer.alloc(0);
  }

  writeBlob(ref: SecretRef, blob: Buffer, at: string): void {
    this.#db
      .prepare(
        `INSERT INTO secrets (kind, id, blob, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(kind, id) DO UPDATE SET blob = excluded.blob, updated_at = excluded.updated_at`,
      )
      .run(ref.kind, ref.id, blob, at);
  }

  deleteBlob(ref: SecretRef): void {
    this.#db.prepare('DELETE FROM secrets WHERE kind = ? AND id = ?').run(ref.kind, ref.id);
  }
}
