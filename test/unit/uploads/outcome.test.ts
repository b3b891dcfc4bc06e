// A run's outcome decides the job's next row: a wrong field here is a job that never retries,
// retries at once, or keeps an old error after it went through.
import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { patchFor, sleep } from '../../../src-main/uploads/outcome.ts';
import { FakeClock } from '../../helpers/fake-clock.ts';

const error = { code: 'network', message: 'the connection closed', retryable: true };

describe('patchFor', () => {
  test('done clears the error, the attempts and any wait', () => {
    assert.deepEqual(patchFor({ kind: 'done' }), {
      state: 'done',
      error: null,
      attempts: 0,
      waitReason: null,
      nextAttemptAt: null,
    });
  });

  test('wait keeps the reason, the time, the attempts and the error', () => {
    assert.deepEqual(
      patchFor({ kind: 'wait', reason: 'backoff', until: 1234, error, attempts: 3 }),
      { state: 'waiting', waitReason: 'backoff', nextAttemptAt: 1234, attempts: 3, error },
    );
  });

  test('failed keeps the error and clears the wait, attempts untouched', () => {
    assert.deepEqual(patchFor({ kind: 'failed', error }), {
      state: 'failed',
      error,
      waitReason: null,
      nextAttemptAt: null,
    });
  });

  test('aborted writes nothing: the aborter already did', () => {
    assert.equal(patchFor({ kind: 'aborted' }), null);
  });
});

describe('sleep on the injected clock', () => {
  test('resolves when the time has passed, not before', async () => {
    const clock = new FakeClock();
    let done = false;
    const slept = sleep(clock, 1000, new AbortController().signal).then(() => (done = true));
    await clock.advance(999);
    assert.equal(done, false);
    await clock.advance(1);
    await slept;
    assert.equal(done, true);
  });

  test('an abort rejects with its reason and cancels the timer', async () => {
    const clock = new FakeClock();
    const controller = new AbortController();
    const slept = sleep(clock, 1000, controller.signal);
    assert.equal(clock.pending, 1);
    controller.abort(new Error('paused'));
    await assert.rejects(slept, /paused/);
    assert.equal(clock.pending, 0);
  });

  test('an already aborted signal rejects at once and sets no timer', async () => {
    const clock = new FakeClock();
    const controller = new AbortController();
    controller.abort(new Error('stopped'));
    await assert.rejects(sleep(clock, 1000, controller.signal), /stopped/);
    assert.equal(clock.pending, 0);
  });

  test('once the timer fired, its abort listener is gone (a long queue does not pile them up)', async () => {
    const clock = new FakeClock();
    const controller = new AbortController();
    const listeners = new Set<unknown>();
    const signal = controller.signal;
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    type Add = typeof signal.addEventListener;
    type Remove = typeof signal.removeEventListener;
    signal.addEventListener = ((...args: Parameters<Add>) => {
      listeners.add(args[1]);
      add(...args);
    }) as Add;
    signal.removeEventListener = ((...args: Parameters<Remove>) => {
      listeners.delete(args[1]);
      remove(...args);
    }) as Remove;
    const slept = sleep(clock, 10, signal);
    assert.equal(listeners.size, 1);
    await clock.advance(10);
    await slept;
    assert.equal(listeners.size, 0);
  });
});
