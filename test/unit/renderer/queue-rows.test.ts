import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import {
  canRetryJob,
  type Job,
  type JobProgress,
  type JobState,
} from '../../../src-shared/domain/job.ts';
import {
  planChannelDrop,
  titleFromPath,
} from '../../../src-renderer/screens/queue/channel-drop.ts';
import {
  applyBatch,
  createEventBatcher,
  type JobsSlice,
} from '../../../src-renderer/screens/queue/event-batch.ts';
import { buildRows } from '../../../src-renderer/screens/queue/rows.ts';
import { job as fixtureJob } from '../../helpers/domain-fixtures.ts';

const job = (id: string, channelId: string, state: JobState, bytesSent = 0): Job =>
  fixtureJob(id, channelId, { state, bytesSent });

const sample = (id: string, bytesSent: number): JobProgress => ({
  id,
  channelId: 'UCa',
  bytesSent,
  bytesTotal: 1000,
  rate: 100,
  etaSeconds: 1,
});

describe('dropping files onto a channel header', () => {
  test('videos with known paths (desktop) are queued one per file, titled by name', () => {
    const plan = planChannelDrop(
      [
        { name: 'Episode 1.mp4', path: '/v/Episode 1.mp4' },
        { name: 'cover.png', path: '/v/cover.png' },
        { name: 'b.MOV', path: 'C:\\v\\b.MOV' },
      ],
      'UCa',
    );
    assert.deepEqual(plan, {
      kind: 'enqueue',
      channelId: 'UCa',
      uploads: [
        { path: '/v/Episode 1.mp4', title: 'Episode 1' },
        { path: 'C:\\v\\b.MOV', title: 'b' },
      ],
    });
  });

  test('in a browser tab (no paths) the user is asked for the paths, starting from the names', () => {
    const plan = planChannelDrop(
      [
        { name: 'a.mp4', path: null },
        { name: 'notes.txt', path: null },
      ],
      'UCa',
    );
    assert.deepEqual(plan, { kind: 'needPaths', channelId: 'UCa', names: ['a.mp4'] });
  });

  test('a drop without any video says what can be dropped', () => {
    const plan = planChannelDrop([{ name: 'notes.txt', path: '/n.txt' }], 'UCa');
    assert.equal(plan.kind, 'nothing');
    assert.match(plan.kind === 'nothing' ? plan.reason : '', /Only video files/);
  });

  test('titles drop folders and the extension only', () => {
    assert.equal(titleFromPath('/a/b/My.trip.2024.mkv'), 'My.trip.2024');
    assert.equal(titleFromPath('C:\\x\\clip.mp4'), 'clip');
    assert.equal(titleFromPath('.hidden'), '.hidden');
  });
});

describe('queue rows', () => {
  test('a connected channel without jobs still gets a header to drop onto', () => {
    const rows = buildRows({}, [], {}, ['UCa']);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.kind === 'channel' && rows[0].summary.total, 0);
  });

  test('the header sums live bytes and counts what Pause all and Resume all act on', () => {
    const jobs = {
      a: job('a', 'UCa', 'uploading', 100),
      b: job('b', 'UCa', 'paused', 300),
      c: job('c', 'UCa', 'done', 1000),
      d: job('d', 'UCa', 'queued'),
    };
    const rows = buildRows(jobs, ['a', 'b', 'c', 'd'], { a: sample('a', 250) });
    const header = rows[0]?.kind === 'channel' ? rows[0].summary : null;
    assert.deepEqual(header, {
      channelId: 'UCa',
      total: 4,
      active: 1,
      paused: 1,
      pausable: 2,
      bytesSent: 250 + 300 + 1000,
      bytesTotal: 4000,
      rate: 100,
    });
  });
});

describe('applying job events', () => {
  const empty: JobsSlice = { jobs: {}, order: [], progress: {} };

  test('new jobs keep queue order; a changed job keeps its place', () => {
    let s = applyBatch(empty, [job('a', 'UCa', 'queued'), job('b', 'UCa', 'queued')], []);
    s = applyBatch(s, [job('c', 'UCa', 'queued'), job('a', 'UCa', 'uploading')], []);
    assert.deepEqual(s.order, ['a', 'b', 'c']);
    assert.equal(s.jobs.a?.state, 'uploading');
  });

  test('a job that stops uploading drops its live bytes, and a late sample is ignored', () => {
    let s = applyBatch(empty, [job('a', 'UCa', 'uploading')], [sample('a', 500)]);
    assert.equal(s.progress.a?.bytesSent, 500);
    s = applyBatch(s, [job('a', 'UCa', 'paused', 0)], []);
    assert.equal(s.progress.a, undefined);
    s = applyBatch(s, [], [sample('a', 600)]);
    assert.equal(s.progress.a, undefined);
    s = applyBatch(s, [job('a', 'UCa', 'uploading')], []);
    assert.equal(s.progress.a, undefined, 'a resumed job does not show its previous run');
  });

  test('a burst of events is handed over once, the newest per job', () => {
    const flushes: [Job[], JobProgress[]][] = [];
    const pending: (() => void)[] = [];
    const batcher = createEventBatcher(
      (jobs, progress) => flushes.push([jobs, progress]),
      (fn) => pending.push(fn),
    );
    for (let i = 0; i < 2000; i++) batcher.job(job(`j${i}`, 'UCa', 'queued'));
    batcher.job(job('j0', 'UCa', 'failed'));
    batcher.progress(sample('j1', 1));
    batcher.progress(sample('j1', 2));
    assert.equal(pending.length, 1);
    pending.shift()?.();
    assert.equal(flushes.length, 1);
    const [jobs, progress] = flushes[0]!;
    assert.equal(jobs.length, 2000);
    assert.equal(jobs[0]?.id, 'j0');
    assert.equal(jobs[0]?.state, 'failed');
    assert.deepEqual(
      progress.map((p) => p.bytesSent),
      [2],
    );
    batcher.job(job('j5', 'UCa', 'done'));
    assert.equal(pending.length, 1, 'the next event arms a new flush');
  });
});

describe('which jobs offer Retry', () => {
  const failed = (code: string) => ({ state: 'failed' as const, error: { code } });
  test('a failure the next try may fix, and a cancelled job, can be retried', () => {
    assert.equal(canRetryJob(failed('network')), true);
    assert.equal(canRetryJob(failed('file_missing')), true);
    assert.equal(canRetryJob({ state: 'cancelled', error: null }), true);
  });
  test('a bad file or metadata must be added again; live jobs are not retried', () => {
    for (const code of ['invalid_file', 'invalid_metadata', 'file_changed'])
      assert.equal(canRetryJob(failed(code)), false, code);
    assert.equal(canRetryJob({ state: 'uploading', error: null }), false);
  });
});

describe('quota project label', () => {
  test('a Google client id shows as its project number; anything else as it is', async () => {
    const { projectLabel } = await import('../../../src-renderer/screens/queue/format.ts');
    assert.equal(
      projectLabel('100000000001-sandboxdesktop0000000000000000.apps.googleusercontent.com'),
      'project 100000000001',
    );
    assert.equal(projectLabel('default'), 'default');
  });
});

describe('the files field of the Add upload form', () => {
  test('chosen videos join the typed paths, each once, blank lines dropped', async () => {
    const { lines, withPaths } =
      await import('../../../src-renderer/screens/queue/add-form-store.ts');
    assert.deepEqual(lines(' /a.mp4 \n\n/b.mp4\n'), ['/a.mp4', '/b.mp4']);
    assert.equal(withPaths('/a.mp4\n', ['/b.mp4', '/a.mp4']), '/a.mp4\n/b.mp4');
    assert.equal(withPaths('', ['/c.mov']), '/c.mov');
  });
});
