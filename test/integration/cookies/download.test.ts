import { afterAll, beforeAll, describe, test } from 'vitest';
import { lacks } from '../../helpers/system-tools.ts';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCore, type Core } from '../../../src-main/core/create-core.ts';
import { memorySink } from '../../../src-main/logging/logger.ts';
import type { Download } from '../../../src-shared/domain/cookie-file.ts';
import { isFinalDownloadState } from '../../../src-shared/domain/cookie-file.ts';
import {
  cookieFileText,
  makeEnv,
  secretValue,
  startVideoServer,
  type VideoServer,
} from './helpers.ts';

function waitFor(core: Core, id: string, pred: (d: Download) => boolean): Promise<Download> {
  return new Promise((resolve) => {
    const check = (): boolean => {
      const d = core.services.downloads.get(id);
      if (pred(d)) {
        resolve(d);
        return true;
      }
      return false;
    };
    if (check()) return;
    const off = core.events.subscribe((event) => {
      if (event === 'downloads.progressed' && check()) off();
    });
  });
}

const finished = (core: Core, id: string): Promise<Download> =>
  waitFor(core, id, (d) => isFinalDownloadState(d.state));

function tmpEntries(dataDir: string): string[] {
  try {
    return readdirSync(join(dataDir, 'tmp'));
  } catch {
    return [];
  }
}

function auditActions(core: Core, label: string): string[] {
  return core.db
    .prepare(
      "SELECT action FROM audit_log WHERE subject_kind = 'cookie_file' AND subject_id = ? ORDER BY id",
    )
    .pluck()
    .all(label) as string[];
}

describe.skipIf(lacks('ytdlp'))('downloads with real yt-dlp and stored cookie files', () => {
  const env = makeEnv();
  let server: VideoServer;
  let core: Core;
  const good = secretValue('goodsession');
  const wrong = secretValue('wrongsession');
  const outDir = join(env.root, 'out');

  beforeAll(async () => {
    server = await startVideoServer();
    server.valid.add(good);
    // The real file sink: the test reads <data>/logs afterwards.
    core = createCore(env.config());
  });
  afterAll(async () => {
    await core.close();
    await server.close();
    env.cleanup();
  });

  test('succeeds with the active file, stores the rotated jar, leaves no temp copy', async () => {
    const src = join(env.root, 'good.txt');
    writeFileSync(src, cookieFileText([{ name: 'session', value: good }]));
    const imported = core.services.cookies.import({ path: src, label: 'main' });
    assert.equal(imported.summary.cookieCount, 1);
    const started = core.services.downloads.start({
      url: `${server.url}/v/clip.mp4`,
      label: 'main',
      outDir,
    });
    const done = await finished(core, started.id);
    assert.equal(done.state, 'done', JSON.stringify(done.error));
    assert.equal(done.usedVersion, 'active');
    assert.equal(done.attempts, 1);
    assert.ok(done.file, 'yt-dlp reported the file it wrote');
    assert.deepEqual(readFileSync(done.file), server.body);
    assert.ok(server.requests.some((r) => r.cookie === `session=${good}`));
    assert.deepEqual(tmpEntries(env.dataDir), []);

    // The server rotated the session during the download; the stored version has the new value.
    const stored = core.services.vault.store
      .get({ kind: 'cookie_file', id: imported.versionId })
      ?.toString('utf8');
    const last = server.rotated.at(-1) as string;
    assert.ok(stored?.includes(`session\t${last}`), 'the rotated cookie was stored');
    const info = core.services.cookies.list().find((l) => l.label === 'main');
    assert.equal(info?.active.rotations, 1);
    assert.equal(info?.active.health, 'ok');
    assert.ok(info?.active.lastSuccessAt);
    assert.deepEqual(auditActions(core, 'main'), ['import', 'use', 'rotate', 'success']);
  });

  test('a refused active file falls back once to the backup and is marked failing', async () => {
    const right = join(env.root, 'right.txt');
    const bad = join(env.root, 'bad.txt');
    writeFileSync(right, cookieFileText([{ name: 'session', value: good }]));
    writeFileSync(bad, cookieFileText([{ name: 'session', value: wrong }]));
    core.services.cookies.import({ path: right, label: 'fallback' });
    core.services.cookies.import({ path: bad, label: 'fallback' });
    const notices: string[] = [];
    const off = core.events.subscribe((event, payload) => {
      if (event === 'app.noticed') notices.push((payload as { title: string }).title);
    });
    const started = core.services.downloads.start({
      url: `${server.url}/v/other.mp4`,
      label: 'fallback',
      outDir,
    });
    const done = await finished(core, started.id);
    off();
    assert.equal(done.state, 'done', JSON.stringify(done.error));
    assert.equal(done.attempts, 2);
    assert.equal(done.usedVersion, 'backup');
    const info = core.services.cookies.list().find((l) => l.label === 'fallback');
    assert.equal(info?.active.health, 'failing');
    assert.equal(info?.backups[0]?.health, 'ok');
    assert.ok(info?.backups[0]?.lastSuccessAt);
    assert.ok(notices.some((t) => /refused/.test(t)));
    const actions = auditActions(core, 'fallback');
    assert.ok(actions.includes('fallback') && actions.includes('mark_failing'), actions.join());
    assert.deepEqual(tmpEntries(env.dataDir), []);
  });

  test('with no good file left the download fails and tells the user what to do', async () => {
    const bad = join(env.root, 'bad-only.txt');
    writeFileSync(bad, cookieFileText([{ name: 'session', value: wrong }]));
    core.services.cookies.import({ path: bad, label: 'lonely' });
    const started = core.services.downloads.start({
      url: `${server.url}/v/third.mp4`,
      label: 'lonely',
      outDir,
    });
    const done = await finished(core, started.id);
    assert.equal(done.state, 'failed');
    assert.equal(done.error?.code, 'cookies_refused');
    assert.match(done.error?.message ?? '', /export a fresh cookies\.txt/);
    assert.equal(core.services.cookies.check('lonely')[0]?.health, 'failing');
  });

  test('cancel stops yt-dlp and removes the temporary copy', async () => {
    const started = core.services.downloads.start({
      url: `${server.url}/slow/clip.mp4`,
      label: 'main',
      outDir,
    });
    await server.slowStarted;
    assert.equal(tmpEntries(env.dataDir).length, 1, 'the copy exists while yt-dlp runs');
    core.services.downloads.cancel(started.id);
    const done = await finished(core, started.id);
    assert.equal(done.state, 'cancelled');
    assert.deepEqual(tmpEntries(env.dataDir), []);
  });

  test('cookie values appear nowhere in the database, its WAL, or the logs', () => {
    const values = [good, wrong, ...server.rotated];
    const files = readdirSync(env.dataDir)
      .filter((f) => f.startsWith('dropline.db'))
      .map((f) => join(env.dataDir, f));
    assert.ok(
      files.some((f) => f.endsWith('-wal')),
      'the WAL was checked too',
    );
    const logDir = join(env.dataDir, 'logs');
    const logs = readdirSync(logDir).map((f) => readFileSync(join(logDir, f)));
    assert.ok(Buffer.concat(logs).includes('yt-dlp failed'), 'the logs were written');
    const haystacks = [...files.map((f) => readFileSync(f)), ...logs];
    for (const value of values)
      for (const hay of haystacks)
        assert.equal(hay.includes(value), false, `found ${value.slice(0, 12)}…`);
  });
});

describe('a missing yt-dlp', () => {
  const env = makeEnv({ DROPLINE_YTDLP: '/nonexistent/yt-dlp' });
  let core: Core;
  beforeAll(() => {
    core = createCore(env.config(), { logSink: memorySink() });
  });
  afterAll(async () => {
    await core.close();
    env.cleanup();
  });

  test('is refused at once with how to install it', () => {
    assert.throws(
      () => core.services.downloads.start({ url: 'http://127.0.0.1:9/x.mp4' }),
      (error: Error & { code?: string }) =>
        error.code === 'ytdlp_missing' &&
        /apt install yt-dlp/.test(error.message) &&
        /pip/.test(error.message),
    );
  });
});
