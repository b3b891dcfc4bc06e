import {
  canPauseJob,
  canRetryJob,
  type Job,
  type JobProgress,
} from '../../../src-shared/domain/job.ts';
import { formatBytes, formatEta, formatRate, formatTime } from './format.ts';
import { useQueue } from './queue-store.ts';
import { bytesOf } from './rows.ts';
import { VideoLinks } from './VideoLinks.tsx';

function stateText(job: Job): string {
  if (job.state === 'waiting' && job.waitUntil) {
    const why =
      job.waitReason === 'quota'
        ? 'quota resets'
        : job.waitReason === 'channel_limit'
          ? 'channel upload cap ends'
          : 'next try';
    return `waiting: ${why} ${formatTime(job.waitUntil)}`;
  }
  if (job.state === 'done' && job.videoId) return `done: video ${job.videoId}`;
  return job.state;
}

export function JobRow({ job, progress }: { job: Job; progress: JobProgress | undefined }) {
  const act = useQueue((s) => s.act);
  const sent = bytesOf(job, progress);
  const pct = job.bytesTotal ? (sent / job.bytesTotal) * 100 : 0;
  const live = job.state === 'uploading' && progress;
  const canPause = canPauseJob(job);
  const canCancel = !['done', 'failed', 'cancelled'].includes(job.state);
  const canRetry = canRetryJob(job);
  return (
    <div className={`job-row job-${job.state}`} data-testid="job-row" data-job-id={job.id}>
      <div className="job-main">
        <div className="job-title" title={job.file}>
          {job.title}
        </div>
        <progress className="job-progress" max={100} value={pct} />
        <div className="job-meta">
          <span className="job-state">{stateText(job)}</span>
          <span data-testid="job-bytes" data-bytes-sent={sent}>
            {formatBytes(sent)} / {formatBytes(job.bytesTotal)}
          </span>
          {job.state === 'done' && job.videoId && <VideoLinks videoId={job.videoId} />}
          {live && <span>{formatRate(progress.rate)}</span>}
          {live && <span>{formatEta(progress.etaSeconds)}</span>}
          {job.thumbnailStep === 'failed' && <span className="error-text">thumbnail failed</span>}
          {job.playlistStep === 'failed' && <span className="error-text">playlist failed</span>}
          {job.captions.some((c) => c.state === 'failed') && (
            <span className="error-text">captions failed</span>
          )}
          {job.slotAt && (
            <span title="Its schedule slot">slot {new Date(job.slotAt).toLocaleString()}</span>
          )}
        </div>
        {job.warnings.map((w) => (
          <div key={w} className="job-warning muted" data-testid="job-warning">
            {w}
          </div>
        ))}
        {job.error && job.state !== 'done' && (
          <div className="job-error" title={job.error.message}>
            {job.error.message}
          </div>
        )}
      </div>
      <div className="job-actions">
        {canPause && <button onClick={() => void act('pause', job.id)}>Pause</button>}
        {job.state === 'paused' && (
          <button onClick={() => void act('resume', job.id)}>Resume</button>
        )}
        {canRetry && <button onClick={() => void act('retry', job.id)}>Retry</button>}
        {canCancel && <button onClick={() => void act('cancel', job.id)}>Cancel</button>}
      </div>
    </div>
  );
}
