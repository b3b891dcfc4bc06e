import type { ExistingJob } from '../../src-shared/api/jobs.ts';
import type { VideoMetadata } from '../../src-shared/domain/metadata.ts';
import type { HandlerMap } from '../rpc/router.ts';
import type { UploadEngine } from './upload-engine.ts';

type JobHandlers = Pick<
  HandlerMap,
  | 'jobs.enqueue'
  | 'jobs.list'
  | 'jobs.pause'
  | 'jobs.resume'
  | 'jobs.cancel'
  | 'jobs.retry'
  | 'jobs.pauseChannel'
  | 'jobs.resumeChannel'
  | 'jobs.quota'
>;

/** A job that was already there for this file and channel, as the caller is told about it. */
function existingJob(engine: UploadEngine, id: string, metadata: VideoMetadata): ExistingJob {
  const job = engine.get(id);
  return {
    jobId: job.id,
    file: job.file,
    channelId: job.channelId,
    state: job.state,
    videoId: job.videoId,
    url: job.videoId ? `https://www.youtube.com/watch?v=${job.videoId}` : null,
    sameMetadata: JSON.stringify(job.metadata) === JSON.stringify(metadata),
  };
}

/** The `jobs.*` methods of the contract, mapped onto the upload engine. */
export function uploadHandlers(engine: UploadEngine): JobHandlers {
  return {
    'jobs.enqueue': (input, ctx) => {
      const jobIds: string[] = [];
      const existing: ExistingJob[] = [];
      for (const file of input.files) {
        const result = engine.enqueueDetailed(
          {
            file,
            channelIds: input.channelIds,
            metadata: input.metadata,
            thumbnail: input.thumbnail,
            captions: input.captions,
            schedule: input.schedule,
            source: { kind: ctx.transport === 'memory' ? 'cli' : 'ui' },
            again: input.again,
          },
          { requireKnownChannels: true },
        );
        jobIds.push(...result.ids);
        existing.push(...result.existing.map((id) => existingJob(engine, id, input.metadata)));
      }
      return { jobIds, existing };
    },
    'jobs.list': () => engine.list(),
    'jobs.pause': ({ id }) => engine.pause(id),
    'jobs.resume': ({ id }) => engine.resume(id),
    'jobs.cancel': ({ id }) => engine.cancel(id),
    'jobs.retry': ({ id }) => engine.retry(id),
    'jobs.pauseChannel': ({ channelId }) => engine.pauseChannel(channelId),
    'jobs.resumeChannel': ({ channelId }) => engine.resumeChannel(channelId),
    'jobs.quota': () => engine.quota(),
  };
}
