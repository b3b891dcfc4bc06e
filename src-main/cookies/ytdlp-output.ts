import { redactString } from '../logging/redact.ts';

/**
 * What Dropline reads from yt-dlp's output. A progress template and a
 * --print line with fixed prefixes keep parsing independent of yt-dlp's
 * human-readable wording, which changes between versions.
 */
export const PROGRESS_PREFIX = 'dropline-progress';
export const FILE_PREFIX = 'dropline-file';

export const PROGRESS_TEMPLATE = `download:${PROGRESS_PREFIX} %(progress.downloaded_bytes)s %(progress.total_bytes)s %(progress.total_bytes_estimate)s %(progress.speed)s %(progress.eta)s`;
export const FILE_TEMPLATE = `after_move:${FILE_PREFIX} %(filepath)s`;

export interface Progress {
  downloadedBytes: number | null;
  totalBytes: number | null;
  speedBytesPerSecond: number | null;
  etaSeconds: number | null;
  percent: number | null;
}

const num = (text: string | undefined): number | null => {
  if (text === undefined || text === 'NA' || text === 'None') return null;
  const n = Number(text);
  return Number.isFinite(n) && n >= 0 ? n : null;
};

export function parseProgressLine(line: string): Progress | null {
  if (!line.startsWith(`${PROGRESS_PREFIX} `)) return null;
  const [, done, total, estimate, speed, eta] = line.trim().split(/\s+/);
  const downloadedBytes = num(done);
  const totalBytes = num(total) ?? num(estimate);
  const percent =
    downloadedBytes !== null && totalBytes
      ? Math.min(100, Math.round((downloadedBytes / totalBytes) * 1000) / 10)
      : null;
  return {
    downloadedBytes,
    totalBytes,
    speedBytesPerSecond: num(speed),
    etaSeconds: num(eta),
    percent,
  };
}

export function parseFileLine(line: string): string | null {
  return line.startsWith(`${FILE_PREFIX} `) ? line.slice(FILE_PREFIX.length + 1).trim() : null;
}

/**
 * Failures a fresh cookie file may fix: YouTube's sign-in and bot checks,
 * and a plain 403 (what servers answer to a missing or stale session).
 */
const AUTH_PATTERNS = [
  /sign in to confirm/i,
  /not a bot/i,
  /HTTP Error 403/i,
  /\b403\b.*forbidden/i,
  /login required/i,
  /sign in if you've been granted access/i,
  /use --cookies/i,
  /cookies are no longer valid/i,
  /members[- ]only/i,
];

export type FailureKind = 'auth' | 'other';

export function classifyFailure(lines: readonly string[]): FailureKind {
  return lines.some((l) => AUTH_PATTERNS.some((p) => p.test(l))) ? 'auth' : 'other';
}

/** The line worth showing: yt-dlp's last `ERROR:` without its bug-report boilerplate. */
export function errorSummary(lines: readonly string[]): string {
  const error = [...lines].reverse().find((l) => l.startsWith('ERROR:'));
  const text = (error ?? lines.at(-1) ?? 'yt-dlp failed without a message')
    .replace(/^ERROR:\s*/, '')
    .replace(/;?\s*please report this issue.*$/i, '')
    .trim();
  return redactString(text).slice(0, 400);
}
