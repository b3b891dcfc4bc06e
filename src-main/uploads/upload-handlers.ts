import type { HandlerMap } from '../rpc/router.ts';
import type { Services } from '../core/create-core.ts';

type JobHandlers = Pick<HandlerMap, `jobs.${string}` & keyof HandlerMap>;

/** The `jobs.*` methods of the contract, mapped onto the upload engine. */
export function uploadHandlers(services: Pick<Services, 'uploads'>): JobHandlers {
  const engine = services.uploads;
  return {
    'jobs.enqueue': (input, ctx) => {
      const ids = input.files.flatMap((file) =>
        engine.enqueue(
          {
            file,
            channelIds: input.channelIds,
            metadata: input.metadata,
            thumbnail: input.thumbnail,
            source: { kind: ctx.transport === 'memory' ? 'cli' : 'ui' },
          },
          { requireKnownChannels: true },
        ),
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
