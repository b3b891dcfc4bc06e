// What the first screen costs to load: every script and stylesheet Chromium
// fetches from `dropline serve` until the Queue screen has rendered, gzipped
// (as a server or the packaged app's disk would hold them). Needs `npm run build`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { defaultRendererDir } from '../src-main/headless/serve.ts';
import { launchChromium } from '../test/helpers/browser.ts';
import { startServeProcess } from '../test/helpers/serve-process.ts';
import { tempDir } from '../test/helpers/temp-dir.ts';

const GOAL_KB = 90;
const browser = await launchChromium();
const dir = tempDir();
const serve = await startServeProcess({ dataDir: dir.path });
try {
  const page = await browser.newPage();
  const loaded: string[] = [];
  page.on('response', (res) => {
    const type = res.request().resourceType();
    if (type === 'script' || type === 'stylesheet') loaded.push(new URL(res.url()).pathname);
  });
  await page.goto(serve.openUrl);
  await page.getByRole('heading', { name: 'Queue' }).waitFor();
  let raw = 0;
  let gzip = 0;
  const rows: string[] = [];
  for (const path of [...new Set(loaded)]) {
    const bytes = readFileSync(join(defaultRendererDir, path));
    const zipped = gzipSync(bytes).length;
    raw += bytes.length;
    gzip += zipped;
    rows.push(`  ${path}: ${(zipped / 1024).toFixed(1)} KB gzip`);
  }
  console.log(rows.join('\n'));
  console.log(
    `first screen loads ${loaded.length} scripts/stylesheets: ${(raw / 1024).toFixed(0)} KB, ${(gzip / 1024).toFixed(1)} KB gzip (goal <= ${GOAL_KB} KB); ratio to goal ${(gzip / 1024 / GOAL_KB).toFixed(2)}`,
  );
  await page.close();
} finally {
  await serve.stop();
  await browser.close();
  dir.remove();
}
