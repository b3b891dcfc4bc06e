import assert from 'node:assert/strict';
import { test } from 'vitest';
import { databaseProblem } from '../../../src-main/db/db-errors.ts';

const err = (code: string) => Object.assign(new Error(code), { code });

test('full, read-only, locked and damaged databases name the file and the next step', () => {
  const file = '/data/dropline.db';
  assert.match(
    databaseProblem(err('SQLITE_FULL'), file)!,
    /disk holding \/data\/dropline\.db is full .*Free some space/,
  );
  assert.match(databaseProblem(err('ENOSPC'), file)!, /is full \(ENOSPC\)/);
  assert.match(
    databaseProblem(err('SQLITE_READONLY'), file)!,
    /cannot write \/data\/dropline\.db .*read-only/,
  );
  assert.match(databaseProblem(err('EROFS'), file)!, /read-only\. Make it writable/);
  assert.match(
    databaseProblem(err('SQLITE_BUSY'), file)!,
    /locked by another program .*another Dropline/,
  );
  assert.match(databaseProblem(err('SQLITE_LOCKED_SHAREDCACHE'), file)!, /locked/);
  assert.match(
    databaseProblem(err('SQLITE_CORRUPT'), file)!,
    /is damaged .*restore a backup .*move the file aside/,
  );
  assert.match(databaseProblem(err('SQLITE_NOTADB'), file)!, /is damaged/);
  assert.match(databaseProblem(err('SQLITE_IOERR_WRITE'), file)!, /disk may be failing/);
  assert.equal(databaseProblem(new Error('plain'), file), null);
  assert.equal(databaseProblem(err('SQLITE_CONSTRAINT_UNIQUE'), file), null);
});
