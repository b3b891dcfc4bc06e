import type { Db } from '../../db/database.ts';
import type { CreatorInfo } from './tiktok-api.ts';

export type TikTokAccountStatus = 'connected' | 'refreshing' | 'needs_reconsent' | 'disconnected';

export interface TikTokAccountRecord {
  openId: string;
  username: string;
  nickname: string;
  avatarUrl: string | null;
  status: TikTokAccountStatus;
  scopes: string[];
  refreshExpiresAt: number | null;
  creatorInfo: CreatorInfo | null;
  lastError: string | null;
  connectedAt: string;
}

interface Row {
  open_id: string;
  username: string;
  nickname: string;
  avatar_url: string | null;
  status: TikTokAccountStatus;
  scopes: string;
  refresh_expires_at: number | null;
  creator_info: string | null;
  last_error: string | null;
  connected_at: string;
}

function record(r: Row): TikTokAccountRecord {
  return {
    openId: r.open_id,
    username: r.username,
    nickname: r.nickname,
    avatarUrl: r.avatar_url,
    status: r.status,
    scopes: r.scopes ? r.scopes.split(',') : [],
    refreshExpiresAt: r.refresh_expires_at,
    creatorInfo: r.creator_info ? (JSON.parse(r.creator_info) as CreatorInfo) : null,
    lastError: r.last_error,
    connectedAt: r.connected_at,
  };
}

export class TikTokAccountRepository {
  readonly #db: Db;
  constructor(db: Db) {
    this.#db = db;
  }

  list(): TikTokAccountRecord[] {
    return (this.#db.prepare('SELECT * FROM tiktok_accounts ORDER BY nickname').all() as Row[]).map(
      record,
    );
  }

  get(openId: string): TikTokAccountRecord | null {
    const row = this.#db.prepare('SELECT * FROM tiktok_accounts WHERE open_id = ?').get(openId) as
      Row | undefined;
    return row ? record(row) : null;
  }

  /** By open_id or @username, as the CLI's `tiktok:<account>` names it. */
  find(name: string): TikTokAccountRecord | null {
    const bare = name.replace(/^@/, '');
    const row = this.#db
      .prepare('SELECT * FROM tiktok_accounts WHERE open_id = ? OR username = ? LIMIT 1')
      .get(bare, bare) as Row | undefined;
    return row ? record(row) : null;
  }

  upsert(a: {
    openId: string;
    info: CreatorInfo;
    scopes: string[];
    refreshExpiresAt: number;
    at: string;
  }): void {
    this.#db
      .prepare(
        `INSERT INTO tiktok_accounts (open_id, username, nickname, avatar_url, status, scopes, refresh_expires_at, creator_info, last_error, connected_at, updated_at)
         VALUES (?, ?, ?, ?, 'connected', ?, ?, ?, NULL, ?, ?)
         ON CONFLICT (open_id) DO UPDATE SET username = excluded.username, nickname = excluded.nickname,
           avatar_url = excluded.avatar_url, status = 'connected', scopes = excluded.scopes,
           refresh_expires_at = excluded.refresh_expires_at, creator_info = excluded.creator_info,
           last_error = NULL, updated_at = excluded.updated_at`,
      )
      .run(
        a.openId,
        a.info.creator_username,
        a.info.creator_nickname,
        a.info.creator_avatar_url,
        a.scopes.join(','),
        a.refreshExpiresAt,
        JSON.stringify(a.info),
        a.at,
        a.at,
      );
  }

  tokensSaved(openId: string, refreshExpiresAt: number, scopes: string[], at: string): void {
    this.#db
      .prepare(
        "UPDATE tiktok_accounts SET refresh_expires_at = ?, scopes = ?, status = 'connected', last_error = NULL, updated_at = ? WHERE open_id = ?",
      )
      .run(refreshExpiresAt, scopes.join(','), at, openId);
  }

  creatorInfoSaved(openId: string, info: CreatorInfo, at: string): void {
    this.#db
      .prepare(
        'UPDATE tiktok_accounts SET creator_info = ?, nickname = ?, username = ?, avatar_url = ?, updated_at = ? WHERE open_id = ?',
      )
      .run(
        JSON.stringify(info),
        info.creator_nickname,
        info.creator_username,
        info.creator_avatar_url,
        at,
        openId,
      );
  }

  setStatus(
    openId: string,
    status: TikTokAccountStatus,
    lastError: string | null,
    at: string,
  ): void {
    this.#db
      .prepare(
        'UPDATE tiktok_accounts SET status = ?, last_error = ?, updated_at = ? WHERE open_id = ?',
      )
      .run(status, lastError, at, openId);
  }
}
