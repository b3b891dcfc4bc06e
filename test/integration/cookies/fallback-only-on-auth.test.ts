// The backup cookie file is for one thing: YouTube refusing the active file's sign-in. A 404
// or a dropped connection says nothing about the cookies; falling back (and marking a good
// active file failing) would have the creator re-export cookies that were fine.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { createCore, type Core } from '../../../src-main/core/create-core.ts';
import { isFinalDownloadState, type Download } from '../../../src-shared/domain/cookie-file.ts';
import { lacks } from '../../helpers/system-tools.ts';
import {
  cookieFileText,
  makeEnv,
  secretValue,
  startVideoServer,
  type VideoServer,
} from './helpers.ts';

function finished(core: Core, id: string): Promise<Download> {
  return new Promise((resolve) => {
    const check = (): boolean => {
      const d = core.services.downloads.get(id);
      if (!isFinalDownloadState(d.state)) return false;
      resolve(d);
      return true;
    };
    if (check()) return;
    const off = core.events.subscribe((event) => {
      if (event === 'downloads.progressed' && check()) off();
    });
  });
}

describe.skipIf(lacks('ytdlp'))('cookie fallback only on a refused sign-in', () => {
  const env = makeEnv();
  let server: VideoServer;
  let core: Core;
  const active = secretValue('activesession');
  const backup = secretValue('backupsession');

  beforeAll(async () => {
    server = await startVideoServer();
    server.valid.add(active);
    server.valid.add(backup);
    core = createCore(env.config());
    // Imported second, the newer file is the active one; the first becomes its backup.
    for (const [name, value] of [
      ['backup', backup],
      ['active', active],
    ] as const) {
      const file = join(env.root, `${name}.txt`);
      writeFileSync(file, cookieFileText([{ name: 'session', value }]));
      core.services.cookies.import({ path: file, label: 'main' });
    }
  });
  afterAll(async () => {
    await core.close();
    await server.close();
    env.cleanup();
  });

  const usedBackup = () => server.requests.filter((r) => r.cookie === `session=${backup}`).length;
  const fallbacks = (): number =>
    core.db
      .prepare(
        "SELECT count(*) FROM audit_log WHERE subject_kind = 'cookie_file' AND action IN ('fallback', 'mark_failing')",
      )
      .pluck()
      .get() as number;

  for (const [what, path] of [
    ['a 404', '/missing/gone.mp4'],
    ['a dropped connection', '/reset/clip.mp4'],
  ] as const)
    test(`${what} fails the download without the backup and leaves the active file healthy`, async () => {
      const started = core.services.downloads.start({
        url: `${server.url}${path}`,
        label: 'main',
        outDir: join(env.root, 'out'),
      });
      const done = await finished(core, started.id);
      assert.equal(done.state, 'failed');
      assert.equal(done.error?.code, 'download_failed', done.error?.message);
      assert.equal(done.attempts, 1, 'one attempt: no fallback');
      assert.equal(done.usedVersion, 'active');
      assert.equal(usedBackup(), 0, 'the backup file was never sent');
      assert.equal(fallbacks(), 0, 'no fallback nor mark_failing in the audit log');
      const label = core.services.cookies.list().find((l) => l.label === 'main');
      assert.notEqual(label?.active.health, 'failing');
      assert.notEqual(label?.backups[0]?.health, 'failing');
    });

  test('the same label still falls back when the active file is refused', async () => {
    server.valid.delete(active);
    for (const rotated of server.rotated) server.valid.delete(rotated);
    const started = core.services.downloads.start({
      url: `${server.url}/v/clip.mp4`,
      label: 'main',
      outDir: join(env.root, 'out'),
    });
    const done = await finished(core, started.id);
    assert.equal(done.state, 'done', JSON.stringify(done.error));
    assert.equal(done.attempts, 2);
    assert.equal(done.usedVersion, 'backup');
    assert.equal(
      core.services.cookies.list().find((l) => l.label === 'main')?.active.health,
      'failing',
    );
  });
});
