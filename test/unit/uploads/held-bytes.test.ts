// After a pause, one status query says how much YouTube holds. A wrong guard here either
// overwrites a newer run's progress, marks a video done that is not, or writes after the
// engine stopped.
import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import type { JobRecord } from '../../../src-main/uploads/job-repository.ts';
import { HeldBytesChecks, recordHeldBytes } from '../../../src-main/uploads/held-bytes.ts';
import type { RunnerDeps } from '../../../src-main/uploads/runner-deps.ts';
import { FakeClock, flushAsync } from '../../helpers/fake-clock.ts';

type Status = { kind: 'complete'; videoId: string } | { kind: 'incomplete'; nextByte: number };
interface StatusCall {
  token: string;
  sessionUri: string;
  total: number;
  signal?: AbortSignal;
}

function paused(over: Partial<JobRecord> = {}): JobRecord {
  return {
    id: 'job-1',
    channelId: 'UC-alice',
    state: 'paused',
    sessionUri: 'vault:session',
    videoId: null,
    bytesSent: 1000,
    bytesTotal: 10_000,
    ...over,
  } as JobRecord;
}

/** A job table of one row, a token source and a session that answers `answer` (or what it is told). */
function world(job: JobRecord | null, answer: (call: StatusCall) => Promise<Status>) {
  const clock = new FakeClock();
  const rows = new Map<string, JobRecord>(job ? [[job.id, job]] : []);
  const saves: Array<Record<string, unknown>> = [];
  const calls: StatusCall[] = [];
  const logged: string[] = [];
  const deps = {
    clock,
    repo: {
      get: (id: string) => rows.get(id) ?? null,
      sessionUriOf: (j: JobRecord) => `https://upload.example/${j.sessionUri}`,
    },
    tokens: { getAccessToken: async (channelId: string) => `token-of-${channelId}` },
    uploads: {
      status: (call: StatusCall) => {
        calls.push(call);
        return answer(call);
      },
    },
    save: (j: JobRecord, patch: Record<string, unknown>) => {
      saves.push(patch);
      const next = { ...j, ...patch } as JobRecord;
      rows.set(j.id, next);
      return next;
    },
    log: { debug: (msg: string) => logged.push(msg) },
  } as unknown as RunnerDeps;
  return { clock, rows, saves, calls, logged, deps };
}

const holds = (nextByte: number) => async (): Promise<Status> => ({ kind: 'incomplete', nextByte });

describe('recordHeldBytes', () => {
  test('asks with the channel token, the session URI and the size, and records a later byte', async () => {
    const w = world(paused(), holds(4096));
    await recordHeldBytes(w.deps, 'job-1', new AbortController().signal);
    assert.equal(w.calls.length, 1);
    assert.equal(w.calls[0]?.token, 'token-of-UC-alice');
    assert.equal(w.calls[0]?.sessionUri, 'https://upload.example/vault:session');
    assert.equal(w.calls[0]?.total, 10_000);
    assert.deepEqual(w.saves, [{ bytesSent: 4096 }]);
  });

  test('only forward: an answer at or behind what the job shows changes nothing', async () => {
    for (const nextByte of [1000, 200]) {
      const w = world(paused(), holds(nextByte));
      await recordHeldBytes(w.deps, 'job-1', new AbortController().signal);
      assert.equal(w.calls.length, 1);
      assert.deepEqual(w.saves, [], `next byte ${nextByte}`);
    }
  });

  test('a complete session: the video id, every byte and the time, from the clock', async () => {
    const w = world(paused(), async () => ({ kind: 'complete', videoId: 'vid-9' }));
    await recordHeldBytes(w.deps, 'job-1', new AbortController().signal);
    assert.deepEqual(w.saves, [
      {
        videoId: 'vid-9',
        bytesSent: 10_000,
        completedAt: new Date(w.clock.now()).toISOString(),
      },
    ]);
  });

  test('nothing to ask: no job, not paused, no session, or the video already exists', async () => {
    const cases: Array<[string, JobRecord | null]> = [
      ['no job', null],
      ['running', paused({ state: 'uploading' } as Partial<JobRecord>)],
      ['queued', paused({ state: 'queued' } as Partial<JobRecord>)],
      ['no session', paused({ sessionUri: null })],
      ['video exists', paused({ videoId: 'vid-1' })],
    ];
    for (const [name, job] of cases) {
      const w = world(job, holds(5000));
      await recordHeldBytes(w.deps, 'job-1', new AbortController().signal);
      assert.equal(w.calls.length, 0, name);
      assert.deepEqual(w.saves, [], name);
    }
  });

  test('resumed, restarted on a new session or removed meanwhile: the answer is dropped', async () => {
    const changes: Array<[string, (rows: Map<string, JobRecord>) => void]> = [
      [
        'resumed',
        (rows) => rows.set('job-1', paused({ state: 'uploading' } as Partial<JobRecord>)),
      ],
      ['new session', (rows) => rows.set('job-1', paused({ sessionUri: 'vault:other' }))],
      ['removed', (rows) => rows.delete('job-1')],
    ];
    for (const [name, change] of changes) {
      const w = world(paused(), async () => {
        change(w.rows);
        return { kind: 'complete', videoId: 'vid-late' };
      });
      await recordHeldBytes(w.deps, 'job-1', new AbortController().signal);
      assert.equal(w.calls.length, 1, name);
      assert.deepEqual(w.saves, [], name);
    }
  });

  test('the answer uses the row as it is now, not as it was when asked', async () => {
    const w = world(paused(), async () => {
      w.rows.set('job-1', paused({ bytesSent: 3000 }));
      return { kind: 'incomplete', nextByte: 2500 };
    });
    await recordHeldBytes(w.deps, 'job-1', new AbortController().signal);
    assert.deepEqual(w.saves, [], 'behind the newer 3000 bytes');
  });

  test('the engine stopping cuts the query short, and nothing is written after it', async () => {
    const stop = new AbortController();
    const w = world(
      paused(),
      (call) =>
        new Promise((resolve) =>
          call.signal?.addEventListener('abort', () =>
            resolve({ kind: 'complete', videoId: 'after-stop' }),
          ),
        ),
    );
    const done = recordHeldBytes(w.deps, 'job-1', stop.signal);
    await flushAsync();
    assert.equal(w.calls.length, 1);
    assert.equal(w.calls[0]?.signal?.aborted, false);
    stop.abort(new Error('engine stopping'));
    await done;
    assert.deepEqual(w.saves, []);
  });

  test('a failed query is logged at debug and changes nothing', async () => {
    const w = world(paused(), async () => {
      throw new Error('connection refused');
    });
    await recordHeldBytes(w.deps, 'job-1', new AbortController().signal);
    assert.deepEqual(w.saves, []);
    assert.deepEqual(w.logged, ['could not ask a paused upload what YouTube holds']);
  });
});

describe('HeldBytesChecks', () => {
  test('asks only once the paused run has let go', async () => {
    const w = world(paused(), holds(2048));
    const checks = new HeldBytesChecks(w.deps);
    let letGo!: () => void;
    checks.after(new Promise<void>((resolve) => (letGo = resolve)), 'job-1');
    await flushAsync();
    assert.equal(w.calls.length, 0);
    letGo();
    await checks.stop();
    assert.equal(w.calls.length, 1);
  });

  test('stop() aborts the queries under way and waits for them; later checks run again', async () => {
    const w = world(
      paused(),
      (call) =>
        new Promise((resolve) =>
          call.signal?.addEventListener('abort', () =>
            resolve({ kind: 'incomplete', nextByte: 9000 }),
          ),
        ),
    );
    const checks = new HeldBytesChecks(w.deps);
    checks.after(Promise.resolve(), 'job-1');
    await flushAsync();
    assert.equal(w.calls.length, 1);
    await checks.stop();
    assert.equal(w.calls[0]?.signal?.aborted, true);
    assert.deepEqual(w.saves, []);

    // A fresh stop signal: the next check after a stop is not born aborted.
    const next = world(paused(), holds(7000));
    const again = new HeldBytesChecks(next.deps);
    await again.stop();
    again.after(Promise.resolve(), 'job-1');
    await flushAsync(5);
    assert.deepEqual(next.saves, [{ bytesSent: 7000 }]);
    await again.stop();
  });

  test('stop() waits for a check still in progress before it resolves', async () => {
    let answer!: (s: Status) => void;
    const w = world(paused(), () => new Promise<Status>((resolve) => (answer = resolve)));
    const checks = new HeldBytesChecks(w.deps);
    checks.after(Promise.resolve(), 'job-1');
    await flushAsync();
    let stopped = false;
    const stopping = checks.stop().then(() => (stopped = true));
    await flushAsync();
    assert.equal(stopped, false);
    answer({ kind: 'incomplete', nextByte: 5000 });
    await stopping;
    assert.equal(stopped, true);
  });
});
