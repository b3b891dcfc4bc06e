import { Anchor } from '@mantine/core';
import { useEffect } from 'react';
import type { WatchItem } from '../../../src-shared/domain/watched-folder.ts';
import { useChannels } from '../../state/channels-store.ts';
import { useNavigation } from '../../state/navigation-store.ts';
import { useJobActions } from '../queue/job-actions-store.ts';
import { statusText, videoUrl } from '../queue/job-status.ts';
import { useQueue } from '../queue/queue-store.ts';

/**
 * What happened to a folder's video, in words: each of its jobs' live state
 * (uploading, waiting for quota, done with its link), or why it was skipped
 * (the same content is already on that channel, with a way to that job).
 */
export function WatchItemStatus({ item }: { item: WatchItem }) {
  const jobs = useQueue((s) => s.jobs);
  const channels = useChannels((s) => s.channels);
  const go = useNavigation((s) => s.go);
  const needsJobs = item.jobIds.length > 0;
  useEffect(() => {
    if (needsJobs && Object.keys(useQueue.getState().jobs).length === 0)
      void useQueue.getState().load();
  }, [needsJobs]);
  const titleOf = (id: string) => channels.find((c) => c.id === id)?.title ?? id;
  const showJob = (id: string) => {
    go('queue');
    useJobActions.getState().openDetail(id);
  };
  if (item.state === 'skipped')
    return (
      <span className="watch-item-state" data-testid="skip-reason">
        {item.jobIds.length === 0
          ? 'skipped: you chose to upload only new videos'
          : item.jobIds.map((id) => {
              const job = jobs[id];
              return (
                <span key={id}>
                  skipped: the same video is already {job?.state === 'done' ? 'uploaded' : 'queued'}{' '}
                  on {job ? titleOf(job.channelId) : 'this channel'} (
                  <Anchor component="button" type="button" onClick={() => showJob(id)}>
                    see that upload
                  </Anchor>
                  ){' '}
                </span>
              );
            })}
      </span>
    );
  if (item.state !== 'queued' || item.jobIds.length === 0)
    return <span className="watch-item-state">{item.state}</span>;
  return (
    <span className="watch-item-state" data-testid="item-jobs">
      {item.jobIds.map((id) => {
        const job = jobs[id];
        if (!job) return <span key={id}>queued </span>;
        return (
          <span key={id} data-job-state={job.state}>
            {titleOf(job.channelId)}: {statusText(job, Date.now())}
            {job.videoId && job.state === 'done' && (
              <>
                {' '}
                <Anchor href={videoUrl(job.videoId)} target="_blank" rel="noreferrer">
                  {videoUrl(job.videoId).replace('https://', '')}
                </Anchor>
              </>
            )}{' '}
          </span>
        );
      })}
    </span>
  );
}
