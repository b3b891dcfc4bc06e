import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'vitest';
import { themeCss } from '../../../src-renderer/theme/theme-css.ts';
import {
  contrast,
  darkScheme,
  light,
  type SchemeColors,
} from '../../../src-renderer/theme/palette.ts';

// WCAG 2.1 AA: 4.5:1 for text, 3:1 for focus indicators and other non-text marks.
const TEXT = 4.5;
const MARK = 3;

function textPairs(c: SchemeColors): [string, string, string][] {
  return [
    ['text on page', c.text, c.page],
    ['text on panel', c.text, c.panel],
    ['dimmed on page', c.dimmed, c.page],
    ['dimmed on panel', c.dimmed, c.panel],
    ['link on page', c.link, c.page],
    ['link on panel', c.link, c.panel],
    ['white on primary', '#ffffff', c.primaryFilled],
    ['white on primary hover', '#ffffff', c.primaryFilledHover],
    ['text on selected', c.text, c.selected],
    ['error on panel', c.error, c.panel],
    ['error on its soft background', c.error, c.errorSoft],
    ['warning on its soft background', c.warning, c.warningSoft],
    ['success on its soft background', c.success, c.successSoft],
    ['success on panel', c.success, c.panel],
    ['info on its soft background', c.info, c.infoSoft],
  ];
}

describe('theme', () => {
  for (const [name, scheme] of [
    ['light', light],
    ['dark', darkScheme],
  ] as const) {
    test(`${name}: every text colour meets WCAG AA on the backgrounds it is used on`, () => {
      const failing = textPairs(scheme)
        .map(([pair, fg, bg]) => ({ pair, ratio: contrast(fg, bg) }))
        .filter((p) => p.ratio < TEXT)
        .map((p) => `${p.pair}: ${p.ratio.toFixed(2)}`);
      assert.deepEqual(failing, []);
    });
    test(`${name}: the focus ring stands out from page and panel (3:1)`, () => {
      assert.ok(contrast(scheme.focus, scheme.page) >= MARK);
      assert.ok(contrast(scheme.focus, scheme.panel) >= MARK);
    });
  }

  test('contrast() matches WCAG reference values', () => {
    assert.equal(contrast('#ffffff', '#000000').toFixed(1), '21.0');
    assert.equal(contrast('#777777', '#ffffff').toFixed(2), '4.48');
  });

  test('mantine-vars.css is what the theme generates (run `npm run theme:css` after a change)', () => {
    const file = readFileSync(
      new URL('../../../src-renderer/theme/mantine-vars.css', import.meta.url),
      'utf8',
    );
    assert.equal(file, themeCss());
  });
});
