import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'vitest';
import { openDatabase } from '../../../src-main/db/database.ts';
import { migrations, type Migration } from '../../../src-main/db/migrations/index.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

test('opens in WAL mode with foreign keys on, 0600, every migration recorded once', () => {
  const dir = tempDir();
  try {
    const file = join(dir.path, 'nested', 'dropline.db');
    const db = openDatabase(file);
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
    const versions = db
      .prepare('SELECT version FROM schema_migrations ORDER BY version')
      .pluck()
      .all();
    assert.deepEqual(
      versions,
      migrations.map((m) => m.version),
    );
    db.close();
    assert.equal(statSync(file).mode & 0o077, 0, 'database readable by others');
    const again = openDatabase(file);
    assert.equal(
      again.prepare('SELECT count(*) FROM schema_migrations').pluck().get(),
      migrations.length,
    );
    again.close();
  } finally {
    dir.remove();
  }
});

test('a failing migration leaves nothing half-applied', () => {
  const dir = tempDir();
  try {
    const broken: Migration = {
      version: 999,
      name: 'broken',
      up(db) {
        db.exec('CREATE TABLE half (x INTEGER)');
        throw new Error('boom');
      },
    };
    assert.throws(() => openDatabase(join(dir.path, 'd.db'), [...migrations, broken]), /boom/);
    const db = openDatabase(join(dir.path, 'd.db'));
    assert.equal(
      db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get(),
      0,
    );
    db.close();
  } finally {
    dir.remove();
  }
});

test('a database from a newer Dropline is refused with a clear message, not altered', () => {
  const dir = tempDir();
  try {
    const file = join(dir.path, 'd.db');
    const future: Migration = { version: 500, name: 'future', up: () => undefined };
    openDatabase(file, [...migrations, future]).close();
    assert.throws(() => openDatabase(file), /newer Dropline.*Update Dropline/);
  } finally {
    dir.remove();
  }
});

test('foreign keys are enforced', () => {
  const db = openDatabase(':memory:', [
    {
      version: 1,
      name: 't',
      up: (d) =>
        d.exec(
          'CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE c (p INTEGER REFERENCES p(id));',
        ),
    },
  ]);
  assert.throws(() => db.prepare('INSERT INTO c (p) VALUES (42)').run(), /FOREIGN KEY/);
  db.close();
});
