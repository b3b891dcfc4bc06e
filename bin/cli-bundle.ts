// Which code `bin/dropline.js` runs: the pre-built bundle in out/cli/ (written by
// `npm run build`, scripts/build-cli.ts) or the TypeScript sources.
//
// Loading ~300 modules of ours through type stripping, and ~260 of the pure-JS
// packages they use, is most of `dropline serve`'s start-up; one bundled file loads
// in well under half the CPU time. But the tests spawn bin/dropline.js to test the
// CURRENT code, and a developer edits sources (or node_modules) without rebuilding,
// so the bundle is used only when it was built from exactly the files on disk now.
// The build records a content hash of every file it bundled, ours and the bundled
// packages' (captured in its load hook: what was bundled, not a later read). This
// check re-hashes them (~40 ms of CPU for ~860 files: one read and one SHA-1 each);
// any difference, missing file or missing manifest means "run the sources". A
// size-and-timestamp check would be cheaper, but a copy or checkout that keeps
// timestamps would then run stale code. Adding or deleting a file changes an
// importer (or removes a recorded file), so the recorded set is enough. Packages
// left external load from node_modules on both paths, so they are never stale.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the build writes the bundle, relative to the project root. */
export const BUNDLE_DIR = 'out/cli';
/** Written last by the build: a bundle without it is incomplete and never used. */
export const MANIFEST_FILE = 'manifest.json';
export const BUNDLE_ENTRY = 'dropline.js';
const MANIFEST_VERSION = 1;

export function sourceHash(content: Buffer | string): string {
  return createHash('sha1').update(content).digest('hex');
}

/** The manifest the build writes beside the bundle: project-relative path -> sourceHash of what was bundled. */
export function bundleManifest(sources: Record<string, string>): {
  version: number;
  entry: string;
  sources: Record<string, string>;
} {
  return { version: MANIFEST_VERSION, entry: BUNDLE_ENTRY, sources };
}

/**
 * The bundle's entry file when it matches the sources on disk under rootDir, else null (run
 * the sources). DROPLINE_FROM_SOURCES=1 forces the sources; bundleDir: tests build elsewhere.
 */
export function freshBundleEntry(
  rootDir: string,
  env: Record<string, string | undefined>,
  bundleDir = join(rootDir, BUNDLE_DIR),
): string | null {
  if (env.DROPLINE_FROM_SOURCES === '1') return null;
  let manifest: { version?: unknown; sources?: unknown } | null;
  try {
    manifest = JSON.parse(readFileSync(join(bundleDir, MANIFEST_FILE), 'utf8')) as typeof manifest;
  } catch {
    return null; // never built, or a build that did not finish
  }
  if (manifest?.version !== MANIFEST_VERSION || typeof manifest.sources !== 'object') return null;
  const entries = Object.entries(manifest.sources ?? {});
  if (entries.length === 0) return null;
  for (const [path, hash] of entries) {
    let content: Buffer;
    try {
      content = readFileSync(join(rootDir, path));
    } catch {
      return null; // a bundled source was deleted or moved
    }
    if (sourceHash(content) !== hash) return null;
  }
  return join(bundleDir, BUNDLE_ENTRY);
}
