import type { Migration } from './index.ts';

export const vault: Migration = {
  version: 2,
  name: 'vault',
  up(db) {
    db.exec(`
      -- The vault's data key, wrapped once per key provider; never stored in the clear.
      -- key_id is a fingerprint of the data key, so every slot can be checked to hold the same key.
      CREATE TABLE key_slots (
        provider TEXT PRIMARY KEY,
        wrapped_key BLOB NOT NULL,
        key_id TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      -- One AES-256-GCM blob per secret; (kind, id) is bound to the blob as associated data.
      CREATE TABLE secrets (
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        blob BLOB NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (kind, id)
      );
    `);
  },
};
