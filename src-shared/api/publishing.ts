import { z } from 'zod';
import { method } from './define.ts';
import { JobSchema, JobStateSchema } from '../domain/job.ts';
import { PresetFieldsSchema, PresetSchema, presetNamePattern } from '../publishing/preset.ts';
import { ScheduleSpecSchema } from '../publishing/schedule.ts';

const ChannelRef = z.object({ channelId: z.string().min(1) }).strict();

/** A channel's publishing schedule as stored. */
export const ScheduleSchema = z.object({
  ...ScheduleSpecSchema.shape,
  channelId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Schedule = z.infer<typeof ScheduleSchema>;

/** One coming slot and the job that fills it (`dropline schedule show --json`: at, jobId). */
export const SlotViewSchema = z.object({
  at: z.string(),
  jobId: z.string().nullable(),
  title: z.string().nullable(),
  file: z.string().nullable(),
  state: z.nullable(JobStateSchema),
  /** A job holds this time but the schedule (since changed) has no slot there. */
  offSchedule: z.boolean(),
});
export type SlotView = z.infer<typeof SlotViewSchema>;

const PresetName = z
  .string()
  .regex(
    presetNamePattern,
    'a preset name is 1-64 letters, digits, spaces, dots, dashes or underscores',
  );
const PresetRef = z
  .object({ name: PresetName, channelId: z.string().min(1).nullable().default(null) })
  .strict();

/** Preset files from outside are small; a real one is a few hundred bytes. */
export const presetFileMaxBytes = 256 * 1024;

export const publishingMethods = {
  'schedules.list': method(
    z.object({}).strict(),
    z.array(ScheduleSchema),
    'Every channel schedule',
  ),
  'schedules.get': method(ChannelRef, ScheduleSchema.nullable(), "A channel's schedule, or null"),
  'schedules.set': method(
    z.object({ ...ScheduleSpecSchema.shape, channelId: z.string().min(1) }).strict(),
    ScheduleSchema,
    "Set a channel's publishing schedule (an RRULE in a time zone)",
  ),
  'schedules.clear': method(
    ChannelRef,
    z.object({ removed: z.boolean() }),
    "Remove a channel's schedule",
  ),
  'schedules.slots': method(
    ChannelRef.extend({ count: z.number().int().min(1).max(500).default(10) }).strict(),
    z.array(SlotViewSchema),
    'The coming slots of a channel and the job filling each',
  ),
  'schedules.move': method(
    z.object({ jobId: z.string().min(1), at: z.string().min(1) }).strict(),
    JobSchema,
    'Move a job to another slot (before its upload starts)',
  ),
  'presets.list': method(
    z.object({}).strict(),
    z.array(PresetSchema),
    'Every preset, global and per channel',
  ),
  'presets.get': method(
    PresetRef,
    PresetSchema,
    'One preset (the channel’s own before the global one)',
  ),
  'presets.set': method(
    PresetRef.extend({ fields: PresetFieldsSchema }).strict(),
    PresetSchema,
    'Create or replace a preset',
  ),
  'presets.import': method(
    PresetRef.extend({
      fileName: z.string().min(1),
      text: z.string().max(presetFileMaxBytes),
    }).strict(),
    PresetSchema,
    'Create or replace a preset from a preset file (YAML or JSON, sidecar field names)',
  ),
  'presets.remove': method(PresetRef, z.object({ removed: z.boolean() }), 'Remove a preset'),
};

export const publishingEvents = {
  'schedules.changed': z.object({ channelId: z.string() }),
  'presets.changed': z.object({ presets: z.array(PresetSchema) }),
};
