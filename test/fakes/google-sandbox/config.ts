/** Knobs tests may turn at start or at run time (POST /__sandbox/config). */
export interface SandboxConfig {
  /** Skip the consent page when login_hint names a channel. */
  autoApprove: boolean;
  accessTokenLifetimeSec: number;
  authCodeLifetimeSec: number;
  /** Live refresh tokens per Google account per client; the oldest is silently invalidated. */
  refreshTokenCap: number;
  /** Refresh-token lifetime for clients whose consent screen is in Testing status. */
  testingRefreshTokenLifetimeSec: number;
  /** Daily units per project. */
  quotaLimit: number;
  /** "units": videos.insert costs videosInsertUnits of quotaLimit; "calls": a bucket of its own. */
  videosInsertCostModel: 'units' | 'calls';
  videosInsertUnits: number;
  videosInsertDailyCalls: number;
  costs: Record<CostedMethod, number>;
  uploadSessionLifetimeSec: number;
  maxUploadBytes: number;
  thumbnailMaxBytes: number;
  /** captions.insert media limit (the reference: 100MB; the discovery document: 104857600). */
  captionMaxBytes: number;
  /** After a dropped connection the sandbox keeps received bytes rounded down to this. */
  persistGranularity: number;
  /**
   * First-run mistakes, as Google answers them (google-facts.md, setup errors):
   * `dataApiDisabled`: every Data API call is 403 accessNotConfigured, naming the project number;
   * `testUserDenial`: a Testing app and a non-test user get Google's 403 page ('page', as Google),
   * or are sent back with error=access_denied ('redirect', as after Cancel) so an app can react;
   * `redirectUriMismatch`: the token endpoint answers 400 redirect_uri_mismatch (a client not of
   * type Desktop app); `channelLessChannels`: these channels act as a Google account with no
   * YouTube channel (channels.list mine=true has no items, videos.insert is 401 youtubeSignupRequired).
   */
  dataApiDisabled: boolean;
  testUserDenial: 'page' | 'redirect';
  redirectUriMismatch: boolean;
  channelLessChannels: string[];
}

export type CostedMethod =
  | 'channels.list'
  | 'videos.list'
  | 'playlists.list'
  | 'thumbnails.set'
  | 'playlistItems.insert'
  | 'videos.update'
  | 'captions.insert';

export const CHUNK_MULTIPLE = 262_144;

export function defaultConfig(): SandboxConfig {
  return {
    autoApprove: false,
    accessTokenLifetimeSec: 3599,
    authCodeLifetimeSec: 600,
    refreshTokenCap: 100,
    testingRefreshTokenLifetimeSec: 7 * 24 * 3600,
    quotaLimit: 10_000,
    videosInsertCostModel: 'units',
    videosInsertUnits: 1600,
    videosInsertDailyCalls: 100,
    costs: {
      'channels.list': 1,
      'videos.list': 1,
      'playlists.list': 1,
      'thumbnails.set': 50,
      'playlistItems.insert': 50,
      'videos.update': 50,
      'captions.insert': 400,
    },
    uploadSessionLifetimeSec: 7 * 24 * 3600,
    maxUploadBytes: 274_877_906_944,
    thumbnailMaxBytes: 2 * 1024 * 1024,
    captionMaxBytes: 104_857_600,
    persistGranularity: CHUNK_MULTIPLE,
    dataApiDisabled: false,
    testUserDenial: 'page',
    redirectUriMismatch: false,
    channelLessChannels: [],
  };
}

export type ConfigPatch = Partial<Omit<SandboxConfig, 'costs'>> & {
  costs?: Partial<Record<CostedMethod, number>>;
};

/** Applies a patch, refusing unknown keys and wrong types so a typo in a test fails loudly. */
export function applyConfigPatch(config: SandboxConfig, patch: ConfigPatch): void {
  for (const [key, value] of Object.entries(patch)) {
    if (!(key in config)) throw new Error(`sandbox config: unknown key "${key}"`);
    if (key === 'costs') {
      for (const [method, cost] of Object.entries(value as Record<string, unknown>)) {
        if (!(method in config.costs)) throw new Error(`sandbox config: unknown cost "${method}"`);
        if (typeof cost !== 'number')
          throw new Error(`sandbox config: costs.${method} must be a number`);
        config.costs[method as CostedMethod] = cost;
      }
      continue;
    }
    const current = config[key as keyof SandboxConfig];
    if (typeof value !== typeof current)
      throw new Error(`sandbox config: ${key} must be a ${typeof current}`);
    if (key === 'videosInsertCostModel' && value !== 'units' && value !== 'calls')
      throw new Error('sandbox config: videosInsertCostModel must be "units" or "calls"');
    if (key === 'testUserDenial' && value !== 'page' && value !== 'redirect')
      throw new Error('sandbox config: testUserDenial must be "page" or "redirect"');
    if (
      key === 'channelLessChannels' &&
      !(Array.isArray(value) && value.every((v) => typeof v === 'string'))
    )
      throw new Error('sandbox config: channelLessChannels must be a list of channel ids');
    (config as unknown as Record<string, unknown>)[key] = value;
  }
}
