import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../base/clock.ts';
import type { Notices } from '../notices/notices.ts';
import type { Db } from '../db/database.ts';
import type { Logger } from '../logging/logger.ts';
import type { EventHub } from '../rpc/event-hub.ts';
import type { SettingsService } from '../settings/settings-service.ts';
import type { SecretStore } from '../vault/secret-store.ts';
import { CookieAudit } from './cookie-audit.ts';
import { CookieRepository } from './cookie-repository.ts';
import { CookieService } from './cookie-service.ts';
import { DownloadRepository } from './download-repository.ts';
import { DownloadService } from './download-service.ts';
import { removeLeftoverCookieFiles } from './temp-cookie-file.ts';
import type { YtDlpRunner } from './ytdlp-runner.ts';

const FRESHNESS_INTERVAL_MS = 60 * 60 * 1000;

export interface CookieServices {
  cookies: CookieService;
  downloads: DownloadService;
  stop(): Promise<void>;
}

/** Wires the cookie and download services; run once per engine, at start. */
export function createCookieServices(deps: {
  db: Db;
  secrets: SecretStore;
  events: EventHub;
  clock: Clock;
  log: Logger;
  notices: Notices;
  settings: SettingsService;
  dataDir: string;
  runner: YtDlpRunner;
}): CookieServices {
  const log = deps.log.child({ area: 'cookies' });
  // A crashed engine (kill -9, power loss) may have left plaintext copies behind.
  const leftovers = removeLeftoverCookieFiles(deps.dataDir);
  if (leftovers.removed > 0) log.warn('removed leftover temporary cookie files', leftovers);
  const cookies = new CookieService({
    repo: new CookieRepository(deps.db),
    vault: deps.secrets,
    audit: new CookieAudit(deps.db, deps.clock),
    events: deps.events,
    clock: deps.clock,
    log,
    notices: deps.notices,
    settings: () => {
      const s = deps.settings.get();
      return { warningHours: s.cookieWarningHours, backups: s.cookieBackups };
    },
  });
  const downloads = new DownloadService({
    cookies,
    repo: new DownloadRepository(deps.db),
    runner: deps.runner,
    events: deps.events,
    notices: deps.notices,
    clock: deps.clock,
    log,
    dataDir: deps.dataDir,
    defaultOutDir: () => {
      const home = join(homedir(), 'Downloads');
      return existsSync(home) ? join(home, 'Dropline') : join(deps.dataDir, 'downloads');
    },
  });
  let cancelTimer: () => void = () => undefined;
  const tick = (): void => {
    try {
      cookies.checkFreshness();
    } catch (error) {
      log.error('cookie freshness check failed', { error });
    }
    cancelTimer = deps.clock.setTimeout(tick, FRESHNESS_INTERVAL_MS);
  };
  tick();
  return {
    cookies,
    downloads,
    async stop() {
      cancelTimer();
      await downloads.stop();
    },
  };
}
