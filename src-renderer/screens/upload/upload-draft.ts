import {
  charLength,
  metadataIssues,
  metadataLimits,
  tagsLength,
  utf8Length,
} from '../../../src-shared/domain/metadata-limits.ts';
import type { Privacy, VideoMetadata } from '../../../src-shared/domain/metadata.ts';
import { readPublishAt } from './PublishAtField.tsx';

/**
 * What the Studio-style details fields hold while the user types: the same
 * fields as a video's metadata, with the publish time still as typed (plain
 * words or ISO) and read in the chosen time zone.
 */
export interface DetailsDraft {
  /** Empty: each file's own name. */
  title: string;
  description: string;
  tags: string[];
  categoryId: string;
  privacy: Privacy;
  publishAt: string;
  timeZone: string;
  madeForKids: boolean;
  containsSyntheticMedia: boolean;
}

export type DraftField = keyof Omit<DetailsDraft, 'timeZone'>;

export const emptyDraft = (timeZone: string): DetailsDraft => ({
  title: '',
  description: '',
  tags: [],
  categoryId: '22',
  privacy: 'private',
  publishAt: '',
  timeZone,
  madeForKids: false,
  containsSyntheticMedia: false,
});

/** A live count against YouTube's limit, as Studio shows it under a field. */
export interface FieldCount {
  used: number;
  limit: number;
  unit: 'characters' | 'bytes';
}

export function draftCounts(d: DetailsDraft): Record<'title' | 'description' | 'tags', FieldCount> {
  return {
    title: { used: charLength(d.title), limit: metadataLimits.titleChars, unit: 'characters' },
    description: {
      used: utf8Length(d.description),
      limit: metadataLimits.descriptionBytes,
      unit: 'bytes',
    },
    tags: { used: tagsLength(d.tags), limit: metadataLimits.tagsChars, unit: 'characters' },
  };
}

/** The draft as metadata for one file; null where the publish time cannot be read. */
export function draftMetadata(d: DetailsDraft, fileTitle: string): Partial<VideoMetadata> {
  const publish = readPublishAt(d.publishAt, Date.now(), d.timeZone);
  return {
    title: d.title === '' ? fileTitle : d.title,
    description: d.description,
    tags: d.tags,
    categoryId: d.categoryId,
    privacy: publish?.ok ? 'private' : d.privacy,
    publishAt: publish?.ok ? publish.iso : null,
    madeForKids: d.madeForKids,
    containsSyntheticMedia: d.containsSyntheticMedia,
  };
}

/**
 * Every rule the draft breaks, by the field where it was typed: YouTube's
 * metadata rules (google-facts.md), a blank title, an unreadable publish time.
 */
export function draftProblems(d: DetailsDraft): Partial<Record<DraftField, string>> {
  const out: Partial<Record<DraftField, string>> = {};
  if (d.title !== '' && d.title.trim() === '')
    out.title = 'The title is blank: type one, or clear the field to use each file’s name';
  const publish = readPublishAt(d.publishAt, Date.now(), d.timeZone);
  if (publish && !publish.ok) out.publishAt = publish.reason;
  const probe = {
    ...draftMetadata(d, 'file name'),
    title: d.title === '' ? 'file name' : d.title,
    publishAt: null,
    playlistId: null,
    defaultLanguage: null,
    localizations: {},
  } as VideoMetadata;
  const labels: Partial<Record<keyof VideoMetadata, string>> = {
    title: 'The title',
    description: 'The description',
    tags: 'The tags',
    categoryId: 'The category',
  };
  for (const issue of metadataIssues(probe)) {
    const field = issue.field as DraftField;
    if (out[field] === undefined && labels[issue.field])
      out[field] = `${labels[issue.field]} ${issue.message}`;
  }
  return out;
}

/**
 * A video's own title (the drop preview's rows): it has no file name to fall
 * back on, so blank is refused too, and YouTube's length rule holds.
 */
export function titleProblem(title: string): string | null {
  if (title.trim() === '') return 'The title is blank: type one';
  return draftProblems({ ...emptyDraft('UTC'), title }).title ?? null;
}

export const hasProblems = (p: Partial<Record<DraftField, string>>): boolean =>
  Object.keys(p).length > 0;
