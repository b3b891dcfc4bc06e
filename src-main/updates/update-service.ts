import { AppError } from '../../src-shared/api/errors.ts';
import type { UpdateStatus } from '../../src-shared/api/updates.ts';
import type { Clock } from '../base/clock.ts';
import type { Logger } from '../logging/logger.ts';
import type { Notices } from '../notices/notices.ts';
import type { EventHub } from '../rpc/event-hub.ts';
import { describeUpdateFailure } from './update-errors.ts';
import type { UpdaterLike, UpdaterSource } from './updater-like.ts';

export const CHECK_EVERY_MS = 6 * 60 * 60 * 1000;
/** After a failed check (offline, say), look again sooner than the next 6-hour round. */
export const RETRY_AFTER_FAILURE_MS = 30 * 60 * 1000;

export interface UpdateServiceDeps {
  source: UpdaterSource;
  currentVersion: string;
  clock: Clock;
  log: Logger;
  events: EventHub;
  notices: Pick<Notices, 'post'>;
  /** The "check automatically" setting, read at each scheduled check. */
  autoCheck(): boolean;
  /** True while an upload runs: Dropline never restarts by itself then. */
  busy(): boolean;
}

/**
 * Checks for a newer Dropline at start and every 6 hours, downloads it in
 * the background (electron-updater verifies its sha512), then posts "Update
 * ready: restart to install". It restarts only when the user says so: at
 * once, or once no upload runs.
 */
export class UpdateService {
  readonly #d: UpdateServiceDeps;
  readonly #updater: UpdaterLike | null;
  #status: UpdateStatus;
  #cancelTimer: (() => void) | null = null;
  #running: Promise<void> | null = null;
  #offEvents: (() => void) | null = null;
  #installing = false;

  constructor(deps: UpdateServiceDeps) {
    this.#d = deps;
    this.#updater = deps.source.kind === 'updater' ? deps.source.updater : null;
    this.#status = {
      state: this.#updater ? 'idle' : 'unsupported',
      currentVersion: deps.currentVersion,
      version: null,
      progress: null,
      checkedAt: null,
      message: deps.source.kind === 'unsupported' ? deps.source.message : null,
      installWhenIdle: false,
    };
    if (this.#updater) {
      // We download and install on our own terms; a plain quit still installs a ready update.
      this.#updater.autoDownload = false;
      this.#updater.autoInstallOnAppQuit = true;
      // electron-updater narrates every step and logs each error's stack; we log one line ourselves.
      const quiet = (m?: unknown) => deps.log.debug(`updater: ${String(m)}`.slice(0, 500));
      this.#updater.logger = { info: quiet, warn: quiet, error: quiet, debug: quiet };
      this.#updater.on('download-progress', (p) => {
        if (this.#status.state === 'downloading')
          this.#set({ progress: Math.min(1, Math.max(0, p.percent / 100)) });
      });
    }
  }

  status(): UpdateStatus {
    return this.#status;
  }

  /** The first check now (if allowed), then every 6 hours; waits for idle when asked to install then. */
  start(): void {
    if (!this.#updater) return;
    this.#offEvents = this.#d.events.subscribe((event) => {
      if (event === 'jobs.changed') this.#installIfIdle();
    });
    this.#schedule(0);
  }

  stop(): void {
    this.#cancelTimer?.();
    this.#cancelTimer = null;
    this.#offEvents?.();
    this.#offEvents = null;
  }

  /** "Check for updates" in the tray, the menu or Settings: runs even with automatic checks off. */
  async check(): Promise<UpdateStatus> {
    if (!this.#updater) return this.#status;
    await this.#run(true);
    return this.#status;
  }

  install(when: 'now' | 'when_idle'): UpdateStatus {
    if (this.#status.state !== 'ready' || !this.#updater)
      throw new AppError(
        'invalid_state',
        this.#updater
          ? 'No update is downloaded yet. Check for updates first.'
          : (this.#status.message ?? 'This Dropline cannot update itself.'),
      );
    if (when === 'now' || !this.#d.busy()) this.#quitAndInstall();
    else this.#set({ installWhenIdle: true });
    return this.#status;
  }

  /** A ready update and a user who chose "when uploads finish": restart once none runs. */
  #installIfIdle(): void {
    if (this.#status.installWhenIdle && this.#status.state === 'ready' && !this.#d.busy())
      this.#quitAndInstall();
  }

  #quitAndInstall(): void {
    if (this.#installing || !this.#updater) return;
    this.#installing = true;
    this.#d.log.info('restarting to install an update', { version: this.#status.version });
    // The app's own quit path pauses running uploads; they resume after the restart.
    this.#updater.quitAndInstall(false, true);
  }

  #schedule(delayMs: number): void {
    this.#cancelTimer?.();
    this.#cancelTimer = this.#d.clock.setTimeout(() => {
      this.#cancelTimer = null;
      if (!this.#d.autoCheck()) return this.#schedule(CHECK_EVERY_MS);
      void this.#run(false);
    }, delayMs);
  }

  #run(manual: boolean): Promise<void> {
    this.#running ??= this.#checkAndDownload(manual).finally(() => (this.#running = null));
    return this.#running;
  }

  async #checkAndDownload(manual: boolean): Promise<void> {
    const updater = this.#updater;
    if (!updater) return;
    // A downloaded update stays ready; looking again would only fetch it twice.
    if (this.#status.state === 'ready') return this.#schedule(CHECK_EVERY_MS);
    this.#set({ state: 'checking', message: null });
    let next = CHECK_EVERY_MS;
    try {
      const result = await updater.checkForUpdates();
      const checkedAt = new Date(this.#d.clock.now()).toISOString();
      const version = result?.updateInfo.version ?? null;
      if (
        !result ||
        !version ||
        result.isUpdateAvailable === false ||
        version === this.#d.currentVersion
      ) {
        this.#set({ state: 'idle', checkedAt, version: null, progress: null });
        this.#d.log.debug('no newer version', { latest: version });
        return;
      }
      this.#set({ state: 'downloading', checkedAt, version, progress: 0 });
      this.#d.log.info('downloading an update', { version });
      await updater.downloadUpdate();
      this.#set({ state: 'ready', progress: 1 });
      this.#d.notices.post({
        level: 'info',
        kind: 'update_ready',
        title: 'Update ready: restart to install',
        message: `Dropline ${version} is downloaded. Restart to install it; uploads that are running pause and go on after the restart.`,
        action: 'install_update',
      });
    } catch (error) {
      const failure = describeUpdateFailure(error);
      next = RETRY_AFTER_FAILURE_MS;
      const retryAt = new Date(this.#d.clock.now() + next).toISOString();
      const fields = { retryAt, reason: String((error as Error)?.message ?? error).split('\n')[0] };
      // Offline is normal for a laptop: one quiet line, no notice, a later retry.
      if (failure.kind === 'offline') this.#d.log.info('update server unreachable', fields);
      else this.#d.log.warn(`update failed: ${failure.kind}`, fields);
      this.#set({
        state: failure.kind === 'offline' && !manual ? 'idle' : 'error',
        progress: null,
        version: null,
        message: failure.message,
      });
    } finally {
      this.#schedule(next);
    }
  }

  #set(patch: Partial<UpdateStatus>): void {
    this.#status = { ...this.#status, ...patch };
    this.#d.events.emit('updates.changed', this.#status);
  }
}
