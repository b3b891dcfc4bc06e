import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.DROPLINE_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Why browser tests cannot run here, or null when they can. With CI=true
 * they are required: a missing Chromium is a failure, not a skip.
 */
export function browserSkipReason(): string | false {
  if (existsSync(CHROMIUM_PATH)) return false;
  if (process.env.CI === 'true')
    throw new Error(`CI=true but Chromium is missing at ${CHROMIUM_PATH}; .ci/run installs it.`);
  return `no Chromium at ${CHROMIUM_PATH} (apt-get install chromium); browser tests skipped`;
}

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
