import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, test } from 'vitest';
import { BUNDLE_ENTRY, freshBundleEntry, sourceHash } from '../../../bin/cli-bundle.ts';
import { buildCliBundle } from '../../../scripts/build-cli.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

// The real build, into a temp dir (out/cli is what other tests' bin/dropline.js may be running).
const root = resolve(import.meta.dirname, '../../..');
const out = tempDir();
let sources: Record<string, string>;
beforeAll(async () => {
  sources = await buildCliBundle(out.path);
}, 120_000);
afterAll(() => out.remove());

test('the manifest records what was bundled, as it is on disk, so bin runs that bundle', () => {
  for (const path of ['src-main/headless/cli/entry.ts', 'src-main/watch/sidecar-worker.ts'])
    assert.equal(sources[path], sourceHash(readFileSync(join(root, path))), path);
  assert.ok(Object.keys(sources).every((path) => /^(src-(main|shared)|node_modules)\//.test(path)));
  assert.equal(freshBundleEntry(root, {}, out.path), join(out.path, BUNDLE_ENTRY));
});

test('native packages stay outside the bundle, the pure-JS ones loaded at start are in it', () => {
  const bundle = readFileSync(join(out.path, BUNDLE_ENTRY), 'utf8');
  assert.match(bundle, /from "better-sqlite3"/);
  assert.doesNotMatch(bundle, /from "zod"/);
  assert.ok(Object.keys(sources).some((path) => path.startsWith('node_modules/zod/')));
});
