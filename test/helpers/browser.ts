import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_PATH, lacks } from './system-tools.ts';

export { CHROMIUM_PATH };

/**
 * True when browser tests must be skipped (no Chromium). With CI=true they are
 * required: a missing Chromium is a failure, not a skip.
 */
export const browserUnavailable = (): boolean => lacks('chromium');

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}
