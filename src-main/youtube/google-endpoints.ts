/**
 * Every Google URL, built from one base: real Google by default, or the
 * sandbox under DROPLINE_GOOGLE_BASE_URL with the same paths.
 */
export interface GoogleEndpoints {
  /** Data API: `/youtube/v3/<path>`. */
  api(path: string): string;
  /** Media uploads: `/upload/youtube/v3/<path>`. */
  upload(path: string): string;
}

export function googleEndpoints(baseUrl: string | null): GoogleEndpoints {
  const base = (baseUrl ?? 'https://www.googleapis.com').replace(/\/+$/, '');
  return {
    api: (path) => `${base}/youtube/v3/${path.replace(/^\//, '')}`,
    upload: (path) => `${base}/upload/youtube/v3/${path.replace(/^\//, '')}`,
  };
}
