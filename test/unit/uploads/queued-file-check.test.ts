import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, test } from 'vitest';
import { fingerprint } from '../../../src-main/uploads/file-fingerprint.ts';
import type { JobRecord } from '../../../src-main/uploads/job-repository.ts';
import { checkQueuedFile } from '../../../src-main/uploads/queued-file-check.ts';
import { job } from '../../helpers/domain-fixtures.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

/** A job record as enqueue stores it: the file's fingerprint at that moment. */
function queued(file: string): JobRecord {
  const print = fingerprint(file);
  return {
    ...job('j1', 'UC1', { file, bytesTotal: print.size }),
    sessionUri: null,
    contentType: 'video/mp4',
    fileMtimeMs: print.mtimeMs,
    filePartialHash: print.partialHash,
    nextAttemptAt: null,
    slotMs: null,
  };
}

describe('checkQueuedFile: the file a new session would send is the one that was queued', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());
  const video = (name: string, bytes: Buffer) => {
    const path = join(dir.path, name);
    writeFileSync(path, bytes);
    // A fixed mtime: "unchanged" must not depend on how fast the test runs.
    utimesSync(path, 1_700_000_000, 1_700_000_000);
    return path;
  };

  test('unchanged: ok, with its size', () => {
    const path = video('same.mp4', randomBytes(3 * 1024 * 1024));
    const result = checkQueuedFile(queued(path));
    assert.equal(result.ok, true);
    assert.equal(result.ok && result.actual.size, 3 * 1024 * 1024);
  });

  test('gone: file_missing, retryable (a drive may come back), naming the file', () => {
    const path = video('gone.mp4', randomBytes(1000));
    const record = queued(path);
    unlinkSync(path);
    const result = checkQueuedFile(record);
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    assert.equal(result.outcome.kind, 'failed');
    assert.ok(result.outcome.kind === 'failed');
    assert.equal(result.outcome.error.code, 'file_missing');
    assert.equal(result.outcome.error.retryable, true);
    assert.match(result.outcome.error.message, /gone\.mp4 cannot be read/);
  });

  const changedCases: [string, (path: string, original: Buffer) => void, RegExp][] = [
    ['grew', (p, b) => writeFileSync(p, Buffer.concat([b, Buffer.from('more')])), /size changed/],
    [
      'touched',
      (p) => utimesSync(p, 1_700_000_100, 1_700_000_100),
      /modified \(its modification time/,
    ],
    [
      'same size and time, other bytes at the end',
      (p, b) => {
        const other = Buffer.from(b);
        other[other.length - 1] = other[other.length - 1]! ^ 0xff;
        writeFileSync(p, other);
        utimesSync(p, 1_700_000_000, 1_700_000_000);
      },
      /\(its content changed\)/,
    ],
  ];
  for (const [name, change, message] of changedCases)
    test(`changed (${name}): file_changed, not retryable, says to add it again`, () => {
      const bytes = randomBytes(3 * 1024 * 1024);
      const path = video(`${name.replace(/\W+/g, '-')}.mp4`, bytes);
      const record = queued(path);
      change(path, bytes);
      const result = checkQueuedFile(record);
      assert.ok(!result.ok, 'a changed file is refused');
      assert.ok(result.outcome.kind === 'failed');
      assert.equal(result.outcome.error.code, 'file_changed');
      assert.equal(result.outcome.error.retryable, false);
      assert.match(result.outcome.error.message, message);
      assert.match(result.outcome.error.message, /add it again to upload the new version/);
    });
});
