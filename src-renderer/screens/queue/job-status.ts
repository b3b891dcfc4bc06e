import type { Job } from '../../../src-shared/domain/job.ts';
import { formatTime } from './format.ts';

/** "7 h", "25 min", "a moment": how long until `iso`, rounded the way people say it. */
export function untilText(iso: string, nowMs: number): string {
  const minutes = Math.max(0, Math.round((Date.parse(iso) - nowMs) / 60_000));
  if (minutes < 1) return 'a moment';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours >= 24) return `${Math.round(hours / 24)} d`;
  return rest >= 10 && hours < 10 ? `${hours} h ${rest} min` : `${Math.round(minutes / 60)} h`;
}

/** The wall-clock time at Google's quota reset is midnight in Los Angeles; say so plainly. */
let pacificClock: Intl.DateTimeFormat | undefined;
function isPacificMidnight(iso: string): boolean {
  // Built at the first waiting job, not when the Queue loads (see formatTime).
  pacificClock ??= new Intl.DateTimeFormat('en-US', {
    timeZone: 'America/Los_Angeles',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return pacificClock.format(new Date(iso)) === '00:00';
}

/** Tone of a status: waiting is not an error, paused is not running. */
export type StatusTone = 'running' | 'waiting' | 'paused' | 'done' | 'failed' | 'idle';

export function statusTone(job: Job): StatusTone {
  switch (job.state) {
    case 'uploading':
    case 'processing':
      return 'running';
    case 'waiting':
      return 'waiting';
    case 'paused':
      return 'paused';
    case 'done':
      return 'done';
    case 'failed':
      return 'failed';
    default:
      return 'idle';
  }
}

/** A job's state in words that say why: "waiting for quota: resumes in 7 h (midnight Pacific)". */
export function statusText(job: Job, nowMs: number): string {
  switch (job.state) {
    case 'waiting': {
      const until = job.waitUntil;
      const when = until
        ? ` in ${untilText(until, nowMs)} (${isPacificMidnight(until) ? 'midnight Pacific' : formatTime(until)})`
        : '';
      switch (job.waitReason) {
        case 'quota':
          return `waiting for quota: resumes${when || ' when it resets'}`;
        case 'channel_limit':
          return `waiting: the channel's daily upload cap ends${when}`;
        case 'offline':
          return 'waiting for the network to come back';
        case 'token':
          return `waiting for the channel's sign-in${when ? `: tries again${when}` : ''}`;
        default:
          return `waiting: tries again${when || ' shortly'}`;
      }
    }
    case 'processing':
      return 'uploaded: setting thumbnail, playlist and captions';
    case 'queued':
      return 'queued';
    default:
      return job.state;
  }
}

export const videoUrl = (videoId: string) => `https://youtu.be/${videoId}`;
export const studioUrl = (videoId: string) => `https://studio.youtube.com/video/${videoId}/edit`;

/** The one thing that fixes a job's failure, named for its button. */
export type FixAction = 'retry' | 'edit' | 'reconnect' | 'remove';

export function fixFor(job: Job): { action: FixAction; hint: string } | null {
  if (job.state !== 'failed' || !job.error) return null;
  switch (job.error.code) {
    case 'invalid_metadata':
      return { action: 'edit', hint: 'Fix the details, and it goes back to the queue.' };
    case 'invalid_file':
    case 'file_changed':
      return {
        action: 'remove',
        hint: 'The file is gone or changed: remove this job and add the file again.',
      };
    case 'unauthorized':
    case 'needs_reconsent':
    case 'invalid_grant':
      return { action: 'reconnect', hint: 'Reconnect the channel, then retry.' };
    default:
      return { action: 'retry', hint: 'Try it again; the upload resumes where it stopped.' };
  }
}
