// Time from `dropline serve` starting to the first rendered screen in Chromium,
// next to a reference: the same Chromium rendering a static page from a bare Node
// server started as its own process, as `dropline serve` is.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { queueHeadingShown } from './queue-heading.ts';
import { launchChromium } from '../test/helpers/browser.ts';
import { startServeProcess } from '../test/helpers/serve-process.ts';
import { tempDir } from '../test/helpers/temp-dir.ts';

const ROUNDS = 5;
const bareServer = `
  const server = require('node:http').createServer((_req, res) => res.end('<!doctype html><h1>Queue</h1>'));
  server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
`;
const browser = await launchChromium();
const samples: number[] = [];
// Where the time goes: until `dropline serve` prints its address (process, modules, SQLite,
// server listening), then the browser's part (page, UI bundle, socket, first render).
const listening: number[] = [];
const reference: number[] = [];
const referenceListening: number[] = [];

for (let i = 0; i < ROUNDS; i++) {
  const dir = tempDir();
  const page = await browser.newPage();
  const start = performance.now();
  const serve = await startServeProcess({ dataDir: dir.path });
  listening.push(performance.now() - start);
  await page.goto(serve.openUrl);
  await queueHeadingShown(page);
  samples.push(performance.now() - start);
  await page.close();
  await serve.stop();
  dir.remove();

  const refPage = await browser.newPage();
  const refStart = performance.now();
  const server = spawn(process.execPath, ['-e', bareServer], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [port] = (await once(server.stdout, 'data')) as [Buffer];
  referenceListening.push(performance.now() - refStart);
  await refPage.goto(`http://127.0.0.1:${port.toString().trim()}/`);
  await queueHeadingShown(refPage);
  reference.push(performance.now() - refStart);
  await refPage.close();
  server.kill();
  await once(server, 'exit');
}
await browser.close();

const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const m = median(samples);
const r = median(reference);
console.log(
  `serve -> first rendered screen: median ${m.toFixed(0)} ms over ${ROUNDS} runs (process start, SQLite, server, UI, socket)`,
);
const l = median(listening);
console.log(
  `  of which: serve listening ${l.toFixed(0)} ms, then the UI in the browser ${median(samples.map((x, i) => x - (listening[i] ?? 0))).toFixed(0)} ms`,
);
console.log(
  `reference (bare server, static page): median ${r.toFixed(0)} ms (listening ${median(referenceListening).toFixed(0)} ms)`,
);
console.log(`ratio: ${(m / r).toFixed(1)}x`);
