import { languageProblem } from './language.ts';
import { assertNever } from './assert-never.ts';
import type { VideoMetadata } from './metadata.ts';

/**
 * YouTube's limits of google-facts.md ("Video metadata", "Resumable upload
 * protocol"), in one place: the watch folders (sidecars, drops) and the upload
 * engine check the same rules and only word them for their own audience.
 */
export const metadataLimits = {
  titleChars: 100,
  descriptionBytes: 5000,
  tagsChars: 500,
  maxFileBytes: 274_877_906_944,
} as const;

/** One broken rule, with what a message needs to say by how much. */
export type MetadataViolation =
  | { rule: 'title_empty' }
  | { rule: 'title_too_long'; chars: number }
  | { rule: 'title_angle_brackets' }
  | { rule: 'description_too_long'; bytes: number }
  | { rule: 'description_angle_brackets' }
  | { rule: 'tags_too_long'; chars: number }
  | { rule: 'tag_empty'; index: number }
  | { rule: 'tag_angle_brackets'; index: number }
  | { rule: 'category_not_numeric'; categoryId: string }
  | { rule: 'publish_at_needs_private'; privacy: VideoMetadata['privacy'] }
  | { rule: 'publish_at_not_iso'; publishAt: string }
  | { rule: 'default_language_invalid'; problem: string }
  | { rule: 'localizations_need_default_language' }
  | { rule: 'localization_language_invalid'; language: string; problem: string }
  | { rule: 'localization_title_empty'; language: string }
  | { rule: 'localization_title_too_long'; language: string; chars: number }
  | { rule: 'localization_title_angle_brackets'; language: string }
  | { rule: 'localization_description_too_long'; language: string; bytes: number }
  | { rule: 'localization_description_angle_brackets'; language: string };

/** Characters as YouTube counts them: code points, so an emoji is one, not two UTF-16 units. */
export function charLength(text: string): number {
  return [...text].length;
}

/** UTF-8 byte length without TextEncoder: src-shared runs with no platform globals. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/**
 * YouTube's count for the tags field: the tags joined by commas, where a tag
 * with a space counts as if it were wrapped in quotes (+2).
 */
export function tagsLength(tags: readonly string[]): number {
  if (tags.length === 0) return 0;
  const chars = tags.reduce((sum, tag) => sum + charLength(tag) + (tag.includes(' ') ? 2 : 0), 0);
  return chars + (tags.length - 1);
}

const angle = /[<>]/;

/** The title and description rules, once per language (YouTube checks each localization the same way). */
function localizationViolations(m: VideoMetadata): MetadataViolation[] {
  const out: MetadataViolation[] = [];
  if (m.defaultLanguage !== null) {
    const problem = languageProblem(m.defaultLanguage);
    if (problem) out.push({ rule: 'default_language_invalid', problem });
  }
  const languages = Object.keys(m.localizations);
  if (languages.length > 0 && m.defaultLanguage === null)
    out.push({ rule: 'localizations_need_default_language' });
  for (const language of languages) {
    const problem = languageProblem(language);
    if (problem) out.push({ rule: 'localization_language_invalid', language, problem });
    const { title, description } = m.localizations[language] as {
      title: string;
      description: string;
    };
    if (title.trim() === '') out.push({ rule: 'localization_title_empty', language });
    const chars = charLength(title);
    if (chars > metadataLimits.titleChars)
      out.push({ rule: 'localization_title_too_long', language, chars });
    if (angle.test(title)) out.push({ rule: 'localization_title_angle_brackets', language });
    const bytes = utf8Length(description);
    if (bytes > metadataLimits.descriptionBytes)
      out.push({ rule: 'localization_description_too_long', language, bytes });
    if (angle.test(description))
      out.push({ rule: 'localization_description_angle_brackets', language });
  }
  return out;
}

/** Every rule a value breaks, in field order (title, description, tags, category, publishAt, languages). */
export function metadataViolations(m: VideoMetadata): MetadataViolation[] {
  const out: MetadataViolation[] = [];
  if (m.title.trim() === '') out.push({ rule: 'title_empty' });
  const titleChars = charLength(m.title);
  if (titleChars > metadataLimits.titleChars)
    out.push({ rule: 'title_too_long', chars: titleChars });
  if (angle.test(m.title)) out.push({ rule: 'title_angle_brackets' });
  const bytes = utf8Length(m.description);
  if (bytes > metadataLimits.descriptionBytes) out.push({ rule: 'description_too_long', bytes });
  if (angle.test(m.description)) out.push({ rule: 'description_angle_brackets' });
  const tagChars = tagsLength(m.tags);
  if (tagChars > metadataLimits.tagsChars) out.push({ rule: 'tags_too_long', chars: tagChars });
  m.tags.forEach((tag, index) => {
    if (tag.trim() === '') out.push({ rule: 'tag_empty', index });
    if (angle.test(tag)) out.push({ rule: 'tag_angle_brackets', index });
  });
  if (!/^\d+$/.test(m.categoryId))
    out.push({ rule: 'category_not_numeric', categoryId: m.categoryId });
  if (m.publishAt !== null) {
    if (m.privacy !== 'private') out.push({ rule: 'publish_at_needs_private', privacy: m.privacy });
    if (!/^\d{4}-\d{2}-\d{2}T/.test(m.publishAt) || Number.isNaN(Date.parse(m.publishAt)))
      out.push({ rule: 'publish_at_not_iso', publishAt: m.publishAt });
  }
  out.push(...localizationViolations(m));
  return out;
}

/** The metadata field a rule is about. */
export function violationField(v: MetadataViolation): keyof VideoMetadata {
  switch (v.rule) {
    case 'title_empty':
    case 'title_too_long':
    case 'title_angle_brackets':
      return 'title';
    case 'description_too_long':
    case 'description_angle_brackets':
      return 'description';
    case 'tags_too_long':
    case 'tag_empty':
    case 'tag_angle_brackets':
      return 'tags';
    case 'category_not_numeric':
      return 'categoryId';
    case 'publish_at_needs_private':
    case 'publish_at_not_iso':
      return 'publishAt';
    case 'default_language_invalid':
    case 'localizations_need_default_language':
      return 'defaultLanguage';
    case 'localization_language_invalid':
    case 'localization_title_empty':
    case 'localization_title_too_long':
    case 'localization_title_angle_brackets':
    case 'localization_description_too_long':
    case 'localization_description_angle_brackets':
      return 'localizations';
    default:
      return assertNever(v);
  }
}

export interface MetadataIssue {
  field: keyof VideoMetadata;
  message: string;
}

/** The words a sidecar or drop refusal uses after `field "x": `. */
function issueMessage(v: MetadataViolation): string {
  switch (v.rule) {
    case 'title_empty':
      return 'is empty';
    case 'title_too_long':
      return `is ${v.chars} characters; at most ${metadataLimits.titleChars}`;
    case 'title_angle_brackets':
    case 'description_angle_brackets':
      return 'may not contain < or >';
    case 'description_too_long':
      return `is ${v.bytes} bytes; at most ${metadataLimits.descriptionBytes}`;
    case 'tags_too_long':
      return `count ${v.chars} characters together; at most ${metadataLimits.tagsChars}`;
    case 'tag_empty':
      return `tag ${v.index + 1} is empty`;
    case 'tag_angle_brackets':
      return `tag ${v.index + 1} may not contain < or >`;
    case 'category_not_numeric':
      return `"${v.categoryId}" is not a number`;
    case 'publish_at_needs_private':
      return 'needs privacy "private"';
    case 'publish_at_not_iso':
      return `"${v.publishAt}" is not an ISO 8601 time`;
    case 'default_language_invalid':
      return v.problem;
    case 'localizations_need_default_language':
      return 'must be set when there are localizations (YouTube refuses them otherwise)';
    default:
      return localizationMessage(v);
  }
}

/** The localization rules' wording, language first: `de: title is empty`. */
export type LocalizationViolation = Extract<MetadataViolation, { language: string }>;

export function localizationMessage(v: LocalizationViolation): string {
  switch (v.rule) {
    case 'localization_language_invalid':
      return `${v.language}: ${v.problem}`;
    case 'localization_title_empty':
      return `${v.language}: title is empty`;
    case 'localization_title_too_long':
      return `${v.language}: title is ${v.chars} characters; at most ${metadataLimits.titleChars}`;
    case 'localization_title_angle_brackets':
      return `${v.language}: title may not contain < or >`;
    case 'localization_description_too_long':
      return `${v.language}: description is ${v.bytes} bytes; at most ${metadataLimits.descriptionBytes}`;
    case 'localization_description_angle_brackets':
      return `${v.language}: description may not contain < or >`;
    default:
      return assertNever(v);
  }
}

/** Every rule of google-facts.md "Video metadata" a value breaks, by field. */
export function metadataIssues(meta: VideoMetadata): MetadataIssue[] {
  return metadataViolations(meta).map((v) => ({
    field: violationField(v),
    message: issueMessage(v),
  }));
}
