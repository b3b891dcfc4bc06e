import type { Channel } from '../../src-shared/domain/channel.ts';
import type { Job, JobState } from '../../src-shared/domain/job.ts';

export type TrayState = 'idle' | 'uploading' | 'attention';

export interface TrayLine {
  channelId: string;
  text: string;
}

export interface TraySummary {
  state: TrayState;
  tooltip: string;
  lines: TrayLine[];
  /** Jobs that a "Pause all" would pause, and paused ones a "Resume all" would resume. */
  pausable: number;
  paused: number;
  /** Jobs still to finish (the window may close into the tray while there are any). */
  active: number;
}

const ACTIVE: readonly JobState[] = ['queued', 'uploading', 'processing', 'waiting', 'paused'];
const PAUSABLE: readonly JobState[] = ['queued', 'uploading', 'processing', 'waiting'];

function plural(n: number, word: string, many = word): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** `bytes` holds the latest progress of running uploads (newer than their job rows). */
function percent(jobs: Job[], bytes: ReadonlyMap<string, number>): number | null {
  const running = jobs.filter((j) => j.state === 'uploading' && j.bytesTotal > 0);
  if (running.length === 0) return null;
  const total = running.reduce((n, j) => n + j.bytesTotal, 0);
  const sent = running.reduce(
    (n, j) => n + Math.min(j.bytesTotal, bytes.get(j.id) ?? j.bytesSent),
    0,
  );
  return Math.floor((100 * sent) / total);
}

function channelLine(channel: Channel, jobs: Job[], bytes: ReadonlyMap<string, number>): string {
  const count = (state: JobState) => jobs.filter((j) => j.state === state).length;
  const parts: string[] = [];
  const uploading = count('uploading');
  if (uploading) parts.push(plural(uploading, 'uploading'));
  if (count('processing')) parts.push(plural(count('processing'), 'finishing'));
  if (count('queued')) parts.push(plural(count('queued'), 'queued'));
  if (count('waiting')) parts.push(plural(count('waiting'), 'waiting'));
  if (count('paused')) parts.push(plural(count('paused'), 'paused'));
  if (count('failed')) parts.push(plural(count('failed'), 'failed'));
  const pct = percent(jobs, bytes);
  if (pct !== null) parts.push(`${pct}%`);
  if (channel.status === 'needs_reconsent') parts.unshift('needs reconnecting');
  return `${channel.title}: ${parts.length ? parts.join(', ') : 'idle'}`;
}

/**
 * What the tray shows: its icon (idle, uploading, or needs attention: a
 * channel to reconnect or a failed job), a tooltip, and one line per channel.
 */
export function summarizeTray(
  channels: readonly Channel[],
  jobs: readonly Job[],
  bytes: ReadonlyMap<string, number> = new Map(),
): TraySummary {
  const byChannel = new Map<string, Job[]>();
  for (const job of jobs)
    byChannel.set(job.channelId, [...(byChannel.get(job.channelId) ?? []), job]);
  const shown = channels.filter((c) => c.status !== 'disconnected' || byChannel.has(c.id));
  const lines = shown.map((c) => ({
    channelId: c.id,
    text: channelLine(c, byChannel.get(c.id) ?? [], bytes),
  }));
  const failed = jobs.filter((j) => j.state === 'failed').length;
  const reconnect = channels.filter((c) => c.status === 'needs_reconsent').length;
  const uploading = jobs.filter((j) => j.state === 'uploading' || j.state === 'processing');
  const active = jobs.filter((j) => ACTIVE.includes(j.state)).length;
  let state: TrayState = 'idle';
  let tooltip = active
    ? `Dropline: ${plural(active, 'upload', 'uploads')} to go`
    : 'Dropline: idle';
  if (uploading.length) {
    state = 'uploading';
    const pct = percent([...jobs], bytes);
    tooltip = `Dropline: ${plural(uploading.length, 'uploading')}${pct === null ? '' : `, ${pct}%`}`;
  }
  if (failed || reconnect) {
    state = 'attention';
    const why = [
      reconnect ? `${plural(reconnect, 'channel', 'channels')} to reconnect` : '',
      failed ? plural(failed, 'failed upload', 'failed uploads') : '',
    ].filter(Boolean);
    tooltip = `${tooltip} (needs you: ${why.join(', ')})`;
  }
  return {
    state,
    tooltip,
    lines,
    pausable: jobs.filter((j) => PAUSABLE.includes(j.state)).length,
    paused: jobs.filter((j) => j.state === 'paused').length,
    active,
  };
}
