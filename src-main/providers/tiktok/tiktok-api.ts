import * as z from 'zod';
import { NetworkError, parseJson, type BodyWriter, type Http } from '../../youtube/google-http.ts';
import type { TikTokEndpoints } from './tiktok-endpoints.ts';

/** How a TikTok refusal should be handled (Error Handling page's codes, by HTTP status). */
export type TikTokFailureKind =
  'rate' | 'unauthorized' | 'scope' | 'server' | 'expired_url' | 'invalid_grant' | 'refused';

export class TikTokApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly kind: TikTokFailureKind;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'TikTokApiError';
    this.status = status;
    this.code = code;
    this.kind = kindOf(status, code);
  }
}

function kindOf(status: number, code: string): TikTokFailureKind {
  if (status === 429 || code === 'rate_limit_exceeded') return 'rate';
  if (code === 'upload_url_expired') return 'expired_url';
  if (code === 'invalid_grant') return 'invalid_grant';
  if (code === 'scope_not_authorized' || code === 'scope_permission_missed') return 'scope';
  if (status === 401) return 'unauthorized';
  if (status >= 500) return 'server';
  return 'refused';
}

const TokenAnswer = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().int().positive(),
  open_id: z.string().min(1),
  refresh_token: z.string().min(1),
  refresh_expires_in: z.number().int().positive(),
  scope: z.string(),
});
export type TokenAnswer = z.infer<typeof TokenAnswer>;

const PrivacyLevel = z.enum([
  'PUBLIC_TO_EVERYONE',
  'MUTUAL_FOLLOW_FRIENDS',
  'FOLLOWER_OF_CREATOR',
  'SELF_ONLY',
]);

const CreatorInfo = z.object({
  creator_avatar_url: z.string(),
  creator_username: z.string(),
  creator_nickname: z.string(),
  privacy_level_options: z
    .array(z.string())
    .transform((all) =>
      all.filter((p): p is z.infer<typeof PrivacyLevel> => PrivacyLevel.safeParse(p).success),
    ),
  comment_disabled: z.boolean(),
  duet_disabled: z.boolean(),
  stitch_disabled: z.boolean(),
  max_video_post_duration_sec: z.number().int().nonnegative(),
});
export type CreatorInfo = z.infer<typeof CreatorInfo>;

const InitAnswer = z.object({ publish_id: z.string().min(1), upload_url: z.url() });
const StatusAnswer = z.object({
  status: z.string(),
  fail_reason: z.string().optional(),
  publicaly_available_post_id: z.array(z.union([z.string(), z.number()])).optional(),
  uploaded_bytes: z.number().optional(),
});
export type PublishStatus = z.infer<typeof StatusAnswer>;

export interface InitBody {
  post_info?: {
    title: string;
    privacy_level: string;
    disable_comment: boolean;
    disable_duet: boolean;
    disable_stitch: boolean;
    video_cover_timestamp_ms: number;
  };
  source_info: {
    source: 'FILE_UPLOAD';
    video_size: number;
    chunk_size: number;
    total_chunk_count: number;
  };
}

/** An answer's body checked against its schema; a wrong shape says which endpoint sent it. */
function parsed<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success)
    throw new TikTokApiError(
      502,
      'bad_answer',
      `TikTok's ${what} answer has an unexpected shape (${result.error.issues[0]?.path.join('.') || 'body'}).`,
    );
  return result.data;
}

/** TikTok's OAuth and Content Posting calls; every answer validated before use. */
export class TikTokApi {
  readonly #http: Http;
  readonly #endpoints: TikTokEndpoints;
  constructor(http: Http, endpoints: TikTokEndpoints) {
    this.#http = http;
    this.#endpoints = endpoints;
  }

  async #form(url: string, form: Record<string, string>): Promise<unknown> {
    const res = await this.#http.request({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'cache-control': 'no-cache' },
      body: Buffer.from(new URLSearchParams(form).toString()),
    });
    const body = parseJson(res.body) as Record<string, unknown> | null;
    if (res.status !== 200 || !body || typeof body.error === 'string') {
      const code = typeof body?.error === 'string' ? body.error : `http_${res.status}`;
      const description = typeof body?.error_description === 'string' ? body.error_description : '';
      throw new TikTokApiError(
        res.status === 200 ? 400 : res.status,
        code,
        description || `TikTok answered ${res.status}.`,
      );
    }
    return body;
  }

  async #api(url: string, token: string, body: unknown, signal?: AbortSignal): Promise<unknown> {
    const res = await this.#http.request({
      method: 'POST',
      url,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json; charset=UTF-8',
      },
      body: Buffer.from(JSON.stringify(body)),
      signal,
    });
    const answer = parseJson(res.body) as {
      data?: unknown;
      error?: { code?: string; message?: string };
    } | null;
    const code = answer?.error?.code ?? `http_${res.status}`;
    if (res.status !== 200 || code !== 'ok')
      throw new TikTokApiError(
        res.status,
        code,
        answer?.error?.message || `TikTok answered ${res.status}.`,
      );
    return answer?.data;
  }

  async exchangeCode(
    app: { clientKey: string; clientSecret: string },
    grant: { code: string; codeVerifier: string; redirectUri: string },
  ): Promise<TokenAnswer> {
    const body = await this.#form(this.#endpoints.token, {
      client_key: app.clientKey,
      client_secret: app.clientSecret,
      code: grant.code,
      grant_type: 'authorization_code',
      redirect_uri: grant.redirectUri,
      code_verifier: grant.codeVerifier,
    });
    return parsed(TokenAnswer, body, 'token');
  }

  async refresh(
    app: { clientKey: string; clientSecret: string },
    refreshToken: string,
  ): Promise<TokenAnswer> {
    const body = await this.#form(this.#endpoints.token, {
      client_key: app.clientKey,
      client_secret: app.clientSecret,
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
    });
    return parsed(TokenAnswer, body, 'token refresh');
  }

  async revoke(app: { clientKey: string; clientSecret: string }, token: string): Promise<void> {
    await this.#form(this.#endpoints.revoke, {
      client_key: app.clientKey,
      client_secret: app.clientSecret,
      token,
    });
  }

  async creatorInfo(token: string): Promise<CreatorInfo> {
    return parsed(
      CreatorInfo,
      await this.#api(this.#endpoints.creatorInfo, token, {}),
      'creator_info',
    );
  }

  async init(token: string, mode: 'direct' | 'inbox', body: InitBody, signal?: AbortSignal) {
    const url = mode === 'direct' ? this.#endpoints.directInit : this.#endpoints.inboxInit;
    return parsed(InitAnswer, await this.#api(url, token, body, signal), 'video init');
  }

  async status(token: string, publishId: string, signal?: AbortSignal): Promise<PublishStatus> {
    return parsed(
      StatusAnswer,
      await this.#api(this.#endpoints.status, token, { publish_id: publishId }, signal),
      'status',
    );
  }

  /** One chunk PUT; resolves when TikTok acknowledged it (206, or 201 for the last). */
  async putChunk(opts: {
    uploadUrl: string;
    contentType: string;
    first: number;
    last: number;
    total: number;
    body: BodyWriter;
    signal?: AbortSignal;
  }): Promise<'partial' | 'complete'> {
    const res = await this.#http.request({
      method: 'PUT',
      url: opts.uploadUrl,
      headers: {
        'content-type': opts.contentType,
        'content-length': String(opts.last - opts.first + 1),
        'content-range': `bytes ${opts.first}-${opts.last}/${opts.total}`,
      },
      body: opts.body,
      signal: opts.signal,
    });
    if (res.status === 206) return 'partial';
    if (res.status === 201 || res.status === 200) return 'complete';
    const answer = parseJson(res.body) as { error?: { code?: string; message?: string } } | null;
    throw new TikTokApiError(
      res.status,
      answer?.error?.code ?? `http_${res.status}`,
      answer?.error?.message || `TikTok answered ${res.status} to a chunk.`,
    );
  }
}

export { NetworkError };
