import { afterAll, beforeAll, test } from 'vitest';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../../../src-main/base/clock.ts';
import { createCore, type Core } from '../../../src-main/core/create-core.ts';
import { memorySink } from '../../../src-main/logging/logger.ts';
import type { Notice } from '../../../src-shared/domain/notice.ts';
import { cookieFileText, makeEnv, secretValue } from './helpers.ts';

const NOW = Date.parse('2026-06-01T12:00:00Z');
const clock: Clock = { now: () => NOW, setTimeout: () => () => undefined };
const env = makeEnv();
let core: Core;
const notices: Notice[] = [];

beforeAll(() => {
  core = createCore(env.config(), { logSink: memorySink(), clock });
  core.events.subscribe((event, payload) => {
    if (event === 'app.noticed') notices.push(payload as Notice);
  });
});
afterAll(async () => {
  await core.close();
  env.cleanup();
});

const sid = (expiresAtMs: number): string =>
  cookieFileText([
    { name: 'SID', value: secretValue('sid'), domain: '.youtube.com', expires: expiresAtMs / 1000 },
    { name: 'PREF', value: 'f6=40000000', domain: '.youtube.com' },
  ]);

test('each import makes the previous file a backup; only the configured number is kept', () => {
  const ids: string[] = [];
  for (let i = 0; i < 4; i++)
    ids.push(
      core.services.cookies.import({
        content: sid(NOW + 30 * 86_400_000),
        fileName: `c${i}.txt`,
        label: 'rot',
      }).versionId,
    );
  const info = core.services.cookies.list().find((l) => l.label === 'rot');
  assert.equal(info?.active.id, ids[3]);
  assert.deepEqual(
    info?.backups.map((b) => b.id),
    [ids[2], ids[1]],
  );
  assert.equal(info?.active.sourceName, 'c3.txt');
  assert.equal(info?.active.signedInToYouTube, true);
  // The pruned version's secret is gone from the vault, the kept ones are readable.
  assert.equal(core.services.vault.store.get({ kind: 'cookie_file', id: ids[0] as string }), null);
  assert.ok(core.services.vault.store.get({ kind: 'cookie_file', id: ids[1] as string }));
  const audit = core.db
    .prepare("SELECT action FROM audit_log WHERE subject_id = 'rot' ORDER BY id")
    .pluck()
    .all() as string[];
  assert.deepEqual(audit, ['import', 'import', 'import', 'import', 'prune']);
});

test('a file expiring within the threshold posts a warning once; an expired one an error', () => {
  notices.length = 0;
  core.services.cookies.import({
    content: sid(NOW + 3 * 3_600_000),
    fileName: 'soon.txt',
    label: 'soon',
  });
  core.services.cookies.import({ content: sid(NOW - 60_000), fileName: 'old.txt', label: 'old' });
  core.services.cookies.checkFreshness();
  assert.deepEqual(
    notices.map((n) => [n.level, n.title]),
    [
      ['warning', 'Cookies "soon" expire soon'],
      ['error', 'Cookies "old" expired'],
    ],
  );
  assert.match(notices[0]?.message ?? '', /in 3 h/);
  const checks = core.services.cookies.check();
  assert.equal(checks.find((c) => c.label === 'soon')?.freshness, 'expiring');
  assert.equal(checks.find((c) => c.label === 'old')?.freshness, 'expired');
  core.services.settings.set({ cookieWarningHours: 2 });
  assert.equal(core.services.cookies.check('soon')[0]?.freshness, 'fresh');
});

test('an invalid file is refused through the API with the line, and nothing is stored', async () => {
  const before = core.services.cookies.list().length;
  const result = await core.router.dispatch(
    'cookies.import',
    {
      content: '# Netscape HTTP Cookie File\n.youtube.com\tTRUE\t/\tTRUE\tsoon\tSID\tx\n',
      fileName: 'x.txt',
    },
    { transport: 'memory' },
  );
  assert.equal(result.ok, false);
  assert.equal(!result.ok && result.error.code, 'invalid_cookie_file');
  assert.match(!result.ok ? result.error.message : '', /x\.txt .*line 2, expiry/);
  assert.equal(core.services.cookies.list().length, before);
});

test('the plaintext source can be deleted, but not after it changed', () => {
  const a = join(env.root, 'a.txt');
  writeFileSync(a, sid(NOW + 86_400_000 * 5));
  const first = core.services.cookies.import({ path: a, label: 'src' });
  writeFileSync(a, sid(NOW + 86_400_000 * 6));
  assert.throws(
    () => core.services.cookies.deleteSource(first.versionId),
    /changed since it was imported/,
  );
  assert.ok(existsSync(a));
  const second = core.services.cookies.import({ path: a, label: 'src' });
  assert.deepEqual(core.services.cookies.deleteSource(second.versionId), {
    deleted: true,
    path: a,
  });
  assert.equal(existsSync(a), false);
  const content = core.services.cookies.import({
    content: sid(NOW + 1e9),
    fileName: 'b.txt',
    label: 'src',
  });
  assert.equal(content.sourceDeletable, false);
  assert.throws(() => core.services.cookies.deleteSource(content.versionId), /delete it yourself/);
});
