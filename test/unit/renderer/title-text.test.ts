import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import type { Job } from '../../../src-shared/domain/job.ts';
import { titleText } from '../../../src-renderer/state/title-text.ts';
import { job as fixtureJob } from '../../helpers/domain-fixtures.ts';

const job = (id: string, state: Job['state'], bytesSent = 0, bytesTotal = 100): Job =>
  fixtureJob(id, 'UC1', { state, bytesSent, bytesTotal });

describe('window title', () => {
  test('idle: just the app name', () => {
    assert.equal(titleText([job('a', 'done', 100)], {}), 'Dropline');
  });
  test('uploads: how many and how far, from live progress where there is some', () => {
    const jobs = [
      job('a', 'uploading', 10, 100),
      job('b', 'uploading', 0, 100),
      job('c', 'queued'),
    ];
    const live = {
      b: { id: 'b', channelId: 'UC1', bytesSent: 76, bytesTotal: 100, rate: 1, etaSeconds: 1 },
    };
    assert.equal(titleText(jobs, live), '2 uploading · 43% — Dropline');
  });
  test('failures and waits are named too', () => {
    assert.equal(
      titleText([job('a', 'failed'), job('b', 'waiting')], {}),
      '1 waiting · 1 failed — Dropline',
    );
  });
});
