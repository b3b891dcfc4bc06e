import type { Db } from '../../db/database.ts';
import type { SecretRef, SecretStore } from '../../vault/secret-store.ts';
import type { ChunkPlan } from './chunk-plan.ts';

export interface TikTokUploadRecord extends ChunkPlan {
  jobId: string;
  publishId: string;
  mode: 'direct' | 'inbox';
  chunksAcked: number;
  urlExpiresAt: number;
  inits: number;
}

interface Row {
  job_id: string;
  publish_id: string;
  mode: 'direct' | 'inbox';
  chunk_size: number;
  total_chunks: number;
  chunks_acked: number;
  url_expires_at: number;
  inits: number;
}

const urlRef = (jobId: string): SecretRef => ({ kind: 'upload_session', id: `tiktok:${jobId}` });

/**
 * Where a TikTok upload stands: written in one transaction with its
 * upload_url (the vault: whoever holds it can send bytes into the post)
 * before the first byte, and after each acknowledged chunk.
 */
export class TikTokUploadRepository {
  readonly #db: Db;
  readonly #secrets: SecretStore;
  constructor(db: Db, secrets: SecretStore) {
    this.#db = db;
    this.#secrets = secrets;
  }

  get(jobId: string, videoSize: number): TikTokUploadRecord | null {
    const r = this.#db.prepare('SELECT * FROM tiktok_uploads WHERE job_id = ?').get(jobId) as
      Row | undefined;
    if (!r) return null;
    return {
      jobId: r.job_id,
      publishId: r.publish_id,
      mode: r.mode,
      videoSize,
      chunkSize: r.chunk_size,
      totalChunkCount: r.total_chunks,
      chunksAcked: r.chunks_acked,
      urlExpiresAt: r.url_expires_at,
      inits: r.inits,
    };
  }

  uploadUrl(jobId: string): string | null {
    return this.#secrets.get(urlRef(jobId))?.toString('utf8') ?? null;
  }

  started(u: Omit<TikTokUploadRecord, 'chunksAcked'>, uploadUrl: string, at: string): void {
    this.#db.transaction(() => {
      this.#secrets.put(urlRef(u.jobId), Buffer.from(uploadUrl, 'utf8'));
      this.#db
        .prepare(
          `INSERT INTO tiktok_uploads (job_id, publish_id, mode, chunk_size, total_chunks, chunks_acked, url_expires_at, inits, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?)
           ON CONFLICT (job_id) DO UPDATE SET publish_id = excluded.publish_id, mode = excluded.mode,
             chunk_size = excluded.chunk_size, total_chunks = excluded.total_chunks, chunks_acked = 0,
             url_expires_at = excluded.url_expires_at, inits = excluded.inits, updated_at = excluded.updated_at`,
        )
        .run(
          u.jobId,
          u.publishId,
          u.mode,
          u.chunkSize,
          u.totalChunkCount,
          u.urlExpiresAt,
          u.inits,
          at,
          at,
        );
    })();
  }

  acked(jobId: string, chunksAcked: number, at: string): void {
    this.#db
      .prepare('UPDATE tiktok_uploads SET chunks_acked = ?, updated_at = ? WHERE job_id = ?')
      .run(chunksAcked, at, jobId);
  }

  /** TikTok said the URL is gone: only a new init can go on. */
  expired(jobId: string, at: string): void {
    this.#db.transaction(() => {
      this.#secrets.delete(urlRef(jobId));
      this.#db
        .prepare('UPDATE tiktok_uploads SET url_expires_at = 0, updated_at = ? WHERE job_id = ?')
        .run(at, jobId);
    })();
  }

  finished(jobId: string): void {
    this.#secrets.delete(urlRef(jobId));
  }
}
