/**
 * Every Google URL Dropline calls, built from one base so the sandbox (or
 * oidc-provider in conformance tests) can stand in with the same paths.
 * Real defaults from google-facts.md.
 */
export interface GoogleEndpoints {
  authorization: string;
  token: string;
  revoke: string;
  /** Data API root, without a trailing slash: `${dataApi}/channels`. */
  dataApi: string;
  upload: string;
}

export const realGoogle: GoogleEndpoints = {
  authorization: 'https://accounts.google.com/o/oauth2/v2/auth',
  token: 'https://oauth2.googleapis.com/token',
  revoke: 'https://oauth2.googleapis.com/revoke',
  dataApi: 'https://www.googleapis.com/youtube/v3',
  upload: 'https://www.googleapis.com/upload/youtube/v3',
};

export function googleEndpoints(baseUrl: string | null): GoogleEndpoints {
  if (!baseUrl) return realGoogle;
  const base = baseUrl.replace(/\/+$/, '');
  return {
    authorization: `${base}/o/oauth2/v2/auth`,
    token: `${base}/token`,
    revoke: `${base}/revoke`,
    dataApi: `${base}/youtube/v3`,
    upload: `${base}/upload/youtube/v3`,
  };
}

const under = (root: string, path: string): string => `${root}/${path.replace(/^\//, '')}`;

/** A Data API URL: `${dataApi}/<path>`. */
export function dataApiUrl(endpoints: GoogleEndpoints, path: string): string {
  return under(endpoints.dataApi, path);
}

/** A media upload URL: `${upload}/<path>`. */
export function uploadUrl(endpoints: GoogleEndpoints, path: string): string {
  return under(endpoints.upload, path);
}

export const YOUTUBE_SCOPES = [
  'https://www.googleapis.com/auth/youtube.upload',
  'https://www.googleapis.com/auth/youtube',
  // captions.insert accepts only youtube.force-ssl (or youtubepartner), not youtube.
  'https://www.googleapis.com/auth/youtube.force-ssl',
] as const;
