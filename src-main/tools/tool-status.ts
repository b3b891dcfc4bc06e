import { execFile } from 'node:child_process';
import type { ToolStatus, ToolsStatus } from '../../src-shared/api/tools.ts';
import type { Clock } from '../base/clock.ts';
import { findProgram } from './find-program.ts';
import type { ToolChoice } from './tool-paths.ts';

/** yt-dlp older than this usually fails on YouTube: it changes its player every few weeks. */
export const YTDLP_MAX_AGE_DAYS = 120;

const YTDLP_UPDATE =
  'Update it (`yt-dlp -U`, `python3 -m pip install -U yt-dlp` or `brew upgrade yt-dlp`), or set its path in Settings.';
const YTDLP_INSTALL =
  'Install it (`python3 -m pip install -U yt-dlp`, `brew install yt-dlp`, or your package manager), or set its full path in Settings.';

export type VersionRunner = (program: string, args: string[]) => Promise<string>;

export const execVersion: VersionRunner = (program, args) =>
  new Promise((resolve, reject) => {
    execFile(program, args, { timeout: 10_000, maxBuffer: 256 * 1024 }, (error, stdout) =>
      error ? reject(error) : resolve(String(stdout)),
    );
  });

/** yt-dlp versions are release dates, `2025.06.30` (nightlies add `.123456`). */
export function ytDlpReleaseDate(version: string): number | null {
  const m = /^(\d{4})\.(\d{2})\.(\d{2})/.exec(version.trim());
  if (!m) return null;
  const at = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(at) ? at : null;
}

function describeSource(choice: ToolChoice, name: string): string {
  switch (choice.source) {
    case 'setting':
      return `The ${name} path in Settings (${choice.program})`;
    case 'environment':
      return `DROPLINE_YTDLP (${choice.program})`;
    case 'bundled':
      return `The ${name} shipped with Dropline (${choice.program})`;
    case 'path':
      return `${name} on PATH`;
  }
}

/** A status that needs the user: what was found (if anything) and the sentence saying what to do. */
function notOk(
  state: Exclude<ToolStatus['state'], 'ok'>,
  choice: ToolChoice,
  path: string | null,
  message: string,
  version: string | null = null,
): ToolStatus {
  return { state, path, source: choice.source, version, message };
}

/** A failed run's reason, without the rest of its stderr. */
const firstLine = (error: unknown) => (error as Error).message.split('\n')[0];

export async function ffprobeStatus(
  choice: ToolChoice,
  pathEnv: string | undefined,
  run: VersionRunner = execVersion,
): Promise<ToolStatus> {
  const path = findProgram(choice.program, pathEnv);
  if (!path)
    return notOk(
      'missing',
      choice,
      null,
      `${describeSource(choice, 'ffprobe')} is not an executable program. Clear the path in Settings to use the ffprobe shipped with Dropline; until then watched folders wait only for a file's size to settle.`,
    );
  try {
    const out = await run(path, ['-version']);
    const version = /ffprobe version (\S+)/.exec(out)?.[1] ?? null;
    return { state: 'ok', path, source: choice.source, version, message: null };
  } catch (error) {
    return notOk(
      'broken',
      choice,
      path,
      `${describeSource(choice, 'ffprobe')} did not run (${firstLine(error)}). Choose another in Settings.`,
    );
  }
}

export async function ytDlpStatus(
  choice: ToolChoice,
  pathEnv: string | undefined,
  clock: Clock,
  run: VersionRunner = execVersion,
): Promise<ToolStatus> {
  const path = findProgram(choice.program, pathEnv);
  if (!path)
    return notOk(
      'missing',
      choice,
      null,
      choice.source === 'path'
        ? `yt-dlp is not installed (not found on PATH). ${YTDLP_INSTALL}`
        : `${describeSource(choice, 'yt-dlp')} is not an executable program. ${YTDLP_INSTALL}`,
    );
  let version: string;
  try {
    version = (await run(path, ['--version'])).trim().split('\n')[0] ?? '';
  } catch (error) {
    return notOk(
      'broken',
      choice,
      path,
      `yt-dlp at ${path} did not run (${firstLine(error)}). ${YTDLP_INSTALL}`,
    );
  }
  const released = ytDlpReleaseDate(version);
  const ageDays = released === null ? null : Math.floor((clock.now() - released) / 86_400_000);
  if (ageDays !== null && ageDays > YTDLP_MAX_AGE_DAYS)
    return notOk(
      'too_old',
      choice,
      path,
      `yt-dlp ${version} is ${ageDays} days old; YouTube changes often and old versions fail to download. ${YTDLP_UPDATE}`,
      version,
    );
  return { state: 'ok', path, source: choice.source, version, message: null };
}

export interface ToolsDeps {
  ffprobe(): ToolChoice;
  ytdlp(): ToolChoice;
  pathEnv: string | undefined;
  clock: Clock;
  run?: VersionRunner;
}

export async function toolsStatus(d: ToolsDeps): Promise<ToolsStatus> {
  const [ffprobe, ytdlp] = await Promise.all([
    ffprobeStatus(d.ffprobe(), d.pathEnv, d.run),
    ytDlpStatus(d.ytdlp(), d.pathEnv, d.clock, d.run),
  ]);
  return { ffprobe, ytdlp };
}
