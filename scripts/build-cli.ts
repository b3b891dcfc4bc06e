// Part of `npm run build`: bundles the headless shell and CLI (bin/dropline.js's
// code) into out/cli/, so `dropline serve` loads a few files instead of ~300
// type-stripped modules of ours and ~260 of the pure-JS packages they use.
// bin/cli-bundle.ts decides at each start whether the bundle still matches what it
// was built from (see there).
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

/**
 * Pure-JS packages bundled too: resolving and linking the ~260 modules of those loaded
 * at every start cost a third of the bundle's load (CPU 450 -> 280 ms); pino-roll with
 * date-fns (~300 modules, imported just after the server listens, while the browser
 * asks for the UI) goes into its own lazy chunk (CPU 135 -> 65 ms). Every other package
 * stays external: native modules (better-sqlite3, @napi-rs/keyring, sharp, chokidar's
 * fsevents), pino and sonic-boom (pino starts its worker transports by file path), ws
 * (its optional native helpers), and what only some commands import (sharp,
 * electron-updater).
 */
const BUNDLED_PACKAGES = [
  'zod',
  'yaml',
  'rrule',
  'chrono-node',
  'language-tags',
  'language-subtag-registry',
  'pino-roll',
  'date-fns',
];

/** Project-relative path of a bundled file (ours or a bundled package's); null for virtual modules. */
function recordedPath(id: string): string | null {
  if (id.startsWith('\0')) return null;
  const path = relative(root, id.split('?')[0] as string);
  return path.startsWith('..') ? null : path.split('\\').join('/');
}

/** Reads each bundled file once and records the hash of exactly what was bundled. */
function recordSources(sources: Record<string, string>): Plugin {
  return {
    name: 'dropline-record-sources',
    enforce: 'pre',
    load(id) {
      const path = recordedPath(id);
      if (path === null) return null;
      const content = readFileSync(resolve(root, path));
      sources[path] = sourceHash(content);
      return content.toString('utf8');
    },
  };
}

const CJS_HTTP = '\0dropline:node-http';

/**
 * `import … from 'node:http'` as a require. An ES import of a built-in reads every one
 * of its exports, and node:http's WebSocket, CloseEvent and MessageEvent getters then
 * load undici (~60 ms of CPU before the server can listen) that Dropline never uses;
 * require() leaves those getters alone, as the sources' own packages (ws) do.
 */
function httpByRequire(): Plugin {
  const http = Object.getOwnPropertyDescriptors(createRequire(import.meta.url)('node:http'));
  const names = Object.keys(http).filter((name) => !http[name]?.get && name !== 'default');
  return {
    name: 'dropline-http-by-require',
    enforce: 'pre',
    resolveId: (id) => (id === 'node:http' ? CJS_HTTP : null),
    load: (id) =>
      id !== CJS_HTTP
        ? null
        : [
            "import { createRequire } from 'node:module';",
            "const http = createRequire(import.meta.url)('node:http');",
            'export default http;',
            ...names.map((name) => `export const ${name} = http.${name};`),
          ].join('\n'),
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
    plugins: [httpByRequire(), recordSources(sources)],
    ssr: { noExternal: BUNDLED_PACKAGES },
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
        onwarn(log, warn) {
          // rrule-interop.ts reads `default` on purpose: it accepts the CommonJS and the ESM shape.
          if (log.code === 'IMPORT_IS_UNDEFINED' && log.message.includes('rrule')) return;
          warn(log);
        },
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
  // Every file in the output must be in the manifest, or a change to it would go unseen.
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const bundled = outputs.flatMap((o) =>
    o.output.flatMap((item) => (item.type === 'chunk' ? item.moduleIds : [])),
  );
  const unrecorded = bundled
    .map(recordedPath)
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
  console.log(`${BUNDLE_DIR}: ${Object.keys(sources).length} files bundled`);
}
