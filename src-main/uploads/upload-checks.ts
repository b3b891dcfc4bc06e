import { statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { AppError } from '../../src-shared/api/errors.ts';
import type { FileCheck, NewUpload } from '../../src-shared/api/job-edits.ts';
import { classifyName } from '../../src-shared/watch/file-kinds.ts';
import { fileProblem } from './enqueue-jobs.ts';
import type { UploadEnqueuer } from './upload-request.ts';
import { describeProblems, validateMetadata } from './validate-metadata.ts';

/** Each video as the Add upload form needs to know it before queueing. */
export function checkFiles(paths: readonly string[]): FileCheck[] {
  return paths.map((path) => {
    if (!isAbsolute(path))
      return { path, problem: `${path} is not a full path (start it at /)`, size: null };
    const { error, print } = fileProblem(path);
    return { path, problem: error?.message ?? null, size: print?.size ?? null };
  });
}

function thumbnailProblem(path: string): string | null {
  if (classifyName(path) !== 'image') return `thumbnail ${path} is not a JPEG or PNG image`;
  try {
    if (!statSync(path).isFile()) return `thumbnail ${path} is not a file`;
  } catch {
    return `thumbnail ${path} does not exist`;
  }
  return null;
}

/**
 * The UI's way in: every upload is checked first (file, thumbnail, every
 * field), and a single problem refuses the whole request with every problem
 * named, so a mistake never becomes a failed job.
 */
export function addUploads(enqueuer: UploadEnqueuer, uploads: readonly NewUpload[]): string[] {
  const problems: string[] = [];
  for (const u of uploads) {
    const [file] = checkFiles([u.file]);
    if (file?.problem) problems.push(file.problem);
    const meta = validateMetadata(u.metadata);
    if (meta.length) problems.push(`${u.channelId}: ${describeProblems(meta)}`);
    const thumb = u.thumbnail && thumbnailProblem(u.thumbnail);
    if (thumb) problems.push(thumb);
  }
  if (problems.length) throw new AppError('invalid_input', [...new Set(problems)].join('; '));
  return uploads.flatMap((u) =>
    enqueuer.enqueue({
      file: resolve(u.file),
      channelIds: [u.channelId],
      metadata: u.metadata,
      thumbnail: u.thumbnail,
      source: { kind: 'ui' },
    }),
  );
}
