import { NativeSelect, Radio, Group, TagsInput, Textarea, TextInput } from '@mantine/core';
import '../../theme/dropdown-styles.ts';
import { PrivacySchema } from '../../../src-shared/domain/metadata.ts';
import { alteredOptions, audienceOptions, privacyOptions } from './field-options.ts';
import { FieldCounter } from './FieldCounter.tsx';
import { ScheduleFields } from './ScheduleFields.tsx';
import { draftCounts, draftProblems, type DetailsDraft } from './upload-draft.ts';
import { youtubeCategories } from './youtube-categories.ts';

const order: ('label' | 'input' | 'description' | 'error')[] = [
  'label',
  'input',
  'description',
  'error',
];

/**
 * YouTube Studio's details, for one draft: title and description with live
 * counts, tags as chips counted YouTube's way, category, visibility and a
 * schedule, audience and altered content. Each broken rule shows under the
 * field that breaks it. `named` gives the inputs their form names (the main
 * details; a channel's own copy has none, so a form has each name once).
 */
export function DetailsFields({
  draft,
  onChange,
  titlePlaceholder,
  useSchedule = false,
  named = false,
  withTitle = true,
}: {
  draft: DetailsDraft;
  onChange(patch: Partial<DetailsDraft>): void;
  titlePlaceholder: string;
  /** The publish time comes from each channel's schedule instead. */
  useSchedule?: boolean;
  named?: boolean;
  /** False where each video has its own title field (the drop preview's rows). */
  withTitle?: boolean;
}) {
  const counts = draftCounts(draft);
  const problems = draftProblems(draft);
  const name = (n: string) => (named ? n : undefined);
  return (
    <div className="details-fields">
      {withTitle && (
        <TextInput
          label="Title"
          name={name('title')}
          value={draft.title}
          placeholder={titlePlaceholder}
          onChange={(e) => onChange({ title: e.currentTarget.value })}
          description={<FieldCounter count={counts.title} />}
          error={problems.title}
          inputWrapperOrder={order}
        />
      )}
      <Textarea
        label="Description"
        name={name('description')}
        value={draft.description}
        autosize
        minRows={3}
        maxRows={10}
        placeholder="Tell viewers about your video"
        onChange={(e) => onChange({ description: e.currentTarget.value })}
        description={<FieldCounter count={counts.description} />}
        error={problems.description}
        inputWrapperOrder={order}
      />
      <TagsInput
        label="Tags"
        name={name('tags')}
        value={draft.tags}
        splitChars={[',']}
        clearable
        placeholder="Type a tag, then Enter or a comma"
        onChange={(tags) => onChange({ tags })}
        description={
          <FieldCounter count={counts.tags} note="a tag with a space counts 2 more (its quotes)" />
        }
        error={problems.tags}
        inputWrapperOrder={order}
      />
      <Group grow align="flex-start" wrap="wrap" className="details-row">
        <NativeSelect
          label="Category"
          name={name('categoryId')}
          value={draft.categoryId}
          data={youtubeCategories}
          error={problems.categoryId}
          onChange={(e) => onChange({ categoryId: e.currentTarget.value })}
        />
        <NativeSelect
          label="Visibility"
          name={name('privacy')}
          value={draft.privacy}
          data={[...privacyOptions]}
          disabled={draft.publishAt.trim() !== '' || useSchedule}
          description={
            draft.publishAt.trim() !== '' || useSchedule
              ? 'Private until the scheduled time, then public'
              : undefined
          }
          onChange={(e) => onChange({ privacy: PrivacySchema.parse(e.currentTarget.value) })}
        />
      </Group>
      <ScheduleFields
        publishAt={draft.publishAt}
        timeZone={draft.timeZone}
        disabled={useSchedule}
        onChange={onChange}
      />
      <Radio.Group
        label="Audience"
        description="Is this video made for kids? (required by COPPA and YouTube's policies)"
        value={draft.madeForKids ? 'yes' : 'no'}
        onChange={(v) => onChange({ madeForKids: v === 'yes' })}
      >
        <Group gap="lg" mt={4}>
          {audienceOptions.map((o) => (
            <Radio key={o.value} value={o.value} label={o.label} />
          ))}
        </Group>
      </Radio.Group>
      <Radio.Group
        label="Altered content"
        description="Does it show realistic people, places or events that were altered or made synthetically?"
        value={draft.containsSyntheticMedia ? 'yes' : 'no'}
        onChange={(v) => onChange({ containsSyntheticMedia: v === 'yes' })}
      >
        <Group gap="lg" mt={4}>
          {alteredOptions.map((o) => (
            <Radio key={o.value} value={o.value} label={o.label} />
          ))}
        </Group>
      </Radio.Group>
    </div>
  );
}
