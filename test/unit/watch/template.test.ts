import { test } from 'vitest';
import assert from 'node:assert/strict';
import {
  renderTemplate,
  templateValues,
  unknownVariables,
} from '../../../src-shared/watch/template.ts';

const values = { filename: 'ep12', date: '2026-03-04', folder: 'Vlogs', n: '7' };

test('every known variable is filled in, as often as it appears', () => {
  assert.equal(
    renderTemplate('{folder} #{n}: {filename} ({date}) {n}', values),
    'Vlogs #7: ep12 (2026-03-04) 7',
  );
});

test('unknown variables, braces without a name and nested braces are left as written', () => {
  assert.equal(renderTemplate('{title} {} {{n}} {toString}', values), '{title} {} {7} {toString}');
  assert.equal(renderTemplate('no braces', values), 'no braces');
});

test('unknownVariables names each unknown one, once per use, and none for known ones', () => {
  assert.deepEqual(unknownVariables('{filename} {Date} {x y} {n}{nn} {}'), [
    '{Date}',
    '{x y}',
    '{nn}',
    '{}',
  ]);
  assert.deepEqual(unknownVariables('{filename}{date}{folder}{n}'), []);
  assert.deepEqual(unknownVariables('{a}{a}'), ['{a}', '{a}']);
});

test('template values: the name without its last extension, the UTC date, the folder, n', () => {
  const mtimeMs = Date.parse('2026-03-04T23:59:59.999Z');
  assert.deepEqual(templateValues({ fileName: 'my.trip.mp4', folderName: 'F', mtimeMs, n: 3 }), {
    filename: 'my.trip',
    date: '2026-03-04',
    folder: 'F',
    n: '3',
  });
  // A dot file and a name without a dot keep their whole name.
  assert.equal(
    templateValues({ fileName: '.mp4', folderName: '', mtimeMs, n: 0 }).filename,
    '.mp4',
  );
  assert.equal(
    templateValues({ fileName: 'clip', folderName: '', mtimeMs, n: 0 }).filename,
    'clip',
  );
  assert.equal(
    templateValues({ fileName: 'a.b', folderName: '', mtimeMs: 0, n: 0 }).date,
    '1970-01-01',
  );
});
