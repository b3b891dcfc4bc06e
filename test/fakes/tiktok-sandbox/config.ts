/** What tests may change; defaults are TikTok's documented values (see README). */
export interface TikTokSandboxConfig {
  /** Access token lifetime (the v2 token docs: 2 hours; older pages: 24 hours). */
  accessTokenLifetimeSec: number;
  /** Refresh token lifetime (the v2 token docs: 180 days; older pages: 365 days). */
  refreshTokenLifetimeSec: number;
  /** Not documented by TikTok; the sandbox's choice. */
  uploadUrlLifetimeSec: number;
  /** Per access token, per one-minute sliding window. */
  rateLimits: { init: number; status: number; creatorInfo: number };
  /** Redirect at once instead of showing the consent page. */
  autoApprove: boolean;
}

export function defaultConfig(): TikTokSandboxConfig {
  return {
    accessTokenLifetimeSec: 2 * 3600,
    refreshTokenLifetimeSec: 180 * 86_400,
    uploadUrlLifetimeSec: 3600,
    rateLimits: { init: 6, status: 30, creatorInfo: 20 },
    autoApprove: false,
  };
}
