import assert from 'node:assert/strict';
import { test } from 'vitest';
import { quotaLevel } from '../../../src-renderer/screens/queue/format.ts';

test('the quota meter turns amber past 70 % of the day and red past 90 %', () => {
  assert.equal(quotaLevel(0, 10_000), 'ok');
  assert.equal(quotaLevel(6_999, 10_000), 'ok');
  assert.equal(quotaLevel(7_000, 10_000), 'amber');
  assert.equal(quotaLevel(8_999, 10_000), 'amber');
  assert.equal(quotaLevel(9_000, 10_000), 'red');
  assert.equal(quotaLevel(12_000, 10_000), 'red');
  assert.equal(quotaLevel(0, 0), 'red', 'no quota at all is no quota left');
});
