// `npm run screenshots`: every screen and state, light and dark, at 1366×850 and 800×600, into
// test-results/screens/ (SCENE-THEME-WIDTHxHEIGHT.png). Sandboxes and real `dropline serve`s
// provide the data (a fresh install and a busy day); Debian's Chromium renders it.
// `npm run screenshots -- queue` renders only the scenes whose name contains "queue".
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../../test/helpers/browser.ts';
import { tempDir } from '../../test/helpers/temp-dir.ts';
import { busyWorld, emptyWorld, quotaWorld, type World } from './scenes.ts';

const OUT = join(process.cwd(), 'test-results', 'screens');
const SIZES = [
  { width: 1366, height: 850 },
  { width: 800, height: 600 },
] as const;
const THEMES = ['light', 'dark'] as const;

const only = process.argv[2];
mkdirSync(OUT, { recursive: true });
const browser = await launchChromium();
let shots = 0;
const failures: string[] = [];

async function shoot(world: World): Promise<void> {
  const scenes = world.scenes.filter((s) => !only || s.name.includes(only));
  if (scenes.length === 0) return;
  for (const theme of THEMES) {
    await world.engine.api.invoke('settings.set', { theme });
    for (const size of SIZES) {
      // Each page is its own browser profile: a one-time link of its own.
      const page = await browser.newPage({ viewport: size, reducedMotion: 'reduce' });
      await page.goto(await world.link());
      await page.getByRole('navigation', { name: 'Screens' }).waitFor();
      for (const scene of scenes) {
        const file = join(OUT, `${scene.name}-${theme}-${size.width}x${size.height}.png`);
        try {
          await scene.show(page);
          if (scene.focus) await page.getByTestId(scene.focus).first().scrollIntoViewIfNeeded();
          // Fonts, images and the lazy chunks a scene pulls in have settled.
          await page.evaluate('document.fonts.ready.then(() => undefined)');
          // A refused session keeps retrying its socket: never idle, so a bounded wait.
          await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => undefined);
          await page.screenshot({ path: file });
          shots++;
          await scene.hide?.(page);
        } catch (error) {
          failures.push(
            `${scene.name} (${theme}, ${size.width}x${size.height}): ${(error as Error).message.split('\n')[0]}`,
          );
          // A scene that broke leaves the page unknown: start the next one from a fresh profile.
          await page.goto(await world.link());
          await page.getByRole('navigation', { name: 'Screens' }).waitFor();
        }
      }
      await page.close();
    }
  }
}

try {
  // SCREENS_WORLD=empty|busy|quota: only that world (its set-up is the slow part).
  const worlds = { empty: emptyWorld, busy: busyWorld, quota: quotaWorld };
  const picked = process.env.SCREENS_WORLD as keyof typeof worlds | undefined;
  for (const make of picked ? [worlds[picked]] : Object.values(worlds)) {
    const dir = tempDir();
    const world = await make(dir.path);
    try {
      await shoot(world);
    } finally {
      await world.close();
      dir.remove();
    }
  }
  console.log(`${shots} screenshots in ${OUT}`);
  if (failures.length) {
    console.error(`${failures.length} scenes failed:\n${failures.join('\n')}`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
}
