import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../src-shared/api/errors.ts';
import type { AppErrorShape } from '../../src-shared/domain/app-error.ts';
import type { JobCaption } from '../../src-shared/domain/job.ts';
import type { VideoMetadata } from '../../src-shared/domain/metadata.ts';
import { captionProblem } from '../../src-shared/watch/captions.ts';
import { metadataWarnings } from '../../src-shared/publishing/warnings.ts';
import type { Db } from '../db/database.ts';
import { FileRefusal } from '../base/regular-file.ts';
import { fingerprint, type Fingerprint } from './file-fingerprint.ts';
import type { JobRepository, NewJob } from './job-repository.ts';
import type { SlotPlanner, UploadRequest } from './upload-request.ts';
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

/** The request's captions as job steps, or the first reason one cannot be sent. */
function captionsOf(request: UploadRequest): { captions: JobCaption[]; problem: string | null } {
  const captions: JobCaption[] = [];
  const seen = new Set<string>();
  for (const c of request.captions ?? []) {
    const file = resolve(c.file);
    const size = statSync(file, { throwIfNoEntry: false });
    const problem = captionProblem(
      { file, language: c.language },
      size?.isFile() ? size.size : null,
    );
    if (problem) return { captions, problem };
    const key = `${c.language.toLowerCase()}\u0000${c.name ?? ''}`;
    if (seen.has(key))
      return {
        captions,
        problem: `two captions for language ${c.language}${c.name ? ` named "${c.name}"` : ''}; YouTube keeps one track per language and name`,
      };
    seen.add(key);
    captions.push({
      file,
      language: c.language,
      name: c.name ?? '',
      state: 'pending',
      captionId: null,
    });
  }
  return { captions, problem: null };
}

/** A scheduled job is private until its slot, as YouTube requires for publishAt. */
function atSlot(metadata: VideoMetadata, slotMs: number): VideoMetadata {
  return { ...metadata, privacy: 'private', publishAt: new Date(slotMs).toISOString() };
}

/**
 * One job per (file, channel), written in one transaction before any network
 * call. A file or metadata that breaks a rule still gets its job, in
 * `failed`, naming the field and the rule. The same unchanged file already
 * queued or uploaded to a channel is not queued twice. With a schedule, each
 * channel's job takes that channel's next free slot in the same transaction.
 */
export function enqueueJobs(
  db: Db,
  repo: JobRepository,
  request: UploadRequest,
  now: string,
  planner: SlotPlanner | null = null,
  /** The API (UI, CLI): a typo'd or foreign channel id is bad input, not a job that fails later. */
  opts: { requireKnownChannels?: boolean } = {},
): { ids: string[]; existing: string[] } {
  const file = resolve(request.file);
  const { error: fileError, print } = fileProblem(file);
  const problems = validateMetadata(request.metadata);
  const { captions, problem: captionError } = captionsOf(request);
  const error: AppErrorShape | null =
    fileError ??
    (problems.length
      ? { code: 'invalid_metadata', message: describeProblems(problems), retryable: false }
      : null) ??
    (captionError ? { code: 'invalid_metadata', message: captionError, retryable: false } : null);
  const extras = { captions, warnings: metadataWarnings(request.metadata) };
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
  const schedule = request.schedule ?? null;
  if (schedule !== null && planner === null)
    throw new AppError('invalid_input', 'schedule: this engine has no schedules.');
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
      let slotMs: number | null = null;
      if (schedule !== null) {
        slotMs = (planner as SlotPlanner).nextSlot(channelId, schedule, Date.parse(now));
        if (slotMs === null)
          throw new AppError(
            'invalid_input',
            schedule === 'channel'
              ? `schedule: channel ${channelId} has no publishing schedule; set one first (dropline schedule set ${channelId} --rrule ... --tz ...).`
              : `schedule: no slot of this schedule comes after now.`,
          );
      }
      const job = newJob(request, file, channelId, print, 'queued', null, { ...extras, slotMs });
      repo.insert(job, now);
      ids.push(job.id);
    }
  })();
  return { ids, existing: existingIds };
}

function refuseUnknownChannels(db: Db, channelIds: readonly string[]): void {
  // A TikTok account is the destination `tiktok:<open_id>` (migration 014).
  const known = db
    .prepare(
      "SELECT 1 FROM channels WHERE id = @id UNION ALL SELECT 1 FROM tiktok_accounts WHERE 'tiktok:' || open_id = @id AND status != 'disconnected'",
    )
    .pluck();
  const unknown = [...new Set(channelIds)].filter((id) => known.get({ id }) === undefined);
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
  extras: { captions: JobCaption[]; warnings: string[]; slotMs: number | null },
): NewJob {
  return {
    id: randomUUID(),
    file,
    channelId,
    bytesTotal: print?.size ?? 0,
    metadata: extras.slotMs === null ? request.metadata : atSlot(request.metadata, extras.slotMs),
    captions: extras.captions,
    warnings: extras.warnings,
    slotMs: extras.slotMs,
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
      const job = newJob(request, file, channelId, print, 'failed', error, {
        captions: [],
        warnings: [],
        slotMs: null,
      });
      repo.insert(job, now);
      ids.push(job.id);
    }
  })();
  return ids;
}
