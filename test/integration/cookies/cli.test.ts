import { afterAll, beforeAll, describe, test } from 'vitest';
import { lacks } from '../../helpers/system-tools.ts';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../../src-main/headless/cli/main.ts';
import { startEngine, type RunningEngine } from '../../../src-main/headless/serve.ts';
import { memorySink } from '../../../src-main/logging/logger.ts';
import {
  cookieFileText,
  makeEnv,
  secretValue,
  startVideoServer,
  type VideoServer,
} from './helpers.ts';

const env = makeEnv();
const never = new Promise<string>(() => undefined);

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    argv,
    { out: (t) => out.push(t), err: (t) => err.push(t) },
    env.env,
    never,
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test('cookie commands need a running engine (exit 3)', async () => {
  const r = await cli('cookies', 'list');
  assert.equal(r.code, 3);
  assert.match(r.err, /No Dropline engine is running/);
});

describe('cookie commands against a running engine', () => {
  let engine: RunningEngine;
  let server: VideoServer;
  const value = secretValue('clisession');
  const file = join(env.root, 'cookies.txt');

  beforeAll(async () => {
    server = await startVideoServer();
    server.valid.add(value);
    engine = await startEngine({
      env: env.env,
      port: 0,
      rendererDir: join(env.root, 'no-ui'),
      deps: { logSink: memorySink() },
    });
  });
  afterAll(async () => {
    await engine.stop();
    await server.close();
    env.cleanup();
  });

  test('import refuses a malformed file with exit 2, naming line and field', async () => {
    const bad = join(env.root, 'bad.txt');
    writeFileSync(bad, `# Netscape HTTP Cookie File\n127.0.0.1 FALSE / FALSE 0 session ${value}\n`);
    const r = await cli('cookies', 'import', bad);
    assert.equal(r.code, 2);
    assert.match(r.err, /line 2, fields: fields are separated by spaces/);
    assert.equal(r.err.includes(value), false);
  });

  test('import prints a summary and keeps the source unless asked to delete it', async () => {
    writeFileSync(file, cookieFileText([{ name: 'session', value }]));
    const first = await cli('cookies', 'import', file, '--label', 'cli', '--json');
    assert.equal(first.code, 0, first.err);
    const result = JSON.parse(first.out) as Record<string, unknown>;
    assert.equal(result.label, 'cli');
    assert.equal(result.sourceDeletable, true);
    assert.equal(result.sourceDeleted, false);
    assert.equal(first.out.includes(value), false);
    assert.ok(existsSync(file));

    const second = await cli('cookies', 'import', file, '--label', 'cli', '--delete-source');
    assert.equal(second.code, 0, second.err);
    assert.match(second.out, /Imported 1 cookies as "cli" \(1 backup kept\)/);
    assert.match(second.out, /Deleted the plaintext file/);
    assert.equal(existsSync(file), false);
  });

  test('list shows labels with their backups, never values', async () => {
    const r = await cli('cookies', 'list', '--json');
    assert.equal(r.code, 0);
    const labels = JSON.parse(r.out) as { label: string; backups: unknown[] }[];
    assert.deepEqual(
      labels.map((l) => [l.label, l.backups.length]),
      [['cli', 1]],
    );
    assert.equal(r.out.includes(value), false);
  });

  test('check exits 1 when an active file has expired', async () => {
    const ok = await cli('cookies', 'check', 'cli');
    assert.equal(ok.code, 0, ok.err);
    const old = join(env.root, 'old.txt');
    writeFileSync(
      old,
      cookieFileText([
        { name: 'SID', value: secretValue('sid'), domain: '.youtube.com', expires: 1_600_000_000 },
      ]),
    );
    assert.equal((await cli('cookies', 'import', old, '--label', 'old')).code, 0);
    const one = await cli('cookies', 'check', 'old', '--json');
    assert.equal(one.code, 1);
    assert.equal((JSON.parse(one.out) as { freshness: string }[])[0]?.freshness, 'expired');
    const all = await cli('cookies', 'check');
    assert.equal(all.code, 1);
    assert.match(all.out, /old: expired/);
    assert.match(all.out, /cli: signed_out/);
  });

  test.skipIf(lacks('ytdlp'))(
    'download uses the stored file and waits for the result',
    async () => {
      const out = join(env.root, 'downloads');
      const r = await cli(
        'download',
        `${server.url}/v/cli.mp4`,
        '--cookies',
        'cli',
        '--out',
        out,
        '--json',
      );
      assert.equal(r.code, 0, r.err);
      const download = JSON.parse(r.out) as { state: string; file: string };
      assert.equal(download.state, 'done');
      assert.deepEqual(readFileSync(download.file), server.body);
    },
  );

  test.skipIf(lacks('ytdlp'))(
    'download fails with exit 1 and advice when the site refuses the cookies',
    async () => {
      const refused = join(env.root, 'refused.txt');
      writeFileSync(refused, cookieFileText([{ name: 'session', value: 'nope' }]));
      assert.equal((await cli('cookies', 'import', refused, '--label', 'refused')).code, 0);
      const r = await cli(
        'download',
        `${server.url}/v/x.mp4`,
        '--cookies',
        'refused',
        '--out',
        join(env.root, 'd2'),
      );
      assert.equal(r.code, 1);
      assert.match(r.err, /export a fresh cookies\.txt/);
    },
  );

  test('remove deletes a label; it is then unknown (exit 2)', async () => {
    const r = await cli('cookies', 'remove', 'cli');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Removed "cli" \(2 files\)/);
    assert.equal((await cli('cookies', 'check', 'cli')).code, 2);
  });
});
