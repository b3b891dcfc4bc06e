import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, test, vi } from 'vitest';
import { fileSink } from '../../../src-main/logging/file-sink.ts';
import { createLogger } from '../../../src-main/logging/logger.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

const ACCESS = 'ya29.a0AfB_byC3xYz-SECRETaccess123';
const readIfThere = (path: string): string | null => {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
};
const logFiles = (dir: string) =>
  readdirSync(join(dir, 'logs')).filter((f) => /^dropline\.\d+\.log$/.test(f));

describe('the log file (pino, rolled by pino-roll)', () => {
  const dirs: { path: string; remove(): void }[] = [];
  const dir = () => {
    const d = tempDir();
    dirs.push(d);
    return d.path;
  };
  afterEach(() => {
    vi.restoreAllMocks();
    for (const d of dirs.splice(0)) d.remove();
  });

  test('rolls past its size, keeps a bounded number of files, and every line stays redacted', async () => {
    const data = dir();
    const log = createLogger(fileSink(data, { size: '1k', keep: 1 }), 'debug');
    for (let i = 0; i < 300; i++) {
      log.info(`refreshed with ${ACCESS}`, {
        round: i,
        body: `{"refresh_token":"1//0gLq-x${i}abcdefghijk"}`,
      });
      // Let each roll finish its reopen before the next lines arrive.
      if (i % 20 === 0) await log.flush();
    }
    await log.flush();
    const files = logFiles(data);
    const numbers = files.map((f) => Number(f.split('.')[1]));
    assert.ok(Math.max(...numbers) >= 3, `rolled several times: ${files.join(', ')}`);
    assert.ok(files.length <= 3, `old files removed: ${files.join(', ')}`);
    // pino-roll removes old files in the background after each roll (run 1 of d07742e read a
    // listed file that had just gone): a file gone by now cannot leak. The newest file, the
    // one being written, is never removed, so the check below always reads something.
    const newest = `dropline.${Math.max(...numbers)}.log`;
    for (const file of files) {
      const text = readIfThere(join(data, 'logs', file));
      if (text === null) {
        assert.notEqual(file, newest, 'the file being written is never removed');
        continue;
      }
      assert.equal(text.includes(ACCESS), false);
      assert.equal(text.includes('1//0gLq'), false);
      for (const line of text.trim().split('\n').filter(Boolean)) {
        const record = JSON.parse(line) as { level: string; msg: string; time: string };
        assert.equal(record.level, 'info');
        assert.match(record.msg, /refreshed with \[redacted\]/);
      }
    }
  });

  test('a log that cannot be opened never throws into the caller; it is said once on stderr', async () => {
    const data = dir();
    // Where the log file would go, a folder: opening it fails (EISDIR), as a broken disk would.
    mkdirSync(join(data, 'logs', 'dropline.1.log'), { recursive: true });
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const log = createLogger(fileSink(data), 'debug');
    for (let i = 0; i < 50; i++) log.error('something failed', { i });
    await log.flush();
    log.info('and the engine goes on');
    await log.flush();
    const said = stderr.mock.calls
      .map((c) => String(c[0]))
      .filter((t) => t.includes(`cannot write its log in ${join(data, 'logs')} (EISDIR)`));
    assert.equal(said.length, 1, said.join(' | '));
  });

  test('a roll that fails never throws into the caller', async () => {
    const data = dir();
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const log = createLogger(fileSink(data, { size: '1k' }), 'debug');
    log.info('first');
    await log.flush();
    // The next file's name is taken by a folder: the roll's reopen fails.
    mkdirSync(join(data, 'logs', 'dropline.2.log'));
    for (let i = 0; i < 100; i++) log.info('a line long enough to pass the size soon', { i });
    await log.flush();
    log.warn('still here');
    await log.flush();
    assert.ok(stderr.mock.calls.some((c) => /cannot write its log/.test(String(c[0]))));
    assert.ok(readFileSync(join(data, 'logs', 'dropline.1.log'), 'utf8').includes('"msg":"first"'));
  });
});
