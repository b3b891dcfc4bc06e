// What the first screen costs to load: every script and stylesheet Chromium
// requests from `dropline serve` before the Queue screen has rendered, gzipped
// (as a server or the packaged app's disk would hold them). What the window loads
// after that (tooltips, say) is reported beside it. Needs `npm run build`.
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
  // The moment the Queue heading is in the document, on the page's own clock (resource timing's).
  await page.addInitScript(() => {
    new MutationObserver((_records, observer) => {
      const h2 = [...document.querySelectorAll('h2')].find((h) => h.textContent === 'Queue');
      if (!h2) return;
      (window as unknown as { firstScreenAt: number }).firstScreenAt = performance.now();
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(serve.openUrl);
  await page.getByRole('heading', { name: 'Queue' }).waitFor();
  await page.waitForLoadState('networkidle');
  const { at, entries } = await page.evaluate(() => ({
    at: (window as unknown as { firstScreenAt: number }).firstScreenAt,
    entries: performance
      .getEntriesByType('resource')
      .map((e) => ({ url: e.name, start: e.startTime }))
      .filter((e) => /\.(js|css)$/.test(new URL(e.url).pathname)),
  }));
  const sizes = (list: typeof entries) => {
    let raw = 0;
    let gzip = 0;
    const rows: string[] = [];
    for (const path of [...new Set(list.map((e) => new URL(e.url).pathname))]) {
      const bytes = readFileSync(join(defaultRendererDir, path));
      const zipped = gzipSync(bytes).length;
      raw += bytes.length;
      gzip += zipped;
      rows.push(`  ${path}: ${(zipped / 1024).toFixed(1)} KB gzip`);
    }
    return { raw, gzip, rows, count: rows.length };
  };
  const first = sizes(entries.filter((e) => e.start <= at));
  const later = sizes(entries.filter((e) => e.start > at));
  console.log(first.rows.join('\n'));
  console.log(
    `first screen requests ${first.count} scripts/stylesheets before it renders: ${(first.raw / 1024).toFixed(0)} KB, ${(first.gzip / 1024).toFixed(1)} KB gzip (goal <= ${GOAL_KB} KB); ratio to goal ${(first.gzip / 1024 / GOAL_KB).toFixed(2)}`,
  );
  console.log(
    `  then, until the network is idle: ${later.count} more, ${(later.gzip / 1024).toFixed(1)} KB gzip (${later.rows.map((r) => r.trim().split(':')[0]).join(' ')})`,
  );
  await page.close();
} finally {
  await serve.stop();
  await browser.close();
  dir.remove();
}
