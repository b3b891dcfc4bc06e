import assert from 'node:assert/strict';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { Core } from '../../../src-main/core/create-core.ts';
import { FakeClock } from '../../helpers/fake-clock.ts';
import { runDropline } from '../../helpers/serve-process.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { testCore } from '../../helpers/test-core.ts';

const ctx = { transport: 'websocket' as const };

describe('the notification centre keeps notices in SQLite', () => {
  const dir = tempDir();
  const data = join(dir.path, 'data');
  const clock = new FakeClock();
  let core: Core;
  const seen: { event: string; payload: unknown }[] = [];

  beforeAll(() => {
    core = testCore(data, {}, { clock, startUploads: false });
    core.events.subscribe((event, payload) => seen.push({ event, payload }));
  });
  afterAll(async () => {
    await core?.close();
    dir.remove();
  });

  test('post stores the notice unread, announces it, and the unread count changes', async () => {
    const posted = core.services.notices.post({
      level: 'error',
      kind: 'upload_failed',
      title: 'Upload failed: "Ep 1"',
      message: 'The file is gone.',
      channelId: 'UC_a',
      jobId: 'job-1',
    });
    clock.advance(1000);
    core.services.notices.post({ level: 'info', title: 'Hello', message: 'Second.' });
    assert.equal(posted.read, false);
    assert.deepEqual(
      seen.filter((s) => s.event === 'notices.changed').map((s) => s.payload),
      [{ unread: 1 }, { unread: 2 }],
    );
    assert.equal(seen.filter((s) => s.event === 'app.noticed').length, 2);
    const list = await core.router.dispatch('notices.list', {}, ctx);
    assert.ok(list.ok);
    const out = list.output as { notices: { title: string; kind: string }[]; unread: number };
    assert.equal(out.unread, 2);
    assert.deepEqual(
      out.notices.map((n) => [n.title, n.kind]),
      [
        ['Hello', 'general'],
        ['Upload failed: "Ep 1"', 'upload_failed'],
      ],
      'newest first',
    );
  });

  test('markRead by id and all; --unread lists only the unread; a restart keeps it all', async () => {
    const { notices } = core.services.notices.list();
    const failed = notices.find((n) => n.kind === 'upload_failed');
    assert.ok(failed);
    const marked = await core.router.dispatch('notices.markRead', { ids: [failed.id] }, ctx);
    assert.deepEqual(marked.ok && marked.output, { unread: 1 });
    const unread = core.services.notices.list({ unreadOnly: true });
    assert.deepEqual(
      unread.notices.map((n) => n.title),
      ['Hello'],
    );
    const bad = await core.router.dispatch('notices.markRead', { ids: [] }, ctx);
    assert.equal(bad.ok, false);

    await core.close();
    core = testCore(data, {}, { clock, startUploads: false });
    const after = core.services.notices.list();
    assert.equal(after.unread, 1);
    assert.equal(after.notices.find((n) => n.id === failed.id)?.read, true);
    assert.equal(after.notices.find((n) => n.id === failed.id)?.channelId, 'UC_a');
    assert.equal(after.notices.find((n) => n.id === failed.id)?.jobId, 'job-1');
  });

  test('dropline notices reads the database without an engine: --unread, --json, --mark-read', async () => {
    await core.close();
    const env = { DROPLINE_DATA_DIR: data };
    const all = await runDropline(['notices', '--json'], env);
    assert.equal(all.code, 0, all.stderr);
    const rows = JSON.parse(all.stdout) as Record<string, unknown>[];
    assert.equal(rows.length, 2);
    assert.deepEqual(Object.keys(rows[1]!).sort(), [
      'at',
      'channelId',
      'id',
      'jobId',
      'kind',
      'level',
      'message',
      'read',
      'title',
    ]);
    assert.equal(rows[1]!.read, true);
    const unread = await runDropline(['notices', '--unread', '--json'], env);
    assert.deepEqual(
      (JSON.parse(unread.stdout) as { title: string }[]).map((r) => r.title),
      ['Hello'],
    );
    const text = await runDropline(['notices', '--unread', '--mark-read'], env);
    assert.match(text.stdout, /\* info +Hello: Second\./);
    const none = await runDropline(['notices', '--unread'], env);
    assert.equal(none.stdout.trim(), 'No unread notices.');
    const usage = await runDropline(['notices', '--unreed'], env);
    assert.equal(usage.code, 2);
    core = testCore(data, {}, { clock, startUploads: false });
  });

  test('the centre keeps the newest 500 only', () => {
    for (let i = 0; i < 505; i++)
      core.services.notices.post({ level: 'info', title: `n${i}`, message: '.' });
    const list = core.services.notices.list({ limit: 500 });
    assert.equal(list.notices.length, 500);
    assert.equal(list.notices[0]?.title, 'n504');
    assert.equal(list.notices.at(-1)?.title, 'n5');
    const count = core.db.prepare('SELECT count(*) FROM notices').pluck().get();
    assert.equal(count, 500);
  });
});
