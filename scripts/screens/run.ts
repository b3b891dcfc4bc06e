// `npm run screenshots`: every screen and state, light and dark, at 1366×850 and 800×600, into
// test-results/screens/ (NAME-THEME-WIDTHxHEIGHT.png). A sandbox and a real `dropline serve`
// provide the data; Debian's Chromium renders it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../../test/helpers/browser.ts';
import { tempDir } from '../../test/helpers/temp-dir.ts';
import { seedScenes } from './scenes.ts';

const OUT = join(process.cwd(), 'test-results', 'screens');
const SIZES = [
  { width: 1366, height: 850 },
  { width: 800, height: 600 },
] as const;
const THEMES = ['light', 'dark'] as const;

const only = process.argv[2];
mkdirSync(OUT, { recursive: true });
const dir = tempDir();
const world = await seedScenes(dir.path);
const browser = await launchChromium();
let shots = 0;
try {
  for (const theme of THEMES) {
    await world.engine.api.invoke('settings.set', { theme });
    for (const size of SIZES) {
      const page = await browser.newPage({ viewport: size, reducedMotion: 'reduce' });
      await page.goto(world.serve.openUrl);
      await page.getByRole('navigation', { name: 'Screens' }).waitFor();
      for (const scene of world.scenes) {
        if (only && !scene.name.includes(only)) continue;
        await scene.show(page);
        // Fonts, images and the lazy chunks a scene pulls in have settled.
        await page.evaluate('document.fonts.ready.then(() => undefined)');
        await page.waitForLoadState('networkidle');
        const file = join(OUT, `${scene.name}-${theme}-${size.width}x${size.height}.png`);
        await page.screenshot({ path: file, fullPage: scene.fullPage ?? false });
        await scene.hide?.(page);
        shots++;
      }
      await page.close();
    }
  }
  console.log(`${shots} screenshots in ${OUT}`);
} finally {
  await browser.close();
  await world.close();
  dir.remove();
}
