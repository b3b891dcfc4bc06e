import tags from 'language-tags';
import type { StoredLocalization, VideoSnippet, VideoStatus } from './world.ts';

export interface MetadataProblem {
  reason: string;
  message: string;
}

/** Categories YouTube lets uploads use (videoCategories.list, assignable ones). */
export const assignableCategoryIds = new Set([
  '1',
  '2',
  '10',
  '15',
  '17',
  '19',
  '20',
  '22',
  '23',
  '24',
  '25',
  '26',
  '27',
  '28',
  '29',
]);

export const problems = {
  invalidTitle: {
    reason: 'invalidTitle',
    message: 'The request metadata specifies an invalid or empty video title.',
  },
  invalidDescription: {
    reason: 'invalidDescription',
    message: 'The request metadata specifies an invalid video description.',
  },
  invalidTags: {
    reason: 'invalidTags',
    message: 'The request metadata specifies invalid video keywords.',
  },
  invalidCategoryId: {
    reason: 'invalidCategoryId',
    message:
      'The snippet.categoryId property specifies an invalid category ID. Use the videoCategories.list method to retrieve supported categories.',
  },
  invalidPublishAt: {
    reason: 'invalidPublishAt',
    message: 'The request metadata specifies an invalid scheduled publishing time.',
  },
  invalidVideoMetadata: {
    reason: 'invalidVideoMetadata',
    message: 'The request metadata is invalid.',
  },
  defaultLanguageNotSet: {
    reason: 'defaultLanguageNotSet',
    message:
      'The API request is trying to add localized video details without specifying the default language of the video details.',
  },
} satisfies Record<string, MetadataProblem>;

/**
 * Tag length as YouTube counts it: commas between tags count, and a tag with a
 * space counts as if wrapped in quotes.
 */
export function youtubeTagsLength(tags: string[]): number {
  const chars = tags.reduce((sum, tag) => sum + [...tag].length + (tag.includes(' ') ? 2 : 0), 0);
  return chars + Math.max(0, tags.length - 1);
}

/**
 * A language YouTube takes: a registered BCP-47 tag. An unknown code answers
 * invalidVideoMetadata (seen in public reports; the error table is silent).
 */
export function isLanguage(tag: unknown): tag is string {
  return typeof tag === 'string' && tag !== '' && tags.check(tag);
}

const titleOk = (title: unknown): title is string =>
  typeof title === 'string' &&
  title.trim() !== '' &&
  [...title].length <= 100 &&
  !/[<>]/.test(title);
const descriptionOk = (description: unknown): description is string =>
  typeof description === 'string' &&
  Buffer.byteLength(description, 'utf8') <= 5000 &&
  !/[<>]/.test(description);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function validateSnippet(
  raw: unknown,
  mode: 'insert' | 'update',
): VideoSnippet | MetadataProblem {
  if (!isObject(raw)) return problems.invalidTitle;
  const { title, description = '', tags = [], categoryId, defaultLanguage } = raw;
  if (!titleOk(title)) return problems.invalidTitle;
  if (!descriptionOk(description)) return problems.invalidDescription;
  if (
    !Array.isArray(tags) ||
    tags.some((t) => typeof t !== 'string') ||
    youtubeTagsLength(tags as string[]) > 500
  )
    return problems.invalidTags;
  // On update the whole snippet is replaced, so the category must be sent again.
  if (mode === 'update' && categoryId === undefined) return problems.invalidCategoryId;
  if (
    categoryId !== undefined &&
    (typeof categoryId !== 'string' || !assignableCategoryIds.has(categoryId))
  )
    return problems.invalidCategoryId;
  const snippet: VideoSnippet = {
    title,
    description,
    tags: tags as string[],
    categoryId: (categoryId as string | undefined) ?? '22',
  };
  if (defaultLanguage !== undefined && defaultLanguage !== null) {
    if (!isLanguage(defaultLanguage)) return problems.invalidVideoMetadata;
    snippet.defaultLanguage = defaultLanguage;
  }
  return snippet;
}

/**
 * The `localizations` part: BCP-47 keys, each with the snippet's own title
 * and description rules; refused without snippet.defaultLanguage.
 */
export function validateLocalizations(
  raw: unknown,
  snippet: VideoSnippet,
): Record<string, StoredLocalization> | MetadataProblem {
  if (raw === undefined || raw === null) return {};
  if (!isObject(raw)) return problems.invalidVideoMetadata;
  const out: Record<string, StoredLocalization> = {};
  const entries = Object.entries(raw);
  if (entries.length > 0 && !snippet.defaultLanguage) return problems.defaultLanguageNotSet;
  for (const [language, value] of entries) {
    if (!isLanguage(language) || !isObject(value)) return problems.invalidVideoMetadata;
    const { title, description = '' } = value;
    if (!titleOk(title)) return problems.invalidTitle;
    if (!descriptionOk(description)) return problems.invalidDescription;
    out[language] = { title, description };
  }
  return out;
}

const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** `everPublished`: on videos.update, publishAt only for a video that was never public or unlisted. */
export function validateStatus(raw: unknown, everPublished = false): VideoStatus | MetadataProblem {
  if (raw === undefined) raw = {};
  if (!isObject(raw)) return problems.invalidVideoMetadata;
  const privacyStatus = raw.privacyStatus ?? 'public';
  if (privacyStatus !== 'public' && privacyStatus !== 'unlisted' && privacyStatus !== 'private')
    return problems.invalidVideoMetadata;
  const status: VideoStatus = {
    privacyStatus,
    embeddable: raw.embeddable === undefined ? true : Boolean(raw.embeddable),
    license: raw.license === 'creativeCommon' ? 'creativeCommon' : 'youtube',
    publicStatsViewable:
      raw.publicStatsViewable === undefined ? true : Boolean(raw.publicStatsViewable),
  };
  if (raw.publishAt !== undefined && raw.publishAt !== null) {
    // Scheduling only exists for private videos; a past time publishes at once.
    if (
      typeof raw.publishAt !== 'string' ||
      !isoTime.test(raw.publishAt) ||
      Number.isNaN(Date.parse(raw.publishAt)) ||
      privacyStatus !== 'private' ||
      everPublished
    )
      return problems.invalidPublishAt;
    status.publishAt = new Date(Date.parse(raw.publishAt)).toISOString();
  }
  for (const flag of ['selfDeclaredMadeForKids', 'containsSyntheticMedia'] as const) {
    const value = raw[flag];
    if (value === undefined) continue;
    if (typeof value !== 'boolean') return problems.invalidVideoMetadata;
    status[flag] = value;
  }
  return status;
}

export function isProblem(value: object): value is MetadataProblem {
  return (
    'reason' in value && 'message' in value && !('title' in value) && !('privacyStatus' in value)
  );
}
