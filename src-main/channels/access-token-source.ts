/**
 * The one way any Google API call gets a token. Never returns an expired
 * token; refreshes (deduplicated per channel) when needed.
 */
export interface AccessTokenSource {
  getAccessToken(channelId: string): Promise<string>;
  /** Called after a 401: drop this token so the next getAccessToken refreshes. */
  invalidate(channelId: string, token: string): void;
}
