import assert from 'node:assert/strict';
import { mkdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, test } from 'vitest';
import {
  BUNDLE_DIR,
  BUNDLE_ENTRY,
  MANIFEST_FILE,
  bundleManifest,
  freshBundleEntry,
  sourceHash,
} from '../../../bin/cli-bundle.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

// A project tree in a temp dir: two sources, a bundle built from them and its manifest.
let root: ReturnType<typeof tempDir>;
const sources = {
  'src-main/headless/cli/entry.ts': "export const main = () => 'v1';\n",
  'src-main/core/version.ts': "export const version = '0.1.0';\n",
};

function writeSource(path: string, content: string): void {
  mkdirSync(join(root.path, path, '..'), { recursive: true });
  writeFileSync(join(root.path, path), content);
}

function writeBuild(recorded: Record<string, string>): void {
  const dir = join(root.path, BUNDLE_DIR);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, BUNDLE_ENTRY), 'export const main = () => {};\n');
  const hashes = Object.fromEntries(
    Object.entries(recorded).map(([path, content]) => [path, sourceHash(content)]),
  );
  writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify(bundleManifest(hashes)));
}

beforeEach(() => {
  root = tempDir();
  for (const [path, content] of Object.entries(sources)) writeSource(path, content);
  writeBuild(sources);
});
afterEach(() => root.remove());

test('the bundle built from the sources on disk is run', () => {
  assert.equal(freshBundleEntry(root.path, {}), join(root.path, BUNDLE_DIR, BUNDLE_ENTRY));
});

test('a source edited after the build makes the bundle stale: the sources run', () => {
  writeSource('src-main/headless/cli/entry.ts', "export const main = () => 'v2';\n");
  assert.equal(freshBundleEntry(root.path, {}), null);
});

test('an edit that keeps the size and the timestamp (a copy with -p, a checkout) is still seen', () => {
  const path = join(root.path, 'src-main/core/version.ts');
  const before = statSync(path);
  writeSource('src-main/core/version.ts', "export const version = '0.2.0';\n");
  utimesSync(path, before.atime, before.mtime);
  assert.equal(statSync(path).size, before.size);
  assert.equal(freshBundleEntry(root.path, {}), null);
});

test('a bundled source that was deleted or moved makes the bundle stale', () => {
  rmSync(join(root.path, 'src-main/core/version.ts'));
  assert.equal(freshBundleEntry(root.path, {}), null);
});

test('a build that did not finish (no manifest) or never ran is not used', () => {
  rmSync(join(root.path, BUNDLE_DIR, MANIFEST_FILE));
  assert.equal(freshBundleEntry(root.path, {}), null);
  rmSync(join(root.path, BUNDLE_DIR), { recursive: true });
  assert.equal(freshBundleEntry(root.path, {}), null);
});

test('a manifest that records no sources, or another format, is not trusted', () => {
  writeBuild({});
  assert.equal(freshBundleEntry(root.path, {}), null);
  writeFileSync(join(root.path, BUNDLE_DIR, MANIFEST_FILE), '{"version":0,"sources":{}}');
  assert.equal(freshBundleEntry(root.path, {}), null);
});

test('DROPLINE_FROM_SOURCES=1 runs the sources even with a fresh bundle', () => {
  assert.equal(freshBundleEntry(root.path, { DROPLINE_FROM_SOURCES: '1' }), null);
});
