// Part of `npm run build`: bundles the headless shell and CLI (bin/dropline.js's
// code) into out/cli/, so `dropline serve` loads one file of ours instead of ~300
// type-stripped modules. Packages stay external (native modules such as
// better-sqlite3, @napi-rs/keyring and sharp, and pino's worker transports, need
// their own files), so only our sources are bundled. bin/cli-bundle.ts decides at
// each start whether the bundle still matches the sources (see there).
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { build, type Plugin, type Rollup } from 'vite';
import {
  BUNDLE_DIR,
  BUNDLE_ENTRY,
  MANIFEST_FILE,
  bundleManifest,
  sourceHash,
} from '../bin/cli-bundle.ts';

const root = resolve(import.meta.dirname, '..');

/** Project-relative path of one of our files, or null for packages and virtual modules. */
function ownSourcePath(id: string): string | null {
  if (id.startsWith('\0') || id.includes('/node_modules/')) return null;
  const path = relative(root, id.split('?')[0] as string);
  return path.startsWith('..') ? null : path.split('\\').join('/');
}

/** Reads each of our source files once and records the hash of exactly what was bundled. */
function recordSources(sources: Record<string, string>): Plugin {
  return {
    name: 'dropline-record-sources',
    enforce: 'pre',
    load(id) {
      const path = ownSourcePath(id);
      if (path === null) return null;
      const content = readFileSync(resolve(root, path));
      sources[path] = sourceHash(content);
      return content.toString('utf8');
    },
  };
}

/** Builds the bundle into outDir and writes its manifest last; returns the bundled sources. */
export async function buildCliBundle(outDir: string): Promise<Record<string, string>> {
  // An interrupted build must leave no manifest behind: the old bundle is then never used.
  rmSync(outDir, { recursive: true, force: true });
  const sources: Record<string, string> = {};
  const result = await build({
    configFile: false,
    root,
    logLevel: 'warn',
    plugins: [recordSources(sources)],
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      target: 'node22',
      minify: false,
      // Not enabled at run time (parsing it costs start-up); NODE_OPTIONS=--enable-source-maps
      // maps a stack trace back to the sources.
      sourcemap: true,
      rollupOptions: {
        input: {
          [BUNDLE_ENTRY.replace(/\.js$/, '')]: resolve(root, 'src-main/headless/cli/entry.ts'),
          // Started as a worker thread by sidecar-parser.ts, from next to the bundle.
          'sidecar-worker': resolve(root, 'src-main/watch/sidecar-worker.ts'),
        },
        output: {
          format: 'esm',
          entryFileNames: '[name].js',
          // Beside the entries, at the same depth as src-main/<folder>/: the sources'
          // new URL('../../…', import.meta.url) (package.json, out/renderer) still resolve.
          chunkFileNames: '[name]-[hash].js',
        },
      },
    },
  });
  // Every file of ours in the output must be in the manifest, or a change to it would go unseen.
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const bundled = outputs.flatMap((o) =>
    o.output.flatMap((item) => (item.type === 'chunk' ? item.moduleIds : [])),
  );
  const unrecorded = bundled
    .map(ownSourcePath)
    .filter((path): path is string => path !== null && !(path in sources));
  if (unrecorded.length > 0)
    throw new Error(`bundled without a recorded hash: ${unrecorded.join(', ')}`);
  const manifestPath = resolve(outDir, MANIFEST_FILE);
  writeFileSync(`${manifestPath}.tmp`, JSON.stringify(bundleManifest(sources), null, 1));
  renameSync(`${manifestPath}.tmp`, manifestPath);
  return sources;
}

if (import.meta.main) {
  const sources = await buildCliBundle(resolve(root, BUNDLE_DIR));
  console.log(`${BUNDLE_DIR}: ${Object.keys(sources).length} source files bundled`);
}
