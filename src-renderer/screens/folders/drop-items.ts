import type { z } from 'zod';
import type { DropItemSchema } from '../../../src-shared/api/folders.ts';
import type { PreviewEntry } from '../../../src-shared/watch/drop-preview.ts';
import { buildUploads } from '../upload/build-uploads.ts';
import {
  draftProblems,
  hasProblems,
  titleProblem,
  type DetailsDraft,
} from '../upload/upload-draft.ts';

type DropItem = z.input<typeof DropItemSchema>;

export interface DropPlan {
  entries: readonly PreviewEntry[];
  channelIds: readonly string[];
  draft: DetailsDraft;
  own: Readonly<Record<string, DetailsDraft>>;
  playlists: Readonly<Record<string, string | null>>;
  useSchedule: boolean;
}

/**
 * Why the drop cannot be queued as it stands, in the words shown at the
 * Queue button; null when it can. Each field shows its own mistake too.
 */
export function dropProblem(plan: DropPlan): string | null {
  if (plan.channelIds.length === 0) return 'Choose at least one channel.';
  if (plan.entries.some((e) => e.problem))
    return 'Choose a thumbnail (or none) for every video marked "choose".';
  const titled = plan.entries.find((e) => titleProblem(e.title) !== null);
  if (titled) return `${titled.video.name}: ${titleProblem(titled.title)}`;
  if (hasProblems(draftProblems(plan.draft))) return 'Fix the details marked above.';
  const broken = plan.channelIds.find((c) => {
    const own = plan.own[c];
    return own !== undefined && hasProblems(draftProblems(own));
  });
  if (broken) return 'Fix the details marked in a channel’s own details.';
  return null;
}

/**
 * The drop as drops.queue items: one per (video, channel), so a channel's
 * own details and playlist reach it, with the same merge as Add upload.
 */
export function dropItems(plan: DropPlan): DropItem[] {
  const byKey = new Map(plan.entries.map((e) => [e.video.key, e]));
  const uploads = buildUploads({
    files: plan.entries.map((e) => e.video.key),
    channelIds: plan.channelIds,
    base: plan.draft,
    own: plan.own,
    playlists: plan.playlists,
    thumbnail: null,
    presets: [],
    presetName: '',
    useSchedule: plan.useSchedule,
    fileTitles: Object.fromEntries(plan.entries.map((e) => [e.video.key, e.title])),
  });
  return uploads.map((u) => {
    const e = byKey.get(u.file) as PreviewEntry;
    return {
      name: e.video.name,
      size: e.video.size,
      path: e.video.path,
      thumbnailName: e.thumbnail?.name ?? null,
      thumbnailPath: e.thumbnail?.path ?? null,
      channelIds: [u.channelId],
      metadata: u.metadata,
      schedule: u.schedule === 'channel',
    };
  });
}
