import type { HandlerMap } from '../rpc/router.ts';
import type { PresetService } from './preset-service.ts';
import type { ScheduleService } from './schedule-service.ts';

type PublishingMethod = `schedules.${string}` | `presets.${string}`;

/** The `schedules.*` and `presets.*` methods of the contract. */
export function publishingHandlers(s: {
  schedules: ScheduleService;
  presets: PresetService;
}): Pick<HandlerMap, PublishingMethod & keyof HandlerMap> {
  return {
    'schedules.list': () => s.schedules.list(),
    'schedules.get': ({ channelId }) => s.schedules.get(channelId),
    'schedules.set': ({ channelId, ...spec }) => s.schedules.set(channelId, spec),
    'schedules.clear': ({ channelId }) => s.schedules.clear(channelId),
    'schedules.slots': ({ channelId, count }) => s.schedules.slots(channelId, count),
    'schedules.move': ({ jobId, at }) => s.schedules.move(jobId, at),
    'presets.list': () => s.presets.list(),
    'presets.get': ({ name, channelId }) => s.presets.get(name, channelId),
    'presets.set': ({ name, channelId, fields }) => s.presets.set(name, channelId, fields),
    'presets.import': ({ name, channelId, fileName, text }) =>
      s.presets.import(name, channelId, fileName, text),
    'presets.remove': ({ name, channelId }) => s.presets.remove(name, channelId),
  };
}
