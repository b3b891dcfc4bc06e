import { describe, test } from 'vitest';
import assert from 'node:assert/strict';
import { pairFiles, type PairingOptions } from '../../../src-shared/watch/pairing.ts';

type Expect = Record<string, string | null | { ambiguous: string[] }>;

/** Shortens a result to video -> image | null | {ambiguous}. */
function summary(files: string[], opts?: PairingOptions): Expect {
  const out: Expect = {};
  for (const v of pairFiles(files, opts).videos) {
    const t = v.thumbnail;
    out[v.video] =
      t.kind === 'paired'
        ? t.image
        : t.kind === 'none'
          ? null
          : { ambiguous: [...t.candidates].sort() };
  }
  return out;
}

const table: { name: string; files: string[]; expect: Expect; opts?: PairingOptions }[] = [
  {
    name: 'same base name, jpg',
    files: ['ep12.mp4', 'ep12.jpg'],
    expect: { 'ep12.mp4': 'ep12.jpg' },
  },
  {
    name: 'same base name, jpeg/png/webp',
    files: ['a.mov', 'a.webp', 'b.mkv', 'b.PNG', 'c.mp4', 'c.jpeg'],
    expect: { 'a.mov': 'a.webp', 'b.mkv': 'b.PNG', 'c.mp4': 'c.jpeg' },
  },
  {
    name: 'case-insensitive base names',
    files: ['EP12.MP4', 'ep12.jpg'],
    expect: { 'EP12.MP4': 'ep12.jpg' },
  },
  {
    name: '_thumb suffix',
    files: ['ep12.mp4', 'ep12_thumb.png'],
    expect: { 'ep12.mp4': 'ep12_thumb.png' },
  },
  {
    name: '-thumbnail suffix',
    files: ['ep12.mp4', 'ep12-thumbnail.jpg'],
    expect: { 'ep12.mp4': 'ep12-thumbnail.jpg' },
  },
  {
    name: '.thumb suffix',
    files: ['ep12.mp4', 'ep12.thumb.jpg'],
    expect: { 'ep12.mp4': 'ep12.thumb.jpg' },
  },
  {
    name: 'same name wins over suffix',
    files: ['ep12.mp4', 'ep12.jpg', 'ep12_thumb.jpg'],
    expect: { 'ep12.mp4': 'ep12.jpg' },
  },
  { name: 'numbers never fuzzy', files: ['ep12.mp4', 'ep13.jpg'], expect: { 'ep12.mp4': null } },
  {
    name: 'each episode its own',
    files: ['ep1.mp4', 'ep2.mp4', 'ep1.jpg', 'ep2_thumb.jpg'],
    expect: { 'ep1.mp4': 'ep1.jpg', 'ep2.mp4': 'ep2_thumb.jpg' },
  },
  {
    name: 'folder per video',
    files: ['trip/video-final.mp4', 'trip/cover shot.jpg'],
    expect: { 'trip/video-final.mp4': 'trip/cover shot.jpg' },
  },
  {
    name: 'folder rule not at the top of a watched folder',
    files: ['video.mp4', 'logo.png'],
    expect: { 'video.mp4': null },
  },
  {
    name: 'folder rule at the top of a drop',
    files: ['video.mp4', 'logo.png'],
    expect: { 'video.mp4': 'logo.png' },
    opts: { folderRuleAtTop: true },
  },
  {
    name: 'folder with two videos is not a folder per video',
    files: ['d/a.mp4', 'd/b.mp4', 'd/x.jpg'],
    expect: { 'd/a.mp4': null, 'd/b.mp4': null },
  },
  {
    name: 'similar names pair',
    files: ['My Trip to Paris.mp4', 'my-trip-to-paris-final.jpg'],
    expect: { 'My Trip to Paris.mp4': 'my-trip-to-paris-final.jpg' },
  },
  {
    name: 'below threshold stays alone',
    files: ['holiday.mp4', 'sunset.jpg'],
    expect: { 'holiday.mp4': null },
  },
  {
    name: 'ambiguous: two images with the same base name',
    files: ['ep12.mp4', 'ep12.jpg', 'ep12.png'],
    expect: { 'ep12.mp4': { ambiguous: ['ep12.jpg', 'ep12.png'] } },
  },
  {
    name: 'ambiguous: two suffixed images',
    files: ['ep12.mp4', 'ep12_thumb.jpg', 'ep12-thumbnail.png'],
    expect: { 'ep12.mp4': { ambiguous: ['ep12-thumbnail.png', 'ep12_thumb.jpg'] } },
  },
  {
    name: 'ambiguous: one image, two videos of that name',
    files: ['ep12.mp4', 'ep12.mov', 'ep12.jpg'],
    expect: { 'ep12.mp4': { ambiguous: ['ep12.jpg'] }, 'ep12.mov': { ambiguous: ['ep12.jpg'] } },
  },
  {
    name: 'ambiguous: folder with one video and two images',
    files: ['trip/v.mp4', 'trip/a.jpg', 'trip/b.jpg'],
    expect: { 'trip/v.mp4': { ambiguous: ['trip/a.jpg', 'trip/b.jpg'] } },
  },
  {
    name: 'ambiguous: two similar images',
    files: ['paris vlog.mp4', 'paris vlog a.jpg', 'paris vlog b.jpg'],
    expect: { 'paris vlog.mp4': { ambiguous: ['paris vlog a.jpg', 'paris vlog b.jpg'] } },
  },
  {
    name: 'manual choice wins',
    files: ['ep12.mp4', 'ep12.jpg', 'ep12.png'],
    expect: { 'ep12.mp4': 'ep12.png' },
    opts: { overrides: new Map([['ep12.mp4', 'ep12.png']]) },
  },
  {
    name: 'manual "no thumbnail"',
    files: ['ep12.mp4', 'ep12.jpg'],
    expect: { 'ep12.mp4': null },
    opts: { overrides: new Map([['ep12.mp4', null]]) },
  },
  {
    name: 'temporary files are ignored',
    files: ['ep12.mp4.part', 'ep12.jpg.crdownload', '~$ep12.mp4', '.ep12.mp4'],
    expect: {},
  },
  {
    name: 'images only pair within their folder',
    files: ['a/ep1.mp4', 'b/ep1.jpg'],
    expect: { 'a/ep1.mp4': null },
  },
];

describe('pairing rules', () => {
  for (const row of table)
    test(row.name, () => {
      assert.deepEqual(summary(row.files, row.opts), row.expect);
    });
});

describe('sidecars and leftovers', () => {
  test('a sidecar with the same base name is found, also as name.ext.json', () => {
    const r = pairFiles(['ep12.mp4', 'ep12.yaml', 'ep13.mp4', 'ep13.mp4.json']);
    assert.deepEqual(
      r.videos.map((v) => v.sidecar),
      [
        { kind: 'found', path: 'ep12.yaml' },
        { kind: 'found', path: 'ep13.mp4.json' },
      ],
    );
  });
  test('two sidecars for one video are ambiguous', () => {
    const [v] = pairFiles(['ep12.mp4', 'ep12.json', 'ep12.txt']).videos;
    assert.equal(v?.sidecar.kind, 'ambiguous');
  });
  test('unused images are listed', () => {
    assert.deepEqual(pairFiles(['ep1.mp4', 'ep1.jpg', 'logo.png']).unusedImages, ['logo.png']);
  });
  test('windows separators group by folder too', () => {
    assert.deepEqual(summary(['show\\ep1.mp4', 'show\\x.jpg']), { 'show\\ep1.mp4': 'show\\x.jpg' });
  });
});

describe('drop preview', () => {
  const file = (key: string, size = 1) => ({
    key,
    name: key.split('/').pop() as string,
    size,
    path: null,
  });
  test('pairs by name, titles from the file name, leftovers listed', async () => {
    const { buildDropPreview } = await import('../../../src-shared/watch/drop-preview.ts');
    const p = buildDropPreview([
      file('ep12.mp4'),
      file('ep12_thumb.jpg'),
      file('ep13.mov'),
      file('notes.pdf'),
    ]);
    assert.deepEqual(
      p.entries.map((e) => [e.video.name, e.thumbnail?.name ?? null, e.title]),
      [
        ['ep12.mp4', 'ep12_thumb.jpg', 'ep12'],
        ['ep13.mov', null, 'ep13'],
      ],
    );
    assert.deepEqual(p.ignored, ['notes.pdf']);
  });
  test('ambiguity becomes candidates to choose from, never a guess', async () => {
    const { buildDropPreview } = await import('../../../src-shared/watch/drop-preview.ts');
    const [e] = buildDropPreview([file('v.mp4'), file('a.jpg'), file('b.png')]).entries;
    assert.equal(e?.thumbnail, null);
    assert.deepEqual(e?.candidates.map((c) => c.name).sort(), ['a.jpg', 'b.png']);
    assert.ok(e?.problem);
  });
});
