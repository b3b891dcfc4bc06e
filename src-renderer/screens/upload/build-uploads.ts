import type { NewUpload } from '../../../src-shared/api/job-edits.ts';
import { mergeMetadata, pickPreset, type Preset } from '../../../src-shared/publishing/preset.ts';
import { baseName, stem } from '../../../src-shared/watch/file-kinds.ts';
import { draftMetadata, type DetailsDraft } from './upload-draft.ts';

export interface UploadPlan {
  files: readonly string[];
  channelIds: readonly string[];
  base: DetailsDraft;
  /** A channel's own details, where they differ from the shared ones. */
  own: Readonly<Record<string, DetailsDraft>>;
  playlists: Readonly<Record<string, string | null>>;
  thumbnail: string | null;
  presets: readonly Preset[];
  presetName: string;
  useSchedule: boolean;
  /** A file's own title where the details leave it empty (default: the file's name). */
  fileTitles?: Readonly<Record<string, string>>;
}

/**
 * One upload per (file, channel), each with its channel's details: the
 * preset as that channel sees it, then what the form says (README: preset,
 * sidecar, explicit fields), its playlist, its own details where switched on.
 */
export function buildUploads(plan: UploadPlan): NewUpload[] {
  const out: NewUpload[] = [];
  for (const file of plan.files)
    for (const channelId of plan.channelIds) {
      const draft = plan.own[channelId] ?? plan.base;
      const preset = plan.presetName
        ? pickPreset(plan.presets, plan.presetName, channelId)?.fields
        : null;
      const fileTitle = plan.fileTitles?.[file] ?? stem(baseName(file));
      const picked = plan.playlists[channelId];
      out.push({
        file,
        channelId,
        metadata: mergeMetadata({
          base: { title: fileTitle },
          preset,
          explicit: {
            ...draftMetadata(draft, fileTitle),
            // The channel's schedule gives the time: a typed one would be overridden anyway.
            ...(plan.useSchedule ? { publishAt: null } : {}),
            ...(picked ? { playlistId: picked } : {}),
          },
        }),
        thumbnail: plan.thumbnail,
        captions: [],
        schedule: plan.useSchedule ? 'channel' : null,
      });
    }
  return out;
}
