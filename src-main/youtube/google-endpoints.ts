import { googleEndpoints as allGoogleEndpoints } from '../auth/google-endpoints.ts';

/**
 * The Data API and upload URLs as path builders. The base URLs themselves
 * come from the one list in auth/google-endpoints.ts (real Google, or the
 * sandbox under DROPLINE_GOOGLE_BASE_URL with the same paths).
 */
export interface GoogleEndpoints {
  /** Data API: `/youtube/v3/<path>`. */
  api(path: string): string;
  /** Media uploads: `/upload/youtube/v3/<path>`. */
  upload(path: string): string;
}

export function googleEndpoints(baseUrl: string | null): GoogleEndpoints {
  const { dataApi, upload } = allGoogleEndpoints(baseUrl);
  const under = (root: string, path: string): string => `${root}/${path.replace(/^\//, '')}`;
  return { api: (path) => under(dataApi, path), upload: (path) => under(upload, path) };
}
