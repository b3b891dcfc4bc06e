import { createHash, randomBytes } from 'node:crypto';
import type { TikTokClock } from './clock.ts';
import type { TikTokSandboxConfig } from './config.ts';
import type { PrivacyLevel, TikTokAccount, TikTokApp } from './seed.ts';

export interface PendingCode {
  code: string;
  clientKey: string;
  openId: string;
  scopes: string[];
  redirectUri: string;
  codeChallenge: string;
  expiresAt: number;
}

/** One authorization (account x app); its refresh token rotates, the grant lives on. */
export interface Grant {
  id: string;
  clientKey: string;
  openId: string;
  scopes: string[];
  refreshToken: string;
  refreshExpiresAt: number;
  revoked: boolean;
  /** Every refresh token this grant ever had, so a test can show the old one died. */
  retiredRefreshTokens: string[];
}

export interface AccessToken {
  token: string;
  grantId: string;
  expiresAt: number;
}

export interface PostInfo {
  title: string;
  privacyLevel: PrivacyLevel;
  disableComment: boolean;
  disableDuet: boolean;
  disableStitch: boolean;
  videoCoverTimestampMs: number;
}

export interface Upload {
  publishId: string;
  uploadToken: string;
  openId: string;
  clientKey: string;
  mode: 'direct' | 'inbox';
  videoSize: number;
  chunkSize: number;
  totalChunkCount: number;
  postInfo: PostInfo | null;
  /** Chunks received whole and acknowledged, in order. */
  chunks: Buffer[];
  /** How many times each chunk index was received whole. */
  receipts: number[];
  expiresAt: number;
  status: 'PROCESSING_UPLOAD' | 'PUBLISH_COMPLETE' | 'SEND_TO_USER_INBOX' | 'FAILED';
  failReason: string;
  postId: string | null;
}

export interface Post {
  postId: string;
  publishId: string;
  openId: string;
  mode: 'direct' | 'inbox';
  byteLength: number;
  sha256: string;
  postInfo: PostInfo | null;
}

export interface FaultSpec {
  /** Cut the connection after this many body bytes of the next chunk PUT (index given: that chunk only). */
  dropChunk?: { afterBytes: number; chunkIndex?: number } | null;
  /** Keep the next chunk whole, then cut the connection before answering (the answer is lost). */
  dropAfterChunk?: { chunkIndex?: number } | null;
  /** The next `count` API calls (not OAuth) on `path` (or any) answer this 5xx. */
  failNext?: { count: number; status: number; path?: string } | null;
}

export function randomId(prefix: string, bytes = 12): string {
  return `${prefix}${randomBytes(bytes).toString('base64url')}`;
}

export function hexS256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('hex');
}

/** Everything the sandbox knows, in memory. */
export class TikTokWorld {
  readonly apps = new Map<string, TikTokApp>();
  readonly accounts = new Map<string, TikTokAccount>();
  readonly codes = new Map<string, PendingCode>();
  readonly grants = new Map<string, Grant>();
  readonly accessTokens = new Map<string, AccessToken>();
  readonly uploads = new Map<string, Upload>();
  readonly posts: Post[] = [];
  faults: FaultSpec = {};
  readonly #calls = new Map<string, number[]>();

  readonly clock: TikTokClock;
  readonly config: TikTokSandboxConfig;

  constructor(clock: TikTokClock, config: TikTokSandboxConfig) {
    this.clock = clock;
    this.config = config;
  }

  grantByRefresh(refreshToken: string): Grant | null {
    for (const g of this.grants.values()) if (g.refreshToken === refreshToken) return g;
    return null;
  }

  createGrant(clientKey: string, openId: string, scopes: string[]): Grant {
    const grant: Grant = {
      id: randomId('grant-', 6),
      clientKey,
      openId,
      scopes,
      refreshToken: randomId('rft.sandbox-'),
      refreshExpiresAt: this.clock.now() + this.config.refreshTokenLifetimeSec * 1000,
      revoked: false,
      retiredRefreshTokens: [],
    };
    this.grants.set(grant.id, grant);
    return grant;
  }

  /** Rotation as TikTok documents it: a new refresh token, and the one sent stops working. */
  rotate(grant: Grant): void {
    grant.retiredRefreshTokens.push(grant.refreshToken);
    grant.refreshToken = randomId('rft.sandbox-');
    grant.refreshExpiresAt = this.clock.now() + this.config.refreshTokenLifetimeSec * 1000;
  }

  issueAccess(grant: Grant): AccessToken {
    const access: AccessToken = {
      token: randomId('act.sandbox-'),
      grantId: grant.id,
      expiresAt: this.clock.now() + this.config.accessTokenLifetimeSec * 1000,
    };
    this.accessTokens.set(access.token, access);
    return access;
  }

  /** The grant behind a live bearer token, or null. */
  grantFor(token: string): Grant | null {
    const access = this.accessTokens.get(token);
    if (!access || access.expiresAt <= this.clock.now()) return null;
    const grant = this.grants.get(access.grantId);
    return grant && !grant.revoked ? grant : null;
  }

  /** One-minute sliding window per token and endpoint: true when this call is over the limit. */
  overLimit(token: string, endpoint: keyof TikTokSandboxConfig['rateLimits']): boolean {
    const key = `${endpoint}\u0000${token}`;
    const now = this.clock.now();
    const recent = (this.#calls.get(key) ?? []).filter((t) => t > now - 60_000);
    if (recent.length >= this.config.rateLimits[endpoint]) {
      this.#calls.set(key, recent);
      return true;
    }
    recent.push(now);
    this.#calls.set(key, recent);
    return false;
  }

  uploadByToken(uploadToken: string): Upload | null {
    for (const u of this.uploads.values()) if (u.uploadToken === uploadToken) return u;
    return null;
  }

  /** The last chunk arrived: the upload becomes one post, once. */
  complete(upload: Upload): void {
    const bytes = Buffer.concat(upload.chunks);
    upload.postId = randomId('7', 8);
    upload.status = upload.mode === 'direct' ? 'PUBLISH_COMPLETE' : 'SEND_TO_USER_INBOX';
    this.posts.push({
      postId: upload.postId,
      publishId: upload.publishId,
      openId: upload.openId,
      mode: upload.mode,
      byteLength: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      postInfo: upload.postInfo,
    });
  }
}
