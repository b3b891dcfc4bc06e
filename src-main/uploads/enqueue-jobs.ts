import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { AppError } from '../../src-shared/api/errors.ts';
import type { AppErrorShape } from '../../src-shared/domain/app-error.ts';
import type { Db } from '../db/database.ts';
import { FileRefusal } from '../base/regular-file.ts';
import { fingerprint, type Fingerprint } from './file-fingerprint.ts';
import type { JobRepository, NewJob } from './job-repository.ts';
import type { UploadRequest } from './upload-request.ts';
import {
  describeProblems,
  validateFileSize,
  validateMetadata,
  videoContentType,
} from './validate-metadata.ts';

/** Why a file cannot be uploaded at all, checked before anything is sent. */
export function fileProblem(file: string): {
  error: AppErrorShape | null;
  print: Fingerprint | null;
} {
  let print: Fingerprint;
  try {
    print = fingerprint(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT' ? `file ${file} does not exist` : `file: ${(error as Error).message}`;
    return {
      error: { code: 'invalid_file', message, retryable: false },
      print: null,
    };
  }
  const size = validateFileSize(print.size);
  if (size)
    return {
      error: {
        code: 'invalid_file',
        message: `${size.field} ${file} ${size.rule}`,
        retryable: false,
      },
      print,
    };
  if (videoContentType(file) === null)
    return {
      error: {
        code: 'invalid_file',
        message: `file ${file} is not a video type YouTube accepts (by its extension: .mp4, .mov, .mkv, .webm, ...)`,
        retryable: false,
      },
      print,
    };
  return { error: null, print };
}

/**
 * One job per (file, channel), written in one transaction before any network
 * call. A file or metadata that breaks a rule still gets its job, in
 * `failed`, naming the field and the rule. The same unchanged file already
 * queued or uploaded to a channel is not queued twice.
 */
export function enqueueJobs(
  db: Db,
  repo: JobRepository,
  request: UploadRequest,
  now: string,
  /** The API (UI, CLI): a typo'd or foreign channel id is bad input, not a job that fails later. */
  opts: { requireKnownChannels?: boolean } = {},
): { ids: string[]; existing: string[] } {
  const file = resolve(request.file);
  const { error: fileError, print } = fileProblem(file);
  const problems = validateMetadata(request.metadata);
  const error: AppErrorShape | null =
    fileError ??
    (problems.length
      ? { code: 'invalid_metadata', message: describeProblems(problems), retryable: false }
      : null);
  if (!error && request.thumbnail !== null) {
    try {
      fingerprint(request.thumbnail, 'thumbnail');
    } catch (error) {
      const failed = enqueueFailed(db, repo, request, file, print, now, {
        code: 'invalid_metadata',
        message:
          error instanceof FileRefusal && error.reason === 'not_regular'
            ? `thumbnail: ${error.message}`
            : `thumbnail ${request.thumbnail} cannot be read`,
        retryable: false,
      });
      return { ids: failed, existing: [] };
    }
  }
  if (error)
    return { ids: enqueueFailed(db, repo, request, file, print, now, error), existing: [] };
  if (opts.requireKnownChannels) refuseUnknownChannels(db, request.channelIds);
  const ids: string[] = [];
  const existingIds: string[] = [];
  db.transaction(() => {
    for (const channelId of new Set(request.channelIds)) {
      const existing = request.again
        ? undefined
        : (db
            .prepare(
              "SELECT id FROM jobs WHERE file_path = ? AND channel_id = ? AND bytes_total = ? AND file_partial_hash = ? AND state NOT IN ('failed', 'cancelled') LIMIT 1",
            )
            .pluck()
            .get(file, channelId, print!.size, print!.partialHash) as string | undefined);
      if (existing) {
        ids.push(existing);
        existingIds.push(existing);
        continue;
      }
      const job = newJob(request, file, channelId, print, 'queued', null);
      repo.insert(job, now);
      ids.push(job.id);
    }
  })();
  return { ids, existing: existingIds };
}

function refuseUnknownChannels(db: Db, channelIds: readonly string[]): void {
  const known = db.prepare('SELECT 1 FROM channels WHERE id = ?').pluck();
  const unknown = [...new Set(channelIds)].filter((id) => known.get(id) === undefined);
  if (unknown.length === 0) return;
  throw new AppError(
    'unknown_channel',
    `Unknown channel ${unknown.join(', ')}: no channel with ${unknown.length > 1 ? 'these ids' : 'this id'} is connected to Dropline. \`dropline channels\` lists yours; connect one with \`dropline connect\`.`,
  );
}

function newJob(
  request: UploadRequest,
  file: string,
  channelId: string,
  print: Fingerprint | null,
  state: 'queued' | 'failed',
  error: AppErrorShape | null,
): NewJob {
  return {
    id: randomUUID(),
    file,
    channelId,
    bytesTotal: print?.size ?? 0,
    metadata: request.metadata,
    thumbnail: request.thumbnail ? resolve(request.thumbnail) : null,
    source: request.source,
    contentType: videoContentType(file) ?? 'application/octet-stream',
    fileMtimeMs: print?.mtimeMs ?? 0,
    filePartialHash: print?.partialHash ?? '',
    state,
    error,
  };
}

function enqueueFailed(
  db: Db,
  repo: JobRepository,
  request: UploadRequest,
  file: string,
  print: Fingerprint | null,
  now: string,
  error: AppErrorShape,
): string[] {
  const ids: string[] = [];
  db.transaction(() => {
    for (const channelId of new Set(request.channelIds)) {
      const job = newJob(request, file, channelId, print, 'failed', error);
      repo.insert(job, now);
      ids.push(job.id);
    }
  })();
  return ids;
}
