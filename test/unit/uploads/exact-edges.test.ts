// Edges the other upload tests leave open: abort listeners removed by event name, the
// five-second rate window to the byte, the default-language wording, and what a failed or
// stopped status query leaves behind.
import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { VideoMetadataSchema } from '../../../src-shared/domain/metadata.ts';
import { BandwidthLimiter } from '../../../src-main/uploads/bandwidth-limiter.ts';
import { HeldBytesChecks, recordHeldBytes } from '../../../src-main/uploads/held-bytes.ts';
import type { JobRecord } from '../../../src-main/uploads/job-repository.ts';
import { sleep } from '../../../src-main/uploads/outcome.ts';
import {
  ProgressMeter,
  progressIntervalMs,
  type ProgressSample,
} from '../../../src-main/uploads/progress-meter.ts';
import type { RunnerDeps } from '../../../src-main/uploads/runner-deps.ts';
import { validateMetadata } from '../../../src-main/uploads/validate-metadata.ts';
import { FakeClock, flushAsync } from '../../helpers/fake-clock.ts';

const KiB = 1024;

/** An AbortSignal that counts its 'abort' listeners: added minus removed, by that event name. */
function countedSignal() {
  const signal = new AbortController().signal;
  const counted = { signal, abortListeners: 0 };
  const add = signal.addEventListener.bind(signal);
  const remove = signal.removeEventListener.bind(signal);
  signal.addEventListener = ((...args: Parameters<typeof add>) => {
    if (args[0] === 'abort') counted.abortListeners++;
    add(...args);
  }) as typeof add;
  signal.removeEventListener = ((...args: Parameters<typeof remove>) => {
    if (args[0] === 'abort') counted.abortListeners--;
    remove(...args);
  }) as typeof remove;
  return counted;
}

describe('abort listeners go when the wait is over', () => {
  test('sleep', async () => {
    const clock = new FakeClock();
    const c = countedSignal();
    const slept = sleep(clock, 10, c.signal);
    assert.equal(c.abortListeners, 1);
    await clock.advance(10);
    await slept;
    assert.equal(c.abortListeners, 0);
  });

  test('the bandwidth limiter', async () => {
    const clock = new FakeClock();
    const limiter = new BandwidthLimiter(clock, () => 1);
    await limiter.take(KiB);
    const c = countedSignal();
    const waiting = limiter.take(KiB, c.signal);
    assert.equal(c.abortListeners, 1);
    await clock.advance(2000);
    await waiting;
    assert.equal(c.abortListeners, 0);
  });
});

test('the rate covers exactly the last five seconds', async () => {
  const clock = new FakeClock();
  const events: ProgressSample[] = [];
  const m = new ProgressMeter(clock, 1000 * 1024 * KiB, (s) => events.push(s));
  for (let i = 0; i < 40; i++) {
    await clock.advance(progressIntervalMs);
    m.add(256 * KiB); // 1 MiB/s for 10 s
  }
  for (let i = 0; i < 10; i++) {
    await clock.advance(progressIntervalMs);
    m.add(128 * KiB); // 0.5 MiB/s for 2.5 s
  }
  // From 7.5 s (7.5 MiB written) to 12.5 s (11.25 MiB): 3.75 MiB in 5 s.
  assert.equal(events.at(-1)!.rate, (3.75 * 1024 * KiB) / 5);
});

test('a malformed default language: the rule says what is wrong with it', () => {
  const [problem] = validateMetadata(
    VideoMetadataSchema.parse({ title: 'ok', defaultLanguage: 'not a language!' }),
  );
  assert.equal(problem?.field, 'defaultLanguage');
  assert.match(problem?.rule ?? '', /^"not a language!" is not a BCP-47 language tag/);
});

describe('status queries after a pause', () => {
  const job = {
    id: 'job-1',
    channelId: 'UC-a',
    state: 'paused',
    sessionUri: 's',
    videoId: null,
    bytesSent: 0,
    bytesTotal: 10,
  } as unknown as JobRecord;

  test('a failed query is logged with the job and the error', async () => {
    const logged: Array<Record<string, unknown> | undefined> = [];
    const failure = new Error('connection refused');
    const deps = {
      clock: new FakeClock(),
      repo: { get: () => job, sessionUriOf: () => 'https://upload.example/s' },
      tokens: { getAccessToken: async () => 'token' },
      uploads: {
        status: async () => {
          throw failure;
        },
      },
      save: () => job,
      log: { debug: (_msg: string, fields?: Record<string, unknown>) => logged.push(fields) },
    } as unknown as RunnerDeps;
    await recordHeldBytes(deps, 'job-1', new AbortController().signal);
    assert.deepEqual(logged, [{ jobId: 'job-1', error: failure }]);
  });

  test('stop() aborts a query under way with the reason "engine stopping"', async () => {
    let signal: AbortSignal | undefined;
    const deps = {
      clock: new FakeClock(),
      repo: { get: () => job, sessionUriOf: () => 'https://upload.example/s' },
      tokens: { getAccessToken: async () => 'token' },
      uploads: {
        status: (call: { signal?: AbortSignal }) =>
          new Promise((resolve) => {
            signal = call.signal;
            call.signal?.addEventListener('abort', () =>
              resolve({ kind: 'incomplete', nextByte: 0 }),
            );
          }),
      },
      save: () => job,
      log: { debug: () => undefined },
    } as unknown as RunnerDeps;
    const checks = new HeldBytesChecks(deps);
    checks.after(Promise.resolve(), 'job-1');
    await flushAsync();
    await checks.stop();
    assert.equal((signal?.reason as Error | undefined)?.message, 'engine stopping');
  });
});
