import assert from 'node:assert/strict';
import { test } from 'vitest';
import { sceneNames } from '../../../scripts/screens/scene-names.ts';
import { screens } from '../../../src-renderer/state/screens.ts';

test('npm run screenshots has a scene for every screen of the navigation', () => {
  const covered = new Set(Object.values(sceneNames));
  const missing = screens.filter((s) => !covered.has(s));
  assert.deepEqual(missing, [], `screens without a scene: ${missing.join(', ')}`);
});

test('scene names are file-name safe (they name the PNGs)', () => {
  for (const name of Object.keys(sceneNames)) assert.match(name, /^[a-z0-9-]+$/);
});
