#!/usr/bin/env node
// Dropline's command line. The sources are TypeScript run directly by Node's
// type stripping (Node >= 22.18), or their bundle from `npm run build`; an older
// `node` on PATH hands over to the Node pinned in the project's devDependencies.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  let pinned;
  try {
    pinned = createRequire(import.meta.url).resolve('node/bin/node');
  } catch {
    console.error(
      `Dropline needs Node 22.18 or newer (this is ${process.versions.node}). Run \`npm install\` in the project, or install a newer Node.`,
    );
    process.exit(1);
  }
  const result = spawnSync(pinned, [new URL(import.meta.url).pathname, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exit(result.status ?? 1);
}

// Caches compiled (and type-stripped) modules between runs, keyed by content so
// it is never stale: a CLI command starts in about half the time.
const { enableCompileCache } = await import('node:module');
enableCompileCache?.();

// The pre-built bundle when it matches the sources on disk (cli-bundle.ts says why
// it is checked at every start), else the sources themselves.
const { freshBundleEntry } = await import('./cli-bundle.ts');
const bundle = freshBundleEntry(fileURLToPath(new URL('..', import.meta.url)), process.env);
const { main } = await import(
  bundle === null ? '../src-main/headless/cli/entry.ts' : pathToFileURL(bundle).href
);
await main();
