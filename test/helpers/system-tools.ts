// The system tools some tests need, and what to do when one is missing.
// Without CI=true a missing tool skips its tests (one line at the start of the run names the
// Debian package); with CI=true it is a failure, because .ci/run installs every one of them.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export interface SystemTool {
  /** What the tests use it for, as the skip line says it. */
  purpose: string;
  /** Debian packages that provide it. */
  debianPackages: string[];
  available(): boolean;
}

const onPath = (cmd: string): boolean =>
  spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

export const CHROMIUM_PATH = process.env.DROPLINE_CHROMIUM ?? '/usr/bin/chromium';

export const systemTools = {
  chromium: {
    purpose: 'browser tests (Playwright in Chromium)',
    debianPackages: ['chromium'],
    available: () => existsSync(CHROMIUM_PATH),
  },
  ytdlp: {
    purpose: 'download tests (real yt-dlp)',
    debianPackages: ['yt-dlp'],
    available: () => onPath(process.env.DROPLINE_YTDLP ?? 'yt-dlp'),
  },
  ffmpeg: {
    purpose: 'tests that make a real MP4 (ffmpeg)',
    debianPackages: ['ffmpeg'],
    available: () => onPath('ffmpeg'),
  },
  secretService: {
    purpose: 'real OS keychain tests (a private Secret Service)',
    debianPackages: ['dbus', 'dbus-x11', 'gnome-keyring'],
    available: () =>
      process.platform === 'linux' && onPath('dbus-launch') && onPath('gnome-keyring-daemon'),
  },
} satisfies Record<string, SystemTool>;

export type ToolName = keyof typeof systemTools;

const checked = new Map<ToolName, boolean>();

/** True when the tool is there; without it, false (skip) or, with CI=true, an error. */
export function hasTool(name: ToolName): boolean {
  let ok = checked.get(name);
  if (ok === undefined) {
    ok = systemTools[name].available();
    checked.set(name, ok);
  }
  if (!ok && process.env.CI === 'true') throw new Error(missingLine(name, 'required with CI=true'));
  return ok;
}

/** `describe.skipIf(lacks('ytdlp'))(...)` reads better at the call site. */
export const lacks = (name: ToolName): boolean => !hasTool(name);

export function missingLine(name: ToolName, consequence: string): string {
  const tool = systemTools[name];
  return `${tool.purpose}: ${consequence}; install it with: apt-get install ${tool.debianPackages.join(' ')}`;
}
