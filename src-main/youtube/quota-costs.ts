import { defaultSettings, type Settings } from '../../src-shared/domain/settings.ts';

/**
 * Quota costs of google-facts.md. videos.insert is disputed: the 1600-unit
 * model, a separate bucket of N calls a day, or `auto` (the default): predict
 * nothing for uploads and let Google's quotaExceeded decide.
 */
export interface QuotaConfig {
  model: 'auto' | 'units' | 'calls';
  dailyUnits: number;
  videosInsertUnits: number;
  /** Only for the `calls` model: videos.insert calls a day, in their own bucket. */
  dailyInsertCalls: number;
  /** A hard cap on videos.insert calls a day under any model; 0: none. */
  dailyUploadCap?: number;
}

/** The settings fields that describe quota. */
export type QuotaSettings = Pick<
  Settings,
  | 'quotaModel'
  | 'quotaDailyUnits'
  | 'quotaInsertUnits'
  | 'quotaDailyInsertCalls'
  | 'quotaDailyUploadCap'
>;

export function quotaConfigFromSettings(s: QuotaSettings): QuotaConfig {
  return {
    model: s.quotaModel,
    dailyUnits: s.quotaDailyUnits,
    videosInsertUnits: s.quotaInsertUnits,
    dailyInsertCalls: s.quotaDailyInsertCalls,
    dailyUploadCap: s.quotaDailyUploadCap,
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

/**
 * Units a call takes from the daily unit pool as Dropline counts it;
 * videos.insert takes none under the calls model, and none under auto (unknown
 * until Google refuses: the insert count is kept instead).
 */
export function unitCost(call: QuotaCall, config: QuotaConfig): number {
  if (call === 'videos.insert') return config.model === 'units' ? config.videosInsertUnits : 0;
  return unitCosts[call];
}
