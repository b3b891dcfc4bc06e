/** TikTok's hosts (Login Kit v2, Content Posting API); DROPLINE_TIKTOK_BASE_URL serves all under one base, same paths. */
export interface TikTokEndpoints {
  authorize: string;
  token: string;
  revoke: string;
  creatorInfo: string;
  directInit: string;
  inboxInit: string;
  status: string;
}

export function tiktokEndpoints(base: string | null): TikTokEndpoints {
  const web = base ?? 'https://www.tiktok.com';
  const api = base ?? 'https://open.tiktokapis.com';
  return {
    authorize: `${web}/v2/auth/authorize/`,
    token: `${api}/v2/oauth/token/`,
    revoke: `${api}/v2/oauth/revoke/`,
    creatorInfo: `${api}/v2/post/publish/creator_info/query/`,
    directInit: `${api}/v2/post/publish/video/init/`,
    inboxInit: `${api}/v2/post/publish/inbox/video/init/`,
    status: `${api}/v2/post/publish/status/fetch/`,
  };
}
