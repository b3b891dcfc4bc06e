import { join } from 'node:path';
import type { Channel } from '../../src-shared/domain/channel.ts';
import type { Job } from '../../src-shared/domain/job.ts';
import type { Core } from '../core/create-core.ts';
import type { ElectronLike, MenuItemTemplate, TrayLike } from './electron-like.ts';
import { summarizeTray, type TraySummary, type TrayState } from './tray-summary.ts';

export interface ShellActions {
  open(screen?: 'queue'): void;
  checkForUpdates(): void;
  quit(): void;
}

export interface TrayActions extends ShellActions {
  pauseAll(): void;
  resumeAll(): void;
}

export interface TrayController {
  /** What the tray shows now (tests and the close-to-tray decision read it). */
  summary(): TraySummary;
  destroy(): void;
}

/** macOS menu-bar icons are template images (the system tints them); elsewhere coloured. */
export function trayIconPath(dir: string, state: TrayState, platform = process.platform): string {
  return join(dir, `${state}${platform === 'darwin' ? 'Template' : ''}.png`);
}

export function trayMenu(summary: TraySummary, actions: TrayActions): MenuItemTemplate[] {
  const channelItems: MenuItemTemplate[] = summary.lines.length
    ? summary.lines.map((line) => ({ label: line.text, click: () => actions.open('queue') }))
    : [{ label: 'No channels connected yet', enabled: false }];
  return [
    { label: 'Open Dropline', click: () => actions.open() },
    { type: 'separator' },
    ...channelItems,
    { type: 'separator' },
    { label: 'Pause all', enabled: summary.pausable > 0, click: () => actions.pauseAll() },
    { label: 'Resume all', enabled: summary.paused > 0, click: () => actions.resumeAll() },
    { type: 'separator' },
    { label: 'Check for updates…', click: () => actions.checkForUpdates() },
    { label: 'Quit Dropline', click: () => actions.quit() },
  ];
}

/**
 * The tray (menu bar on macOS): its icon shows idle, uploading or needs
 * attention; its menu has a line per channel with progress. It follows the
 * engine's events, coalescing a burst of them into one rebuild.
 */
export function installTray(
  electron: ElectronLike,
  core: Core,
  iconDir: string,
  actions: ShellActions,
  platform: NodeJS.Platform = process.platform,
): TrayController {
  const jobs = new Map<string, Job>(core.services.uploads.list().map((j) => [j.id, j]));
  const bytes = new Map<string, number>();
  let channels: Channel[] = core.services.channels.channels.list();
  let current = summarizeTray(channels, [...jobs.values()], bytes);
  let shownState: TrayState | null = null;
  const tray: TrayLike = new electron.Tray(trayIconPath(iconDir, current.state, platform));
  tray.on('click', () => actions.open());
  const full: TrayActions = {
    ...actions,
    pauseAll: () => core.services.uploads.pauseAll(),
    resumeAll: () => core.services.uploads.resumeAll(),
  };

  const render = (): void => {
    current = summarizeTray(channels, [...jobs.values()], bytes);
    if (current.state !== shownState) {
      if (shownState !== null) tray.setImage(trayIconPath(iconDir, current.state, platform));
      shownState = current.state;
    }
    tray.setToolTip(current.tooltip);
    tray.setContextMenu(electron.Menu.buildFromTemplate(trayMenu(current, full)));
  };
  let pending = false;
  const schedule = (): void => {
    if (pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      render();
    });
  };
  const off = core.events.subscribe((event, payload) => {
    if (event === 'jobs.changed') {
      const job = payload as Job;
      jobs.set(job.id, job);
      if (job.state !== 'uploading') bytes.delete(job.id);
    } else if (event === 'jobs.progressed') {
      const p = payload as { id: string; bytesSent: number };
      bytes.set(p.id, p.bytesSent);
    } else if (event === 'channels.changed') channels = payload as Channel[];
    else return;
    schedule();
  });
  render();
  return {
    summary: () => current,
    destroy() {
      off();
      tray.destroy();
    },
  };
}
