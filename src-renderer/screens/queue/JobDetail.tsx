import { Alert, Anchor, Button, Group, Modal, Timeline } from '@mantine/core';
import '@mantine/core/styles/Alert.css';
import '../../theme/dialog-styles.ts';
import { useEffect, useState } from 'react';
import type { TimelineEntry } from '../../../src-shared/domain/job-timeline.ts';
import type { Job } from '../../../src-shared/domain/job.ts';
import { api } from '../../api/client.ts';
import { useChannels } from '../../state/channels-store.ts';
import { useNavigation } from '../../state/navigation-store.ts';
import { formatBytes } from './format.ts';
import { useJobActions } from './job-actions-store.ts';
import { fixFor, statusText, studioUrl, videoUrl } from './job-status.ts';
import { useQueue } from './queue-store.ts';

/** The failure, and the button that fixes it. */
function ErrorWithFix({ job }: { job: Job }) {
  const fix = fixFor(job);
  const { openEdit, remove, openDetail } = useJobActions.getState();
  const act = useQueue((s) => s.act);
  const go = useNavigation((s) => s.go);
  if (!job.error || !fix) return null;
  const button = {
    retry: { label: 'Retry', run: () => void act('retry', job.id) },
    edit: { label: 'Edit details', run: () => openEdit([job.id]) },
    reconnect: {
      label: 'Open the Channels screen',
      run: () => {
        openDetail(null);
        go('channels');
      },
    },
    remove: {
      label: 'Remove this job',
      run: () => {
        openDetail(null);
        void remove([job.id]);
      },
    },
  }[fix.action];
  return (
    <Alert color="red" title="Why it failed" data-testid="job-detail-error">
      <p>{job.error.message}</p>
      <p>{fix.hint}</p>
      <Button size="xs" onClick={button.run}>
        {button.label}
      </Button>
    </Alert>
  );
}

/** One job: where it is, its video, its error with the fix, and its whole history. */
export function JobDetail() {
  const id = useJobActions((s) => s.detailId);
  const close = () => useJobActions.getState().openDetail(null);
  const job = useQueue((s) => (id ? s.jobs[id] : undefined));
  const channel = useChannels((s) => s.channels.find((c) => c.id === job?.channelId)?.title);
  const [timeline, setTimeline] = useState<TimelineEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const updated = job?.updatedAt;
  useEffect(() => {
    if (!id) return;
    let live = true;
    api.invoke('jobs.timeline', { id }).then(
      (entries) => live && setTimeline(entries),
      (e: unknown) => live && setError((e as Error).message),
    );
    return () => {
      live = false;
    };
  }, [id, updated]);
  return (
    <Modal
      opened={id !== null && job !== undefined}
      onClose={close}
      size="lg"
      title={job?.title ?? ''}
    >
      {job && (
        <div className="job-detail" data-testid="job-detail">
          <dl className="job-facts">
            <dt>Channel</dt>
            <dd>{channel ?? job.channelId}</dd>
            <dt>File</dt>
            <dd className="job-file">{job.file}</dd>
            <dt>Status</dt>
            <dd>{statusText(job, Date.now())}</dd>
            <dt>Sent</dt>
            <dd>
              {formatBytes(job.bytesSent)} of {formatBytes(job.bytesTotal)}, {job.attempts}{' '}
              {job.attempts === 1 ? 'attempt' : 'attempts'}
            </dd>
            {job.videoId && (
              <>
                <dt>Video</dt>
                <dd>
                  <Group gap="md">
                    <Anchor href={videoUrl(job.videoId)} target="_blank" rel="noreferrer">
                      {videoUrl(job.videoId)}
                    </Anchor>
                    <Anchor href={studioUrl(job.videoId)} target="_blank" rel="noreferrer">
                      Edit in Studio
                    </Anchor>
                  </Group>
                </dd>
              </>
            )}
          </dl>
          <ErrorWithFix job={job} />
          <h3>History</h3>
          {error && <p className="error-text">{error}</p>}
          {timeline && (
            <Timeline bulletSize={12} lineWidth={2} active={timeline.length - 1}>
              {timeline.map((t, i) => (
                <Timeline.Item key={`${t.at}-${i}`} title={t.kind} data-testid="timeline-entry">
                  <p className="muted">
                    {new Date(t.at).toLocaleString()}: {t.message}
                  </p>
                </Timeline.Item>
              ))}
            </Timeline>
          )}
        </div>
      )}
    </Modal>
  );
}
