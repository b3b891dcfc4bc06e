import type { VideoMetadata } from '../../src-shared/domain/metadata.ts';

/** One broken rule, named by field, so the job (and the CLI) can say exactly what to fix. */
export interface MetadataProblem {
  field: string;
  rule: string;
}

/** Limits of google-facts.md ("Video metadata", "Resumable upload protocol"). */
export const limits = {
  titleChars: 100,
  descriptionBytes: 5000,
  tagsChars: 500,
  maxFileBytes: 274_877_906_944,
} as const;

const angle = /[<>]/;

/**
 * YouTube's count for the tags field: the tags joined by commas, where a tag
 * with a space counts as if it were wrapped in quotes (+2).
 */
export function tagsLength(tags: readonly string[]): number {
  if (tags.length === 0) return 0;
  const chars = tags.reduce((sum, tag) => sum + [...tag].length + (tag.includes(' ') ? 2 : 0), 0);
  return chars + (tags.length - 1);
}

export function validateMetadata(m: VideoMetadata): MetadataProblem[] {
  const problems: MetadataProblem[] = [];
  const titleChars = [...m.title].length;
  if (m.title.trim() === '') problems.push({ field: 'title', rule: 'is required' });
  if (titleChars > limits.titleChars)
    problems.push({
      field: 'title',
      rule: `must be at most ${limits.titleChars} characters (it has ${titleChars})`,
    });
  if (angle.test(m.title)) problems.push({ field: 'title', rule: 'must not contain < or >' });
  const descriptionBytes = new TextEncoder().encode(m.description).length;
  if (descriptionBytes > limits.descriptionBytes)
    problems.push({
      field: 'description',
      rule: `must be at most ${limits.descriptionBytes} bytes in UTF-8 (it has ${descriptionBytes})`,
    });
  if (angle.test(m.description))
    problems.push({ field: 'description', rule: 'must not contain < or >' });
  const tagCount = tagsLength(m.tags);
  if (tagCount > limits.tagsChars)
    problems.push({
      field: 'tags',
      rule: `must total at most ${limits.tagsChars} characters counted as YouTube does (commas count, a tag with a space counts 2 more); they total ${tagCount}`,
    });
  m.tags.forEach((tag, i) => {
    if (tag.trim() === '') problems.push({ field: `tags[${i}]`, rule: 'must not be empty' });
    if (angle.test(tag)) problems.push({ field: `tags[${i}]`, rule: 'must not contain < or >' });
  });
  if (!/^\d+$/.test(m.categoryId))
    problems.push({ field: 'categoryId', rule: 'must be a numeric YouTube category id' });
  if (m.publishAt !== null) {
    if (m.privacy !== 'private')
      problems.push({
        field: 'publishAt',
        rule: `needs privacy "private" (it is "${m.privacy}"); YouTube makes the video public at that time`,
      });
    if (!/^\d{4}-\d{2}-\d{2}T/.test(m.publishAt) || Number.isNaN(Date.parse(m.publishAt)))
      problems.push({ field: 'publishAt', rule: 'must be an ISO 8601 date and time' });
  }
  return problems;
}

const videoExtensions = new Set([
  'mp4',
  'm4v',
  'mov',
  'mkv',
  'webm',
  'avi',
  'wmv',
  'flv',
  'mpg',
  'mpeg',
  'mpeg4',
  '3gp',
  '3gpp',
  'mts',
  'm2ts',
  'ts',
  'ogv',
  'dnxhd',
  'prores',
  'cineform',
  'hevc',
  'vob',
  'mxf',
]);

/** The MIME type sent as X-Upload-Content-Type, or null when the file is not a video YouTube takes. */
export function videoContentType(file: string): string | null {
  const ext = file.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (!ext || !videoExtensions.has(ext)) return null;
  const known: Record<string, string> = {
    mp4: 'video/mp4',
    m4v: 'video/mp4',
    mov: 'video/quicktime',
    webm: 'video/webm',
    mkv: 'video/x-matroska',
    avi: 'video/x-msvideo',
  };
  return known[ext] ?? 'application/octet-stream';
}

export function validateFileSize(size: number): MetadataProblem | null {
  if (size === 0) return { field: 'file', rule: 'is empty (0 bytes); there is nothing to upload' };
  if (size > limits.maxFileBytes)
    return {
      field: 'file',
      rule: `is ${size} bytes; YouTube accepts at most ${limits.maxFileBytes} bytes (256 GB)`,
    };
  return null;
}

export function describeProblems(problems: readonly MetadataProblem[]): string {
  return problems.map((p) => `${p.field} ${p.rule}`).join('; ');
}
