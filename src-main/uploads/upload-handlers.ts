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

/** The `jobs.*` methods of the contract, mapped onto the upload engine. */
export function uploadHandlers(engine: UploadEngine): JobHandlers {
  return {
    'jobs.enqueue': (input, ctx) => {
      const ids = input.files.flatMap((file) =>
        engine.enqueue({
          file,
          channelIds: input.channelIds,
          metadata: input.metadata,
          thumbnail: input.thumbnail,
          source: { kind: ctx.transport === 'memory' ? 'cli' : 'ui' },
        }),
      );
      return { jobIds: ids };
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
