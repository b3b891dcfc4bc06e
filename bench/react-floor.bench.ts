// What React 19 costs with nothing of Dropline in it: the floor under the bundle and start-up
// goals of bench/bundle.bench.ts and bench/startup.bench.ts. A page whose script only renders
// <h2>Queue</h2> through react-dom/client, built as the renderer is (Vite, es2022, minified), is
// weighed gzipped and timed against the startup bench's static page, both from the same bare
// Node server started as its own process.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { queueHeadingShown } from './queue-heading.ts';
import { build } from 'vite';
import { launchChromium } from '../test/helpers/browser.ts';

const ROUNDS = 7;
const BUNDLE_GOAL_KB = 90;
const STARTUP_GOAL_RATIO = 2;

// Under node_modules so that the page's imports of react resolve to the project's copy.
const work = resolve(import.meta.dirname, '../node_modules/.cache/dropline-react-floor');
const source = join(work, 'src');
const out = join(work, 'out');
rmSync(work, { recursive: true, force: true });
mkdirSync(source, { recursive: true });
writeFileSync(
  join(source, 'index.html'),
  '<!doctype html><html><body><div id="root"></div><script type="module" src="./main.tsx"></script></body></html>',
);
writeFileSync(
  join(source, 'main.tsx'),
  "import { createRoot } from 'react-dom/client';\ncreateRoot(document.getElementById('root') as HTMLElement).render(<h2>Queue</h2>);\n",
);
await build({
  root: source,
  base: './',
  logLevel: 'warn',
  configFile: false,
  build: { outDir: out, emptyOutDir: true, target: 'es2022' },
  oxc: { jsx: { runtime: 'automatic' } },
});
const assets = join(out, 'assets');
const gzipKB =
  readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f))).length, 0) / 1024;

/** A bare server: the static page of the startup bench, or the files of `dir`. */
const server = (dir: string | null) => `
  const { readFile } = require('node:fs');
  const { join } = require('node:path');
  const server = require('node:http').createServer((req, res) => {
    ${
      dir === null
        ? "res.end('<!doctype html><h1>Queue</h1>');"
        : `const file = join(${JSON.stringify(dir)}, req.url === '/' ? 'index.html' : req.url.split('?')[0]);
    readFile(file, (error, bytes) => {
      if (error) { res.statusCode = 404; return res.end(); }
      res.setHeader('content-type', file.endsWith('.js') ? 'text/javascript' : 'text/html');
      res.end(bytes);
    });`
    }
  });
  server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
`;

const browser = await launchChromium();
const times: { static: number[]; react: number[] } = { static: [], react: [] };
try {
  // Alternating, so that a noisy stretch of the machine falls on both.
  for (let i = 0; i < 2 * ROUNDS; i++) {
    const kind = i % 2 === 0 ? 'static' : 'react';
    const page = await browser.newPage();
    const start = performance.now();
    const child = spawn(process.execPath, ['-e', server(kind === 'react' ? out : null)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const [port] = (await once(child.stdout, 'data')) as [Buffer];
    await page.goto(`http://127.0.0.1:${port.toString().trim()}/`);
    await queueHeadingShown(page);
    times[kind].push(performance.now() - start);
    await page.close();
    child.kill();
    await once(child, 'exit');
  }
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}

const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const reference = median(times.static);
const react = median(times.react);
console.log(
  `React 19 rendering one heading: ${gzipKB.toFixed(1)} KB gzip, ${((gzipKB / BUNDLE_GOAL_KB) * 100).toFixed(0)} % of the first screen's ${BUNDLE_GOAL_KB} KB goal`,
);
console.log(
  `  that page from a bare server: median ${react.toFixed(0)} ms, the static page ${reference.toFixed(0)} ms over ${ROUNDS} rounds each: ${(react / reference).toFixed(2)}x of the ${STARTUP_GOAL_RATIO}x that dropline serve may take`,
);
