// The plain-text sidecar (first line the title, the rest the description) and the comma list of
// tags: what a creator types in a text editor, including what editors add.
import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { parseSidecar } from '../../../src-main/watch/sidecar.ts';

describe('txt sidecars', () => {
  test('the line numbers point at the title and the first description line', () => {
    assert.deepEqual(parseSidecar('ep.txt', '\n\n  My title  \nBody'), {
      ok: true,
      fields: { title: 'My title', description: 'Body' },
      lines: { title: 3, description: 4 },
    });
  });

  test('an empty or blank file sets nothing', () => {
    for (const text of ['', '\n\n', '  \n\t\n', '\uFEFF'])
      assert.deepEqual(parseSidecar('ep.txt', text), { ok: true, fields: {}, lines: {} }, text);
  });

  test('a line of spaces is not the title', () => {
    const r = parseSidecar('ep.txt', '   \nTitle\nBody');
    assert.ok(r.ok);
    assert.equal(r.fields.title, 'Title');
    assert.equal(r.lines.title, 2);
  });

  test('a leading byte-order mark is dropped; one inside the text is kept', () => {
    const r = parseSidecar('ep.txt', '\uFEFFTitle\nbody \uFEFF end');
    assert.ok(r.ok);
    assert.equal(r.fields.title, 'Title');
    assert.equal(r.fields.description, 'body \uFEFF end');
    const inner = parseSidecar('ep.txt', 'T\u00e9\nx\uFEFFy');
    assert.ok(inner.ok);
    assert.equal(inner.fields.description, 'x\uFEFFy');
  });

  test('blank lines right after the title go; blank lines inside the description stay', () => {
    const r = parseSidecar('ep.txt', 'Title\r\nLine one\r\n\r\nLine two\r\n\r\n');
    assert.ok(r.ok);
    assert.equal(r.fields.description, 'Line one\n\nLine two');
    const plain = parseSidecar('ep.txt', 'Title\nfirst\nsecond');
    assert.ok(plain.ok);
    assert.equal(plain.fields.description, 'first\nsecond');
    const gap = parseSidecar('ep.txt', 'Title\n\n \nstart');
    assert.ok(gap.ok);
    assert.equal(gap.fields.description, 'start');
  });
});

describe('tags as a comma list', () => {
  test('trimmed, and empty items between commas dropped', () => {
    const r = parseSidecar('ep.yaml', 'tags: " a , ,b,, c d ,"\n');
    assert.ok(r.ok, !r.ok ? r.message : '');
    assert.deepEqual(r.fields.tags, ['a', 'b', 'c d']);
  });
});
