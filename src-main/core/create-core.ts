import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/database.ts';
import { DatabaseBackups } from '../db/backups.ts';
import { checkEmptyDatabase, DatabaseUnusableError } from '../db/database-health.ts';
import { databaseError, databaseProblem } from '../db/db-errors.ts';
import { createLogger, type LogSink, type Logger } from '../logging/logger.ts';
import { fileSink } from '../logging/file-sink.ts';
import { EventHub } from '../rpc/event-hub.ts';
import { createRouter, type Router } from '../rpc/router.ts';
import { SettingsRepository } from '../settings/settings-repository.ts';
import { SettingsService } from '../settings/settings-service.ts';
import type { AccessTokenSource } from '../channels/access-token-source.ts';
import { UploadEngine, type UploadEngineDeps } from '../uploads/upload-engine.ts';
import { googleEndpoints } from '../auth/google-endpoints.ts';
import { nodeHttp } from '../youtube/google-http.ts';
import { quotaConfigFromSettings } from '../youtube/quota-costs.ts';
import type { SafeStorageLike } from '../vault/safe-storage-like.ts';
import type { KeyProvider } from '../vault/key-provider.ts';
import { keyProvidersFromConfig } from '../vault/providers-from-config.ts';
import { openVault, type Vault } from '../vault/vault.ts';
import { VaultService } from '../vault/vault-service.ts';
import type { ScryptCost } from '../vault/passphrase-provider.ts';
import {
  createChannelServices,
  type ChannelServices,
  type ChannelServicesDeps,
} from '../channels/create-channel-services.ts';
import { createCookieServices, type CookieServices } from '../cookies/create-cookies.ts';
import { systemYtDlp, type YtDlpRunner } from '../cookies/ytdlp-runner.ts';
import { systemClock, type Clock } from '../base/clock.ts';
import type { CoreConfig } from './config.ts';
import { openNamed, tightenDataDir, vaultIsLocked, vaultKeyOutside } from './start-up-checks.ts';
import { createHandlers } from './handlers.ts';
import { UiLinkKeys } from '../ui-links/ui-link-keys.ts';
import { Notices } from '../notices/notices.ts';
import type { UploadEnqueuer } from '../uploads/upload-request.ts';
import { DropService } from '../watch/drop-service.ts';
import { LastFolder } from '../files/last-folder.ts';
import { optionalFfprobe, type VideoProbe } from '../watch/video-probe.ts';
import { WatchRepository } from '../watch/watch-repository.ts';
import { WatchService } from '../watch/watch-service.ts';
import { createPublishing } from '../publishing/create-publishing.ts';
import type { PresetService } from '../publishing/preset-service.ts';
import type { ScheduleService } from '../publishing/schedule-service.ts';
import { UpdateService } from '../updates/update-service.ts';
import type { UpdaterSource } from '../updates/updater-like.ts';
import { bundledFfprobePath } from '../tools/bundled-ffprobe.ts';
import { toolsStatus } from '../tools/tool-status.ts';
import type { ToolsStatus } from '../../src-shared/api/tools.ts';
import { chooseFfprobe, chooseYtDlp, type ToolChoice } from '../tools/tool-paths.ts';
import { JobEditor } from '../uploads/job-editor.ts';
import { UploadHistory } from '../uploads/upload-history.ts';
import { ChannelExtras } from '../youtube/channel-extras.ts';
import {
  createTikTok,
  type TikTokDeps,
  type TikTokServices,
} from '../providers/tiktok/create-tiktok.ts';
import { youtubeDestination } from '../providers/youtube/youtube-destination.ts';

export interface CoreDeps {
  clock?: Clock;
  logSink?: LogSink;
  accessTokens?: AccessTokenSource;
  /** Upload engine overrides (tests: chunk size, backoff, project id). */
  uploads?: Partial<
    Pick<
      UploadEngineDeps,
      'chunkSize' | 'maxChunkSize' | 'backoff' | 'projectIdFor' | 'quotaConfig' | 'http'
    >
  >;
  /** false: build the upload engine without starting it (one-shot CLI work). */
  startUploads?: boolean;
  /** Where watched folders and drops queue videos (tests: a RecordingEnqueuer); default the upload engine. */
  enqueuer?: UploadEnqueuer;
  /** null: no ffprobe check (tests); default: ffprobe when installed. */
  videoProbe?: VideoProbe | null;
  /** How often a watched folder is looked for while it is offline or online. */
  folderPresenceCheckMs?: number;
  /** Desktop: Electron's safeStorage protects the vault key. */
  safeStorage?: SafeStorageLike;
  /** Tests: replace the configured key providers. */
  keyProviders?: () => KeyProvider[];
  /** Tests: a cheaper scrypt cost for the vault passphrase. */
  passphraseCost?: ScryptCost;
  /** Tests: HTTP, sign-in timeout and refresh tuning for the channel services. */
  channels?: Pick<ChannelServicesDeps, 'http' | 'signInTimeoutMs' | 'tokenOptions' | 'random'>;
  /** Tests: another yt-dlp (default: DROPLINE_YTDLP or `yt-dlp` on PATH). */
  ytdlp?: YtDlpRunner;
  /** Desktop: electron-updater; absent: this engine cannot update itself (headless). */
  updater?: UpdaterSource;
  /** Tests: where the bundled ffprobe is (default: @ffprobe-installer/ffprobe's). */
  bundledFfprobe?: string | null;
  /** Tests: TikTok chunk size, sign-in timeout, a hook after the refresh answer. */
  tiktok?: Pick<TikTokDeps, 'chunkSize' | 'signInTimeoutMs' | 'afterRefreshAnswer'>;
}

export interface Services {
  settings: SettingsService;
  notices: Notices;
  uploads: UploadEngine;
  watch: WatchService;
  drops: DropService;
  /** Encrypted secrets (`vault.store`); unlocks on first use. */
  vault: Vault;
  /** OAuth client, sign-in, access tokens (the AccessTokenSource), channel health. */
  channels: ChannelServices;
  cookies: CookieServices['cookies'];
  downloads: CookieServices['downloads'];
  /** Vault status and the passphrase slot (Settings → Security). */
  security: VaultService;
  /** Channel publishing schedules and their slots. */
  schedules: ScheduleService;
  presets: PresetService;
  /** The desktop app's self-update (unsupported headless). */
  updates: UpdateService;
  /** Which ffprobe and yt-dlp run: read on each use, so a changed setting applies at once. */
  tools: { ffprobe(): ToolChoice; ytdlp(): ToolChoice; status(): Promise<ToolsStatus> };
  /** Edits, removal and order of jobs, by hand. */
  jobEditor: JobEditor;
  /** A channel's playlists and picture. */
  channelExtras: ChannelExtras;
  /** What the watcher knows of the watched folders' files (dropped names are matched there). */
  watchRepo: WatchRepository;
  /** Finished uploads, kept when the queue is cleared. */
  history: UploadHistory;
  /** TikTok: the app, accounts (sign-in, health) and their tokens. */
  tiktok: TikTokServices;
  /** One-time access keys of the web UI's links. */
  uiLinks: UiLinkKeys;
  /** The last folder videos were taken from: dropped names are matched there too. */
  lastFolder: LastFolder;
}

export interface Core {
  config: CoreConfig;
  db: Db;
  log: Logger;
  events: EventHub;
  router: Router;
  services: Services;
  close(): Promise<void>;
}

/** The composition root: every service is built here, by hand, once per engine. */
export function createCore(config: CoreConfig, deps: CoreDeps = {}): Core {
  const clock = deps.clock ?? systemClock;
  let sink: LogSink;
  try {
    mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
    sink = deps.logSink ?? fileSink(config.dataDir);
  } catch (error) {
    const problem = databaseProblem(error, config.dataDir);
    throw problem ? new DatabaseUnusableError(config.dataDir, problem) : error;
  }
  const log = createLogger(sink, config.logLevel, { mode: config.mode });
  tightenDataDir(config.dataDir, log);
  const dbFile = join(config.dataDir, 'dropline.db');
  const providers = () =>
    deps.keyProviders?.() ?? keyProvidersFromConfig(config, { safeStorage: deps.safeStorage });
  checkEmptyDatabase(dbFile, () => vaultKeyOutside(providers()));
  const db = openNamed(dbFile);
  const events = new EventHub();
  const settings = new SettingsService(new SettingsRepository(db), events, clock);
  const notices = new Notices(db, events, clock);
  const bundledFfprobe =
    deps.bundledFfprobe === undefined ? bundledFfprobePath() : deps.bundledFfprobe;
  const ffprobe = (): ToolChoice => chooseFfprobe(settings.get().ffprobePath, bundledFfprobe);
  const ytdlp = (): ToolChoice => chooseYtDlp(settings.get().ytdlpPath, config.ytdlpPath);
  const tools = {
    ffprobe,
    ytdlp,
    status: () => toolsStatus({ ffprobe, ytdlp, pathEnv: process.env.PATH, clock }),
  };
  const vault = openVault(db, {
    clock,
    // Lazy: an engine that never stores a secret starts without any keychain.
    providers,
  });
  const channels = createChannelServices({
    db,
    clock,
    events,
    notices,
    log,
    secrets: vault.store,
    vaultLocked: () => vaultIsLocked(vault),
    googleBaseUrl: config.googleBaseUrl,
    healthCheckHours: () => settings.get().healthCheckHours,
    healthTiming:
      config.healthCheckSpreadMs == null
        ? undefined
        : { startSpreadMs: config.healthCheckSpreadMs },
    ...deps.channels,
  });
  // Quota is counted per Google Cloud project: the channel's OAuth client stands for it.
  const clientOfChannel = db.prepare('SELECT client_id FROM channels WHERE id = ?').pluck();
  const http = deps.uploads?.http ?? nodeHttp;
  const endpoints = googleEndpoints(config.googleBaseUrl);
  const publishing = createPublishing({ db, clock, events, notices, http, endpoints });
  const channelTitleOf = db.prepare('SELECT title FROM channels WHERE id = ?').pluck();
  let engine: UploadEngine | null = null;
  const tiktok = createTikTok({
    db,
    clock,
    events,
    log: log.child({ area: 'tiktok' }),
    secrets: vault.store,
    http,
    baseUrl: config.tiktokBaseUrl ?? null,
    notify: (notice) => notices.post(notice),
    // The account's longest video is checked when ffprobe can tell the length.
    durationOf: async (file) => {
      const probe =
        deps.videoProbe === undefined ? optionalFfprobe(() => ffprobe().program) : deps.videoProbe;
      const result = probe ? await probe.probe(file) : null;
      return result?.ok && result.durationSeconds > 0 ? result.durationSeconds : null;
    },
    note: (job, message) =>
      engine?.timeline.record(job.id, new Date(clock.now()).toISOString(), 'session', message),
    ...deps.tiktok,
  });
  const tiktokTitleOf = db
    .prepare("SELECT nickname FROM tiktok_accounts WHERE 'tiktok:' || open_id = ?")
    .pluck();
  const uploads = new UploadEngine({
    destinations: (runner) => [tiktok.destination(runner), youtubeDestination(runner)],
    resolveDestination: (id, opts) => tiktok.resolve(id, opts),
    db,
    clock,
    events,
    log,
    tokens: deps.accessTokens ?? channels.tokens,
    http,
    endpoints,
    slots: publishing.slots,
    extraSteps: publishing.captionSteps,
    secrets: vault.store,
    limits: () => settings.get(),
    // Read on every scheduling decision, so a changed setting applies without a restart.
    quotaConfig: deps.uploads?.quotaConfig ?? (() => quotaConfigFromSettings(settings.get())),
    projectIdFor:
      deps.uploads?.projectIdFor ??
      ((channelId) => (clientOfChannel.get(channelId) as string | null | undefined) ?? 'default'),
    chunkSize: deps.uploads?.chunkSize,
    maxChunkSize: deps.uploads?.maxChunkSize,
    backoff: deps.uploads?.backoff,
    notify: (notice) => notices.post(notice),
    channelTitle: (channelId) =>
      (channelTitleOf.get(channelId) as string | null | undefined) ??
      (tiktokTitleOf.get(channelId) as string | null | undefined) ??
      channelId,
  });
  engine = uploads;
  const cookieServices = createCookieServices({
    db,
    secrets: vault.store,
    events,
    clock,
    log,
    notices,
    settings,
    dataDir: config.dataDir,
    runner: deps.ytdlp ?? systemYtDlp(ytdlp, process.env.PATH),
  });
  const enqueuer = deps.enqueuer ?? uploads;
  const watchRepo = new WatchRepository(db);
  const services: Services = {
    uiLinks: new UiLinkKeys(db, clock),
    settings,
    notices,
    vault,
    cookies: cookieServices.cookies,
    downloads: cookieServices.downloads,
    channels,
    uploads,
    watch: new WatchService({
      repo: watchRepo,
      enqueuer,
      clock,
      log,
      events,
      probe:
        deps.videoProbe === undefined ? optionalFfprobe(() => ffprobe().program) : deps.videoProbe,
      presenceCheckMs: deps.folderPresenceCheckMs,
      presets: publishing.presets,
      slots: publishing.slots,
    }),
    drops: new DropService(watchRepo, enqueuer, clock, publishing.slots),
    security: new VaultService({ vault, events, clock, log, passphraseCost: deps.passphraseCost }),
    schedules: publishing.schedules(uploads),
    presets: publishing.presets,
    updates: new UpdateService({
      source: deps.updater ?? {
        kind: 'unsupported',
        message:
          config.mode === 'headless'
            ? 'The headless service does not update itself: update it the way you installed it (npm, your package manager).'
            : 'This build of Dropline cannot update itself.',
      },
      currentVersion: config.version,
      clock,
      log: log.child({ area: 'updates' }),
      events,
      notices,
      autoCheck: () => settings.get().autoUpdateCheck,
      busy: () => uploads.runningCount() > 0,
    }),
    tools,
    watchRepo,
    lastFolder: new LastFolder(new SettingsRepository(db), clock),
    tiktok,
    jobEditor: new JobEditor({
      db,
      repo: uploads.repo,
      timeline: uploads.timeline,
      events,
      clock,
      pump: () => uploads.pump(),
    }),
    history: new UploadHistory(db),
    channelExtras: new ChannelExtras({
      http: deps.uploads?.http ?? nodeHttp,
      endpoints: googleEndpoints(config.googleBaseUrl),
      clock,
      getToken: (channelId) => (deps.accessTokens ?? channels.tokens).getAccessToken(channelId),
      charge: (channelId) =>
        uploads.ledger.charge(
          (clientOfChannel.get(channelId) as string | null | undefined) ?? 'default',
          'playlists.list',
        ),
      avatarUrlOf: (channelId) =>
        (db.prepare('SELECT avatar_url FROM channels WHERE id = ?').pluck().get(channelId) as
          string | null | undefined) ?? null,
    }),
  };
  const router = createRouter(createHandlers(config, services), log, (error) =>
    databaseError(error, dbFile),
  );
  log.info('engine started', { version: config.version, dataDir: config.dataDir });
  const backups = new DatabaseBackups({ db, file: dbFile, clock, log });
  if (deps.startUploads !== false) {
    uploads.start();
    backups.start();
  }
  // New limits or quota may let waiting jobs start now rather than at their next timer;
  // an unlocked vault frees the jobs that waited for their tokens.
  const offSettings = events.subscribe((event, payload) => {
    if (event === 'settings.changed') uploads.wake('quota');
    if (event === 'vault.changed' && (payload as { state: string }).state === 'unlocked')
      uploads.wake('token');
    // A channel shows `locked` while the vault is: its card changes when the vault does.
    if (event === 'vault.changed') channels.channels.changed();
  });
  // Watching starts with the engine; one-shot CLI work (startUploads: false) watches nothing.
  if (deps.startUploads !== false) services.watch.start();
  if (deps.startUploads !== false) services.updates.start();
  if (deps.startUploads !== false) channels.start();
  const stopTikTokChecks =
    deps.startUploads !== false ? tiktok.accounts.startHealthChecks() : () => undefined;

  return {
    config,
    db,
    log,
    events,
    router,
    services,
    async close() {
      log.info('engine stopping');
      offSettings();
      stopTikTokChecks();
      backups.stop();
      services.updates.stop();
      services.channels.stop();
      await services.watch.close();
      await uploads.stop();
      await cookieServices.stop();
      services.vault.lock();
      db.close();
      await log.flush();
    },
  };
}
