import type { VideoMetadata } from './metadata.ts';

export interface MetadataIssue {
  field: keyof VideoMetadata;
  message: string;
}

/** UTF-8 byte length without TextEncoder: src-shared runs with no platform globals. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** YouTube counts commas between tags, and quotes around a tag with a space (google-facts.md). */
export function tagsLength(tags: readonly string[]): number {
  const each = tags.map((tag) => tag.length + (tag.includes(' ') ? 2 : 0));
  return each.reduce((a, b) => a + b, 0) + Math.max(0, tags.length - 1);
}

/** Every rule of google-facts.md "Video metadata" a value breaks, by field. */
export function metadataIssues(meta: VideoMetadata): MetadataIssue[] {
  const issues: MetadataIssue[] = [];
  if (meta.title.trim() === '') issues.push({ field: 'title', message: 'is empty' });
  if (meta.title.length > 100)
    issues.push({ field: 'title', message: `is ${meta.title.length} characters; at most 100` });
  if (/[<>]/.test(meta.title)) issues.push({ field: 'title', message: 'may not contain < or >' });
  const bytes = utf8Length(meta.description);
  if (bytes > 5000)
    issues.push({ field: 'description', message: `is ${bytes} bytes; at most 5000` });
  if (/[<>]/.test(meta.description))
    issues.push({ field: 'description', message: 'may not contain < or >' });
  const tags = tagsLength(meta.tags);
  if (tags > 500)
    issues.push({ field: 'tags', message: `count ${tags} characters together; at most 500` });
  if (!/^\d+$/.test(meta.categoryId))
    issues.push({ field: 'categoryId', message: `"${meta.categoryId}" is not a number` });
  if (meta.publishAt !== null) {
    if (Number.isNaN(Date.parse(meta.publishAt)) || !/^\d{4}-\d\d-\d\dT/.test(meta.publishAt))
      issues.push({ field: 'publishAt', message: `"${meta.publishAt}" is not an ISO 8601 time` });
    if (meta.privacy !== 'private')
      issues.push({ field: 'publishAt', message: 'needs privacy "private"' });
  }
  return issues;
}
