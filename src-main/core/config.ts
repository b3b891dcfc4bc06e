import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AppMode } from '../../src-shared/api/app.ts';
import { parseLogLevel, type LogLevel } from '../logging/logger.ts';
import type { KeyProviderName } from '../vault/providers-from-config.ts';

export type { KeyProviderName };

export interface CoreConfig {
  dataDir: string;
  mode: AppMode;
  version: string;
  googleBaseUrl: string | null;
  /** DROPLINE_TIKTOK_BASE_URL: every TikTok endpoint under this base (the TikTok sandbox). */
  tiktokBaseUrl?: string | null;
  logLevel: LogLevel;
  /** DROPLINE_KEY_PROVIDER: what protects the vault's data key (cli.md); absent means `keychain`. */
  keyProvider?: KeyProviderName;
  /** DROPLINE_MASTER_KEY_FILE, resolved; used with keyProvider `file`. */
  masterKeyFile?: string | null;
  /** DROPLINE_YTDLP: yt-dlp's path or command name; absent means `yt-dlp` on PATH. */
  ytdlpPath?: string | null;
  /** DROPLINE_HEALTH_CHECK_SPREAD_MS: the start-up health checks' window (2 minutes; tests shorten it). */
  healthCheckSpreadMs?: number | null;
}

type Env = Record<string, string | undefined>;

/**
 * The data directory, in order: `--data-dir`, DROPLINE_DATA_DIR, the
 * desktop's userData folder, then the platform's headless default.
 */
export function resolveDataDir(opts: {
  flag?: string;
  env: Env;
  desktopUserData?: string;
}): string {
  if (opts.flag) return resolve(opts.flag);
  if (opts.env.DROPLINE_DATA_DIR) return resolve(opts.env.DROPLINE_DATA_DIR);
  if (opts.desktopUserData) return opts.desktopUserData;
  return defaultHeadlessDataDir(opts.env, process.platform);
}

export function defaultHeadlessDataDir(env: Env, platform: NodeJS.Platform): string {
  const home = env.HOME ?? homedir();
  if (platform === 'win32')
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Dropline');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Dropline');
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'dropline');
}

export function configFromEnv(opts: {
  env: Env;
  mode: AppMode;
  version: string;
  dataDirFlag?: string;
  desktopUserData?: string;
}): CoreConfig {
  const base = opts.env.DROPLINE_GOOGLE_BASE_URL?.trim();
  return {
    dataDir: resolveDataDir({
      flag: opts.dataDirFlag,
      env: opts.env,
      desktopUserData: opts.desktopUserData,
    }),
    mode: opts.mode,
    version: opts.version,
    googleBaseUrl: base ? base.replace(/\/+$/, '') : null,
    tiktokBaseUrl: opts.env.DROPLINE_TIKTOK_BASE_URL?.trim().replace(/\/+$/, '') || null,
    logLevel: parseLogLevel(opts.env.DROPLINE_LOG_LEVEL),
    keyProvider: parseKeyProvider(opts.env.DROPLINE_KEY_PROVIDER),
    masterKeyFile: opts.env.DROPLINE_MASTER_KEY_FILE?.trim()
      ? resolve(opts.env.DROPLINE_MASTER_KEY_FILE.trim())
      : null,
    ytdlpPath: opts.env.DROPLINE_YTDLP?.trim() || null,
    healthCheckSpreadMs: parseSpread(opts.env.DROPLINE_HEALTH_CHECK_SPREAD_MS),
  };
}

/** A typo must not quietly pick the keychain: the vault would get a slot the user did not mean. */
export function parseKeyProvider(value: string | undefined): KeyProviderName {
  const v = value?.trim() ?? '';
  if (v === '' || v === 'keychain') return 'keychain';
  if (v === 'file') return 'file';
  throw new Error(
    `DROPLINE_KEY_PROVIDER must be "keychain" or "file", not ${JSON.stringify(value)}.`,
  );
}

function parseSpread(value: string | undefined): number | null {
  const v = value?.trim();
  if (!v) return null;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 3_600_000)
    throw new Error(
      `DROPLINE_HEALTH_CHECK_SPREAD_MS must be a whole number of milliseconds from 0 to 3600000, not ${JSON.stringify(value)}.`,
    );
  return n;
}
