import assert from 'node:assert/strict';
import { test } from 'vitest';
import { parseSidecar } from '../../../src-main/watch/sidecar.ts';

test('YAML aliases in a sidecar resolve to what their anchor holds', () => {
  const result = parseSidecar(
    'ep12.yaml',
    [
      'title: &name Episode 12',
      'description: *name',
      'tags: &tags [travel, food]',
      'playlistId: null',
    ].join('\n'),
  );
  assert.ok(result.ok, !result.ok ? result.message : '');
  assert.equal(result.fields.title, 'Episode 12');
  assert.equal(result.fields.description, 'Episode 12');
  assert.deepEqual(result.fields.tags, ['travel', 'food']);
});

test('an alias bomb is refused by name, not expanded', () => {
  const levels = ['&a [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 10; i++) {
    const prev = String.fromCharCode(96 + i);
    levels.push(`&${String.fromCharCode(97 + i)} [${Array(10).fill(`*${prev}`).join(', ')}]`);
  }
  const result = parseSidecar('bomb.yaml', `title: x\ntags: [${levels.join(', ')}]\n`);
  assert.equal(result.ok, false);
  assert.match(!result.ok ? result.message : '', /bomb\.yaml, line 2, field "tags": .*alias/i);
});
