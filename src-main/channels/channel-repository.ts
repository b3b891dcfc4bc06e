import type { Db } from '../db/database.ts';

/** What is stored per channel; `refreshing` and token expiry live in memory only. */
export type StoredStatus = 'connected' | 'needs_reconsent' | 'disconnected';

export interface ChannelRecord {
  id: string;
  title: string;
  handle: string | null;
  avatarUrl: string | null;
  customThumbnails: boolean | null;
  googleAccount: string | null;
  clientId: string | null;
  status: StoredStatus;
  connectedAt: string;
  lastRefreshAt: string | null;
  lastRefreshOutcome: 'ok' | 'failed' | null;
  grantExpiresAt: string | null;
  /** The last advance notice of the grant's end (hours before it), null when none was sent. */
  grantNoticeHours: number | null;
  lastCheckAt: string | null;
  lastCheckOutcome: CheckOutcome | null;
}

export type CheckOutcome = 'ok' | 'needs_reconsent' | 'unreachable';

export interface ChannelProfile {
  id: string;
  title: string;
  handle: string | null;
  avatarUrl: string | null;
  customThumbnails: boolean | null;
  googleAccount: string | null;
  clientId: string | null;
}

interface Row {
  id: string;
  title: string;
  handle: string | null;
  avatar_url: string | null;
  custom_thumbnails: number | null;
  google_account: string | null;
  client_id: string | null;
  status: StoredStatus;
  connected_at: string;
  last_refresh_at: string | null;
  last_refresh_outcome: 'ok' | 'failed' | null;
  grant_expires_at: string | null;
  grant_notice_hours: number | null;
  last_check_at: string | null;
  last_check_outcome: CheckOutcome | null;
}

function fromRow(r: Row): ChannelRecord {
  return {
    id: r.id,
    title: r.title,
    handle: r.handle,
    avatarUrl: r.avatar_url,
    customThumbnails: r.custom_thumbnails === null ? null : r.custom_thumbnails === 1,
    googleAccount: r.google_account,
    clientId: r.client_id,
    status: r.status,
    connectedAt: r.connected_at,
    lastRefreshAt: r.last_refresh_at,
    lastRefreshOutcome: r.last_refresh_outcome,
    grantExpiresAt: r.grant_expires_at,
    grantNoticeHours: r.grant_notice_hours,
    lastCheckAt: r.last_check_at,
    lastCheckOutcome: r.last_check_outcome,
  };
}

export class ChannelRepository {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  all(): ChannelRecord[] {
    return (
      this.#db.prepare('SELECT * FROM channels ORDER BY title COLLATE NOCASE, id').all() as Row[]
    ).map(fromRow);
  }

  get(id: string): ChannelRecord | null {
    const row = this.#db.prepare('SELECT * FROM channels WHERE id = ?').get(id) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /** Insert or, on reconnect, refresh the profile and mark connected: one row per channel id. */
  upsertConnected(profile: ChannelProfile, at: string): { reconnected: boolean } {
    const existed = this.get(profile.id) !== null;
    this.#db
      .prepare(
        `INSERT INTO channels (id, title, handle, avatar_url, custom_thumbnails, google_account, client_id, status, connected_at, updated_at)
         VALUES (@id, @title, @handle, @avatarUrl, @thumbs, @googleAccount, @clientId, 'connected', @at, @at)
         ON CONFLICT(id) DO UPDATE SET title = excluded.title, handle = excluded.handle,
           avatar_url = excluded.avatar_url, custom_thumbnails = excluded.custom_thumbnails,
           google_account = COALESCE(excluded.google_account, channels.google_account),
           client_id = excluded.client_id, status = 'connected', connected_at = excluded.connected_at,
           updated_at = excluded.updated_at, disconnected_at = NULL`,
      )
      .run({
        ...profile,
        thumbs: profile.customThumbnails === null ? null : profile.customThumbnails ? 1 : 0,
        at,
      });
    return { reconnected: existed };
  }

  setStatus(id: string, status: StoredStatus, at: string): void {
    this.#db
      .prepare(
        `UPDATE channels SET status = ?, updated_at = ?, disconnected_at = CASE WHEN ? = 'disconnected' THEN ? ELSE disconnected_at END WHERE id = ?`,
      )
      .run(status, at, status, at, id);
  }

  recordRefresh(id: string, outcome: 'ok' | 'failed', at: string): void {
    this.#db
      .prepare(
        'UPDATE channels SET last_refresh_at = ?, last_refresh_outcome = ?, updated_at = ? WHERE id = ?',
      )
      .run(at, outcome, at, id);
  }

  /** When Google says the grant ends (null: no end); a new end clears the advance-notice mark. */
  setGrantExpiry(id: string, expiresAt: string | null): void {
    this.#db
      .prepare(
        `UPDATE channels SET grant_notice_hours = CASE WHEN grant_expires_at IS ? THEN grant_notice_hours ELSE NULL END,
           grant_expires_at = ? WHERE id = ?`,
      )
      .run(expiresAt, expiresAt, id);
  }

  markGrantNotice(id: string, hours: number): void {
    this.#db.prepare('UPDATE channels SET grant_notice_hours = ? WHERE id = ?').run(hours, id);
  }

  recordCheck(id: string, outcome: CheckOutcome, at: string): void {
    this.#db
      .prepare('UPDATE channels SET last_check_at = ?, last_check_outcome = ? WHERE id = ?')
      .run(at, outcome, id);
  }
}
