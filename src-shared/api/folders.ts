import { z } from 'zod';
import { method } from './define.ts';
import { AbsolutePathSchema } from '../domain/file-path.ts';
import { VideoMetadataSchema } from '../domain/metadata.ts';
import { ScheduleChoiceSchema } from '../publishing/preset.ts';
import {
  FolderTemplateSchema,
  WatchItemSchema,
  WatchedFolderSchema,
} from '../domain/watched-folder.ts';

const Empty = z.object({}).strict();
const ChannelIds = z.array(z.string().min(1)).min(1, 'choose at least one channel');

export const FolderAddInputSchema = z
  .object({
    /** Absolute path on the engine's machine. */
    path: AbsolutePathSchema,
    channelIds: ChannelIds,
    template: FolderTemplateSchema.partial().optional(),
    recursive: z.boolean().default(false),
    polling: z.boolean().default(false),
    enabled: z.boolean().default(true),
    stabilitySeconds: z.number().min(0.05).max(3600).default(30),
    preset: z.string().min(1).nullable().default(null),
    schedule: z._default(z.nullable(ScheduleChoiceSchema), null),
  })
  .strict();

export const FolderUpdateInputSchema = z
  .object({
    id: z.string(),
    channelIds: ChannelIds.optional(),
    template: FolderTemplateSchema.partial().optional(),
    recursive: z.boolean().optional(),
    polling: z.boolean().optional(),
    enabled: z.boolean().optional(),
    stabilitySeconds: z.number().min(0.05).max(3600).optional(),
    preset: z.string().min(1).nullable().optional(),
    schedule: z.optional(z.nullable(ScheduleChoiceSchema)),
  })
  .strict();

/** By id (the UI) or by path (`dropline watch remove DIR`). */
export const FolderRefSchema = z
  .object({ id: z.string().optional(), path: AbsolutePathSchema.optional() })
  .strict()
  .refine((v) => (v.id === undefined) !== (v.path === undefined), 'give either id or path');

export const ItemRefSchema = z.object({ itemId: z.string() }).strict();

/**
 * One video of a confirmed drop. The desktop app knows the file's path; a
 * browser only knows its name and size, which the engine matches against
 * files it already watches (see DropService).
 */
export const DropItemSchema = z
  .object({
    name: z.string().min(1),
    size: z.number().int().min(0),
    path: AbsolutePathSchema.nullable().default(null),
    thumbnailName: z.string().nullable().default(null),
    thumbnailPath: AbsolutePathSchema.nullable().default(null),
    channelIds: ChannelIds,
    metadata: VideoMetadataSchema,
    /** Take each channel's next free schedule slot when it has a schedule (and no publishAt is given). */
    schedule: z.boolean().default(true),
  })
  .strict();

export const DropResultSchema = z.object({
  name: z.string(),
  jobIds: z.array(z.string()),
  /** Channels that already had this video: not queued again. */
  alreadyQueued: z.array(z.string()),
  error: z.string().nullable(),
});

export const folderMethods = {
  'folders.list': method(Empty, z.array(WatchedFolderSchema), 'List watched folders'),
  'folders.add': method(FolderAddInputSchema, WatchedFolderSchema, 'Watch a folder'),
  'folders.update': method(FolderUpdateInputSchema, WatchedFolderSchema, 'Change a folder'),
  'folders.remove': method(
    FolderRefSchema,
    z.object({ removed: z.boolean() }),
    'Stop watching a folder',
  ),
  'folders.items': method(
    z.object({ folderId: z.string() }).strict(),
    z.array(WatchItemSchema),
    'Videos a folder knows: offered, waiting, queued, skipped',
  ),
  'folders.resolveOffer': method(
    z.object({ folderId: z.string(), choice: z.enum(['upload_existing', 'only_new']) }).strict(),
    WatchedFolderSchema,
    'Upload the videos that were already in a folder, or only new ones',
  ),
  'folders.chooseThumbnail': method(
    ItemRefSchema.extend({ image: z.string().nullable() }).strict(),
    WatchItemSchema,
    'Resolve an ambiguous thumbnail (null: no thumbnail)',
  ),
  'folders.retry': method(ItemRefSchema, WatchItemSchema, 'Look at a waiting video again'),
  'folders.uploadAgain': method(ItemRefSchema, WatchItemSchema, 'Queue a video again, on purpose'),
  'drops.queue': method(
    z.object({ items: z.array(DropItemSchema).min(1) }).strict(),
    z.array(DropResultSchema),
    'Queue the videos of a confirmed drop',
  ),
};

export const folderEvents = {
  'folders.changed': z.object({ folders: z.array(WatchedFolderSchema) }),
};
