import { assertNever } from '../../src-shared/domain/assert-never.ts';
import type { VideoMetadata } from '../../src-shared/domain/metadata.ts';
import {
  localizationMessage,
  metadataLimits,
  metadataViolations,
  tagsLength,
  type MetadataViolation,
} from '../../src-shared/domain/metadata-limits.ts';

/** One broken rule, named by field, so the job (and the CLI) can say exactly what to fix. */
export interface MetadataProblem {
  field: string;
  rule: string;
}

/** Limits of google-facts.md ("Video metadata", "Resumable upload protocol"), shared with the watch folders. */
export const limits = metadataLimits;

export { tagsLength };

/** The engine's wording of each rule: what the job error and the CLI say. */
function problemOf(v: MetadataViolation): MetadataProblem {
  switch (v.rule) {
    case 'title_empty':
      return { field: 'title', rule: 'is required' };
    case 'title_too_long':
      return {
        field: 'title',
        rule: `must be at most ${limits.titleChars} characters (it has ${v.chars})`,
      };
    case 'title_angle_brackets':
      return { field: 'title', rule: 'must not contain < or >' };
    case 'description_too_long':
      return {
        field: 'description',
        rule: `must be at most ${limits.descriptionBytes} bytes in UTF-8 (it has ${v.bytes})`,
      };
    case 'description_angle_brackets':
      return { field: 'description', rule: 'must not contain < or >' };
    case 'tags_too_long':
      return {
        field: 'tags',
        rule: `must total at most ${limits.tagsChars} characters counted as YouTube does (commas count, a tag with a space counts 2 more); they total ${v.chars}`,
      };
    case 'tag_empty':
      return { field: `tags[${v.index}]`, rule: 'must not be empty' };
    case 'tag_angle_brackets':
      return { field: `tags[${v.index}]`, rule: 'must not contain < or >' };
    case 'category_not_numeric':
      return { field: 'categoryId', rule: 'must be a numeric YouTube category id' };
    case 'publish_at_needs_private':
      return {
        field: 'publishAt',
        rule: `needs privacy "private" (it is "${v.privacy}"); YouTube makes the video public at that time`,
      };
    case 'publish_at_not_iso':
      return { field: 'publishAt', rule: 'must be an ISO 8601 date and time' };
    case 'default_language_invalid':
      return { field: 'defaultLanguage', rule: v.problem };
    case 'localizations_need_default_language':
      return {
        field: 'defaultLanguage',
        rule: 'must be set when there are localizations (YouTube refuses them otherwise)',
      };
    case 'localization_language_invalid':
    case 'localization_title_empty':
    case 'localization_title_too_long':
    case 'localization_title_angle_brackets':
    case 'localization_description_too_long':
    case 'localization_description_angle_brackets':
      return {
        field: `localizations.${v.language}`,
        rule: localizationMessage(v).slice(v.language.length + 2),
      };
    default:
      return assertNever(v);
  }
}

export function validateMetadata(m: VideoMetadata): MetadataProblem[] {
  return metadataViolations(m).map(problemOf);
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
