import { z } from 'zod';
import { randomBytes } from 'node:crypto';
import type { SecretRef, SecretStore } from '../vault/secret-store.ts';
import type { AppErrorShape } from '../../src-shared/domain/app-error.ts';
import {
  JobCaptionSchema,
  JobSchema,
  type Job,
  type JobCaption,
  type JobState,
  type StepState,
  type WaitReason,
} from '../../src-shared/domain/job.ts';
import { VideoMetadataSchema, type VideoMetadata } from '../../src-shared/domain/metadata.ts';
import type { Db } from '../db/database.ts';

/** A job row with the engine-only fields (session URI, fingerprint) the API never shows. */
export interface JobRecord extends Job {
  sessionUri: string | null;
  contentType: string;
  fileMtimeMs: number;
  filePartialHash: string;
  nextAttemptAt: number | null;
  /** The schedule slot's instant (ms), or null. */
  slotMs: number | null;
}

interface Row {
  id: string;
  file_path: string;
  channel_id: string;
  state: string;
  bytes_sent: number;
  bytes_total: number;
  video_id: string | null;
  error: string | null;
  created_at: string;
  updated_at: string;
  metadata: string;
  thumbnail_path: string | null;
  content_type: string;
  file_mtime_ms: number;
  file_partial_hash: string;
  session_uri: string | null;
  attempts: number;
  wait_reason: string | null;
  next_attempt_at: number | null;
  thumbnail_step: string;
  playlist_step: string;
  captions: string;
  warnings: string;
  slot_ms: number | null;
}

function fromRow(row: Row): JobRecord {
  const metadata = VideoMetadataSchema.parse(JSON.parse(row.metadata));
  const job = JobSchema.parse({
    id: row.id,
    file: row.file_path,
    channelId: row.channel_id,
    state: row.state,
    bytesSent: row.bytes_sent,
    bytesTotal: row.bytes_total,
    videoId: row.video_id,
    error: row.error ? JSON.parse(row.error) : null,
    title: metadata.title,
    metadata,
    thumbnail: row.thumbnail_path,
    waitReason: row.wait_reason,
    waitUntil: row.next_attempt_at === null ? null : new Date(row.next_attempt_at).toISOString(),
    thumbnailStep: row.thumbnail_step,
    playlistStep: row.playlist_step,
    captions: z.array(JobCaptionSchema).parse(JSON.parse(row.captions)),
    warnings: JSON.parse(row.warnings),
    slotAt: row.slot_ms === null ? null : new Date(row.slot_ms).toISOString(),
    attempts: row.attempts,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
  return {
    ...job,
    sessionUri: row.session_uri,
    contentType: row.content_type,
    fileMtimeMs: row.file_mtime_ms,
    filePartialHash: row.file_partial_hash,
    nextAttemptAt: row.next_attempt_at,
    slotMs: row.slot_ms,
  };
}

/** Strips engine-only fields before a job crosses the API. */
export function publicJob(record: JobRecord): Job {
  return JobSchema.parse(record);
}

export interface NewJob {
  id: string;
  file: string;
  channelId: string;
  bytesTotal: number;
  metadata: VideoMetadata;
  thumbnail: string | null;
  source: unknown;
  contentType: string;
  fileMtimeMs: number;
  filePartialHash: string;
  state: JobState;
  error: AppErrorShape | null;
  captions: JobCaption[];
  warnings: string[];
  slotMs: number | null;
}

/** Every field a single update may change; anything left out stays as it is. */
export interface JobPatch {
  state?: JobState;
  bytesSent?: number;
  videoId?: string | null;
  error?: AppErrorShape | null;
  sessionUri?: string | null;
  attempts?: number;
  waitReason?: WaitReason | null;
  nextAttemptAt?: number | null;
  thumbnailStep?: StepState;
  playlistStep?: StepState;
  completedAt?: string | null;
  captions?: JobCaption[];
  metadata?: VideoMetadata;
  slotMs?: number | null;
  warnings?: string[];
}

const columns: Record<keyof JobPatch, string> = {
  state: 'state',
  bytesSent: 'bytes_sent',
  videoId: 'video_id',
  error: 'error',
  sessionUri: 'session_uri',
  attempts: 'attempts',
  waitReason: 'wait_reason',
  nextAttemptAt: 'next_attempt_at',
  thumbnailStep: 'thumbnail_step',
  playlistStep: 'playlist_step',
  completedAt: 'completed_at',
  captions: 'captions',
  metadata: 'metadata',
  slotMs: 'slot_ms',
  warnings: 'warnings',
};

const jsonColumns = new Set<keyof JobPatch>(['captions', 'metadata', 'warnings']);
/** In the `session_uri` column when the URI itself is in the vault; the nonce tells sessions apart. */
const IN_VAULT = 'vault:';

const sessionRef = (jobId: string): SecretRef => ({ kind: 'upload_session', id: jobId });

/** The queue's order: a job moved up starts before those below it; ties by age. */
const QUEUE_ORDER = 'position, created_at, rowid';

export class JobRepository {
  readonly #db: Db;
  readonly #secrets: SecretStore | null;

  /**
   * With `secrets`, a resumable session URI is a credential like a token (its
   * holder can send bytes into the upload): it is kept encrypted in the vault,
   * and the job row only says that it has one. Without, it stays in the row.
   */
  constructor(db: Db, secrets: SecretStore | null = null) {
    this.#db = db;
    this.#secrets = secrets;
  }

  /** The session URI to talk to; throws a (retryable) VaultError while the vault is locked. */
  sessionUriOf(job: JobRecord): string {
    const stored = job.sessionUri;
    if (stored === null) throw new Error(`job ${job.id} has no upload session`);
    // Rows written before the URI moved to the vault hold it in plain text.
    if (!stored.startsWith(IN_VAULT) || this.#secrets === null) return stored;
    const uri = this.#secrets.get(sessionRef(job.id));
    if (uri === null) throw new Error(`the upload session of job ${job.id} is missing`);
    return uri.toString('utf8');
  }

  insert(job: NewJob, at: string): void {
    this.#db
      .prepare(
        `INSERT INTO jobs (id, file_path, channel_id, state, bytes_sent, bytes_total, error, created_at,
           updated_at, metadata, thumbnail_path, source, content_type, file_mtime_ms, file_partial_hash,
           thumbnail_step, playlist_step, captions, warnings, slot_ms, position)
         VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
           (SELECT COALESCE(MAX(position), 0) + 1 FROM jobs))`,
      )
      .run(
        job.id,
        job.file,
        job.channelId,
        job.state,
        job.bytesTotal,
        job.error ? JSON.stringify(job.error) : null,
        at,
        at,
        JSON.stringify(job.metadata),
        job.thumbnail,
        JSON.stringify(job.source),
        job.contentType,
        job.fileMtimeMs,
        job.filePartialHash,
        job.thumbnail ? 'pending' : 'none',
        job.metadata.playlistId ? 'pending' : 'none',
        JSON.stringify(job.captions),
        JSON.stringify(job.warnings),
        job.slotMs,
      );
  }

  get(id: string): JobRecord | null {
    const row = this.#db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /** The queue: every job not cleared from it (a cleared one lives on in the history). */
  list(): JobRecord[] {
    return (
      this.#db
        .prepare(`SELECT * FROM jobs WHERE cleared_at IS NULL ORDER BY ${QUEUE_ORDER}`)
        .all() as Row[]
    ).map(fromRow);
  }

  /** Takes done jobs off the queue's list; their rows stay (history, "already uploaded"). */
  clearDone(at: string): string[] {
    return this.#db
      .prepare(
        "UPDATE jobs SET cleared_at = ? WHERE state = 'done' AND cleared_at IS NULL RETURNING id",
      )
      .pluck()
      .all(at) as string[];
  }

  listByChannel(channelId: string): JobRecord[] {
    return (
      this.#db
        .prepare(`SELECT * FROM jobs WHERE channel_id = ? ORDER BY ${QUEUE_ORDER}`)
        .all(channelId) as Row[]
    ).map(fromRow);
  }

  /** Jobs the scheduler may start, in queue order. */
  candidates(): JobRecord[] {
    return (
      this.#db
        .prepare(
          `SELECT * FROM jobs WHERE state IN ('queued', 'uploading', 'processing', 'waiting') ORDER BY ${QUEUE_ORDER}`,
        )
        .all() as Row[]
    ).map(fromRow);
  }

  update(id: string, patch: JobPatch, at: string): JobRecord {
    if (this.#secrets === null || (patch.sessionUri === undefined && patch.state !== 'done'))
      return this.#update(id, patch, at);
    const secrets = this.#secrets;
    return this.#db.transaction(() => {
      const stored = { ...patch };
      if (typeof patch.sessionUri === 'string') {
        secrets.put(sessionRef(id), Buffer.from(patch.sessionUri, 'utf8'));
        stored.sessionUri = `${IN_VAULT}${randomBytes(6).toString('hex')}`;
      } else if (patch.sessionUri === null || patch.state === 'done') {
        // Done: the session is spent; null: a new one is about to start.
        secrets.delete(sessionRef(id));
      }
      return this.#update(id, stored, at);
    })();
  }

  #update(id: string, patch: JobPatch, at: string): JobRecord {
    const sets: string[] = ['updated_at = ?'];
    const values: unknown[] = [at];
    for (const [key, value] of Object.entries(patch) as [keyof JobPatch, unknown][]) {
      if (value === undefined) continue;
      sets.push(`${columns[key]} = ?`);
      values.push(
        (key === 'error' && value !== null) || jsonColumns.has(key) ? JSON.stringify(value) : value,
      );
    }
    this.#db.prepare(`UPDATE jobs SET ${sets.join(', ')} WHERE id = ?`).run(...values, id);
    const job = this.get(id);
    if (!job) throw new Error(`job ${id} vanished`);
    return job;
  }

  /** The channel's jobs that fill a schedule slot, for the slot planner and the schedule view. */
  slotted(channelId: string): JobRecord[] {
    return (
      this.#db
        .prepare(
          'SELECT * FROM jobs WHERE channel_id = ? AND slot_ms IS NOT NULL ORDER BY slot_ms, rowid',
        )
        .all(channelId) as Row[]
    ).map(fromRow);
  }

  /** New details for a job whose upload has not started; its post steps follow the details. */
  updateDetails(id: string, metadata: VideoMetadata, thumbnail: string | null, at: string): void {
    this.#db
      .prepare(
        `UPDATE jobs SET metadata = ?, thumbnail_path = ?, thumbnail_step = ?, playlist_step = ?, updated_at = ?
         WHERE id = ?`,
      )
      .run(
        JSON.stringify(metadata),
        thumbnail,
        thumbnail ? 'pending' : 'none',
        metadata.playlistId ? 'pending' : 'none',
        at,
        id,
      );
  }

  remove(ids: readonly string[]): void {
    const del = this.#db.prepare('DELETE FROM jobs WHERE id = ?');
    this.#db.transaction(() => ids.forEach((id) => del.run(id)))();
  }

  /** Every job id in queue order. */
  order(): string[] {
    return this.#db
      .prepare(`SELECT id FROM jobs ORDER BY ${QUEUE_ORDER}`)
      .pluck()
      .all() as string[];
  }

  position(id: string): number {
    return this.#db.prepare('SELECT position FROM jobs WHERE id = ?').pluck().get(id) as number;
  }

  setPosition(id: string, position: number): void {
    this.#db.prepare('UPDATE jobs SET position = ? WHERE id = ?').run(position, id);
  }

  /** The lowest or highest position in use. */
  edgePosition(edge: 'min' | 'max'): number {
    return (
      (this.#db.prepare(`SELECT ${edge.toUpperCase()}(position) FROM jobs`).pluck().get() as
        number | null) ?? 0
    );
  }

  holds(now: number): { channelId: string; until: number; reason: string }[] {
    return (
      this.#db
        .prepare('SELECT channel_id, until_ms, reason FROM channel_holds WHERE until_ms > ?')
        .all(now) as { channel_id: string; until_ms: number; reason: string }[]
    ).map((r) => ({ channelId: r.channel_id, until: r.until_ms, reason: r.reason }));
  }

  hold(channelId: string, until: number, reason: string): void {
    this.#db
      .prepare(
        'INSERT INTO channel_holds (channel_id, until_ms, reason) VALUES (?, ?, ?) ON CONFLICT(channel_id) DO UPDATE SET until_ms = excluded.until_ms, reason = excluded.reason',
      )
      .run(channelId, until, reason);
  }
}
