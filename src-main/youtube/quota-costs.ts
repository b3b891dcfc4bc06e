import { defaultSettings, type Settings } from '../../src-shared/domain/settings.ts';

/**
 * Quota costs of google-facts.md. videos.insert is disputed: the 1600-unit
 * model (default, conservative) or a separate bucket of N calls a day.
 */
export interface QuotaConfig {
  model: 'units' | 'calls';
  dailyUnits: number;
  videosInsertUnits: number;
  /** Only for the `calls` model: videos.insert calls a day, in their own bucket. */
  dailyInsertCalls: number;
}

/** The settings fields that describe quota. */
export type QuotaSettings = Pick<
  Settings,
  'quotaModel' | 'quotaDailyUnits' | 'quotaInsertUnits' | 'quotaDailyInsertCalls'
>;

export function quotaConfigFromSettings(s: QuotaSettings): QuotaConfig {
  return {
    model: s.quotaModel,
    dailyUnits: s.quotaDailyUnits,
    videosInsertUnits: s.quotaInsertUnits,
    dailyInsertCalls: s.quotaDailyInsertCalls,
  };
}

/** The defaults of the settings: one list of numbers, in src-shared/domain/settings.ts. */
export const defaultQuotaConfig: QuotaConfig = quotaConfigFromSettings(defaultSettings);

export type QuotaCall =
  | 'videos.insert'
  | 'thumbnails.set'
  | 'playlistItems.insert'
  | 'videos.update'
  | 'captions.insert'
  | 'channels.list'
  | 'videos.list'
  | 'playlists.list';

export const unitCosts: Record<Exclude<QuotaCall, 'videos.insert'>, number> = {
  'thumbnails.set': 50,
  'playlistItems.insert': 50,
  'videos.update': 50,
  'captions.insert': 400,
  'channels.list': 1,
  'videos.list': 1,
  'playlists.list': 1,
};

/** Units a call takes from the daily unit pool; videos.insert takes none under the calls model. */
export function unitCost(call: QuotaCall, config: QuotaConfig): number {
  if (call === 'videos.insert') return config.model === 'units' ? config.videosInsertUnits : 0;
  return unitCosts[call];
}
