import { VideoMetadataSchema } from '../../src-shared/domain/metadata.ts';
import { metadataIssues } from '../../src-shared/domain/metadata-limits.ts';
import type { PresetFields } from '../../src-shared/publishing/preset.ts';
import { scheduleProblems } from '../../src-shared/publishing/schedule.ts';

/**
 * A preset's fields checked with the same rules as a video's (tags, category,
 * languages and localizations; the footer as a description), plus its
 * schedule. Each problem names the field.
 */
export function presetProblems(fields: PresetFields): { field: string; message: string }[] {
  const { descriptionFooter, schedule, ...rest } = fields;
  const probe = VideoMetadataSchema.parse({
    title: 'preset',
    description: descriptionFooter ?? '',
    ...rest,
  });
  const out = metadataIssues(probe).map((i) => ({
    field: i.field === 'description' ? 'descriptionFooter' : i.field,
    message: i.message,
  }));
  if (schedule && schedule !== 'channel')
    for (const p of scheduleProblems(schedule))
      out.push({ field: `schedule.${p.field}`, message: p.message });
  return out;
}
