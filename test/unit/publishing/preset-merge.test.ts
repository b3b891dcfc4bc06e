import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import {
  mergeMetadata,
  pickPreset,
  type PresetFields,
} from '../../../src-shared/publishing/preset.ts';
import { parsePresetFile } from '../../../src-main/publishing/preset-file.ts';

const preset: PresetFields = {
  descriptionFooter: 'Subscribe! https://example.com',
  tags: ['cooking', 'preset'],
  categoryId: '26',
  privacy: 'unlisted',
  playlistId: 'PLpreset',
  defaultLanguage: 'en',
  localizations: { de: { title: 'Kochen', description: 'Auf Deutsch' } },
  schedule: 'channel',
};

describe('preset merge order: preset, then sidecar, then explicit fields', () => {
  test('each later layer replaces the field of the one before; the rest comes through', () => {
    const m = mergeMetadata({
      preset,
      sidecar: { title: 'From sidecar', tags: ['sidecar'], privacy: 'private' },
      explicit: { title: 'Explicit title', categoryId: '28' },
    });
    assert.equal(m.title, 'Explicit title');
    assert.deepEqual(m.tags, ['sidecar']);
    assert.equal(m.privacy, 'private');
    assert.equal(m.categoryId, '28');
    assert.equal(m.playlistId, 'PLpreset');
    assert.equal(m.defaultLanguage, 'en');
    assert.deepEqual(m.localizations, { de: { title: 'Kochen', description: 'Auf Deutsch' } });
  });

  test('the footer is appended to the final description, once', () => {
    const m = mergeMetadata({
      preset,
      sidecar: { description: 'Episode notes' },
      explicit: { title: 'x' },
    });
    assert.equal(m.description, 'Episode notes\n\nSubscribe! https://example.com');
    const again = mergeMetadata({ preset, explicit: { title: 'x', description: m.description } });
    assert.equal(again.description, m.description);
    assert.equal(
      mergeMetadata({ preset, explicit: { title: 'x' } }).description,
      'Subscribe! https://example.com',
    );
  });

  test('a base (a folder template) sits under the preset', () => {
    const m = mergeMetadata({
      base: { title: 'ep1', privacy: 'public', categoryId: '22' },
      preset,
    });
    assert.equal(m.title, 'ep1');
    assert.equal(m.privacy, 'unlisted');
    assert.equal(m.categoryId, '26');
  });

  test("a channel's own preset wins over the global one of the same name", () => {
    const list = [
      { name: 'weekly', channelId: null, tag: 'global' },
      { name: 'weekly', channelId: 'UC1', tag: 'own' },
    ];
    assert.equal(pickPreset(list, 'weekly', 'UC1')?.tag, 'own');
    assert.equal(pickPreset(list, 'weekly', 'UC2')?.tag, 'global');
    assert.equal(pickPreset(list, 'daily', 'UC1'), undefined);
  });
});

describe('preset files', () => {
  test('sidecar field names plus descriptionFooter and schedule', () => {
    const r = parsePresetFile(
      'weekly.yaml',
      [
        'descriptionFooter: "Thanks for watching"',
        'tags: [a, b]',
        'privacyStatus: private',
        'categoryId: 27',
        'defaultLanguage: en',
        'localizations:',
        '  de: {title: Hallo, description: Welt}',
        'schedule:',
        '  rrule: FREQ=WEEKLY;BYDAY=FR;BYHOUR=18',
        '  tz: Europe/Berlin',
      ].join('\n'),
    );
    assert.ok(r.ok, r.ok ? '' : r.message);
    assert.equal(r.fields.privacy, 'private');
    assert.equal(r.fields.categoryId, '27');
    assert.deepEqual(r.fields.schedule, {
      rrule: 'FREQ=WEEKLY;BYDAY=FR;BYHOUR=18',
      tz: 'Europe/Berlin',
      start: null,
      exceptions: [],
    });
  });

  test('mistakes name the file, the line and the field', () => {
    const bad = (text: string) => {
      const r = parsePresetFile('p.yaml', text);
      assert.ok(!r.ok);
      return r.message;
    };
    assert.match(bad('tags: [a]\nprivacy: secret'), /^p\.yaml, line 2, field "privacy": /);
    assert.match(bad('colour: red'), /^p\.yaml, line 1: unknown field "colour"/);
    assert.match(
      bad('defaultLanguage: klingonish'),
      /^p\.yaml, line 1, field "defaultLanguage": "klingonish" is not a BCP-47/,
    );
    assert.match(
      bad('defaultLanguage: en\nlocalizations:\n  xx: {title: Hi}'),
      /line 2, field "localizations": xx: "xx" is not a BCP-47/,
    );
    assert.match(
      bad('schedule: {rrule: "FREQ=WEEKLY", tz: Nowhere/Land}'),
      /line 1, field "schedule.tz": "Nowhere\/Land" is not a time zone/,
    );
    assert.match(bad('title: One video'), /line 1: field "title" belongs to one video/);
    assert.match(bad('tags: [a\n'), /^p\.yaml, line \d: not valid YAML/);
  });
});
