import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { createRowSizes, rowShape } from '../../../src-renderer/screens/queue/row-sizes.ts';
import { buildRows, type Row } from '../../../src-renderer/screens/queue/rows.ts';
import { job } from '../../helpers/domain-fixtures.ts';

const jobRow = (overrides: Parameters<typeof job>[2] = {}): Row => ({
  kind: 'job',
  job: job('j', 'UC1', overrides),
});
// A connected channel with no jobs: its header is the one row.
const header = buildRows({}, [], {}, ['UC1'])[0];
const failure = { code: 'quota', message: 'Quota used up', retryable: false };

describe('queue row heights per shape', () => {
  test('a shape names what changes the height: header, warning lines, an error line', () => {
    assert.equal(rowShape(header), 'channel');
    assert.equal(rowShape(jobRow()), 'job:0:0');
    assert.equal(rowShape(jobRow({ warnings: ['a', 'b'] })), 'job:2:0');
    assert.equal(rowShape(jobRow({ state: 'failed', error: failure })), 'job:0:1');
    // The error line shows only on a failed job.
    assert.equal(rowShape(jobRow({ state: 'queued', error: failure })), 'job:0:0');
  });

  test('before any measurement, taller shapes are estimated taller', () => {
    const sizes = createRowSizes();
    assert.ok(sizes.estimate('job:0:0') > sizes.estimate('channel'));
    assert.ok(sizes.estimate('job:2:0') > sizes.estimate('job:1:0'));
    assert.ok(sizes.estimate('job:0:1') > sizes.estimate('job:0:0'));
  });

  test('one measured row sets the estimate of its shape, and of no other', () => {
    const sizes = createRowSizes();
    const otherBefore = sizes.estimate('job:1:0');
    sizes.learn('job:0:0', 83);
    assert.equal(sizes.estimate('job:0:0'), 83);
    assert.equal(sizes.estimate('job:1:0'), otherBefore);
    sizes.learn('job:0:0', 85);
    assert.equal(sizes.estimate('job:0:0'), 85, 'the latest measurement wins');
  });

  test('a row measured at 0 (not laid out) teaches nothing', () => {
    const sizes = createRowSizes();
    const before = sizes.estimate('channel');
    sizes.learn('channel', 0);
    assert.equal(sizes.estimate('channel'), before);
  });
});
