import { Button, Progress } from '@mantine/core';
import { memo } from 'react';
import {
  canPauseJob,
  canRetryJob,
  type Job,
  type JobProgress,
} from '../../../src-shared/domain/job.ts';
import { formatBytes, formatEta, formatRate } from './format.ts';
import { useJobActions } from './job-actions-store.ts';
import { statusText, statusTone } from './job-status.ts';
import { useMinuteClock } from '../../state/minute-clock.ts';
import { useQueue } from './queue-store.ts';
import { bytesOf } from './rows.ts';
import { JobMenuButton } from './JobMenuButton.tsx';
import { VideoLinks } from './VideoLinks.tsx';

const toneColor = {
  running: 'blue',
  waiting: 'yellow',
  paused: 'gray',
  done: 'green',
  failed: 'red',
  idle: 'gray',
} as const;

const editableStates: readonly Job['state'][] = ['queued', 'paused', 'waiting', 'failed'];
export const canEditJob = (job: Job) => editableStates.includes(job.state);
export const canRemoveJob = (job: Job) => job.state === 'failed' || job.state === 'cancelled';

/** One job in the queue; memoized, as the list re-renders on every scrolled frame. */
export const JobRow = memo(function JobRow({
  job,
  progress,
}: {
  job: Job;
  progress: JobProgress | undefined;
}) {
  const act = useQueue((s) => s.act);
  const selected = useJobActions((s) => s.selected.includes(job.id));
  const { select, openDetail, remove } = useJobActions.getState();
  const sent = bytesOf(job, progress);
  const pct = job.bytesTotal ? (sent / job.bytesTotal) * 100 : 0;
  const live = job.state === 'uploading' && progress;
  const tone = statusTone(job);
  const canPause = canPauseJob(job);
  const canCancel = !['done', 'failed', 'cancelled'].includes(job.state);
  const canRetry = canRetryJob(job);
  const movable = job.state === 'queued' || job.state === 'paused' || job.state === 'waiting';
  // Memoized rows re-render only when their job changes; a countdown needs the clock too.
  useMinuteClock(job.state === 'waiting' && job.waitUntil !== null);
  return (
    <div
      className={`job-row job-${job.state}`}
      data-testid="job-row"
      data-job-id={job.id}
      data-state={job.state}
    >
      {/* Plain, not Mantine's Checkbox: rows mount as the list scrolls, and each element costs. */}
      <input
        type="checkbox"
        className="job-select"
        aria-label={`Select ${job.title}`}
        checked={selected}
        onChange={(e) => select(job.id, e.currentTarget.checked)}
      />
      <div className="job-main">
        <button
          type="button"
          className="job-title link-button"
          title={job.file}
          onClick={() => openDetail(job.id)}
        >
          {job.title}
        </button>
        <Progress
          className="job-progress"
          value={job.state === 'done' ? 100 : pct}
          color={toneColor[tone]}
          striped={tone === 'running'}
          animated={job.state === 'uploading'}
          aria-label={`Progress of ${job.title}`}
          size="sm"
        />
        <div className="job-meta">
          <span className={`job-state job-tone-${tone}`}>{statusText(job, Date.now())}</span>
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
        {job.error && job.state === 'failed' && (
          <div className="job-error" title={job.error.message}>
            {job.error.message}
          </div>
        )}
      </div>
      <div className="job-actions">
        {canPause && (
          <Button size="xs" variant="default" onClick={() => void act('pause', job.id)}>
            Pause
          </Button>
        )}
        {job.state === 'paused' && (
          <Button size="xs" onClick={() => void act('resume', job.id)}>
            Resume
          </Button>
        )}
        {canRetry && (
          <Button size="xs" onClick={() => void act('retry', job.id)}>
            Retry
          </Button>
        )}
        {canRemoveJob(job) && (
          <Button size="xs" variant="default" color="red" onClick={() => void remove([job.id])}>
            Remove
          </Button>
        )}
        {canCancel && (
          <Button size="xs" variant="subtle" onClick={() => void act('cancel', job.id)}>
            Cancel
          </Button>
        )}
        <JobMenuButton job={job} movable={movable} editable={canEditJob(job)} />
      </div>
    </div>
  );
});
