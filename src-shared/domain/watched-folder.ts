import { z } from 'zod';
import { PrivacySchema } from './metadata.ts';

/**
 * A folder's default metadata. Text fields may use the variables of
 * template.ts: {filename}, {date}, {folder}, {n}.
 */
export const FolderTemplateSchema = z.object({
  title: z.string().min(1).default('{filename}'),
  description: z.string().default(''),
  tags: z.array(z.string()).default([]),
  categoryId: z.string().default('22'),
  privacy: z._default(PrivacySchema, 'private'),
  playlistId: z.string().nullable().default(null),
  madeForKids: z.boolean().default(false),
  containsSyntheticMedia: z.boolean().default(false),
});
export type FolderTemplate = z.infer<typeof FolderTemplateSchema>;

/** watching: live; paused: the user turned it off; offline: the folder is gone (unplugged drive). */
export const FolderStatusSchema = z.enum(['watching', 'paused', 'offline', 'starting']);
export type FolderStatus = z.infer<typeof FolderStatusSchema>;

export const WatchedFolderSchema = z.object({
  id: z.string(),
  path: z.string(),
  channelIds: z.array(z.string()),
  template: FolderTemplateSchema,
  recursive: z.boolean(),
  enabled: z.boolean(),
  /** Stat polling instead of OS events: for network shares where events do not arrive. */
  polling: z.boolean(),
  /** How long size and mtime must stay unchanged before a video is taken. */
  stabilitySeconds: z.number().min(0.05).max(3600),
  status: FolderStatusSchema,
  counts: z.object({
    offered: z.number().int(),
    waiting: z.number().int(),
    queued: z.number().int(),
  }),
  createdAt: z.string(),
});
export type WatchedFolder = z.infer<typeof WatchedFolderSchema>;

/**
 * One video a watched folder knows about.
 * offered: was already there when the folder was added; the user decides.
 * waiting: needs the user (ambiguous thumbnail, invalid sidecar, unreadable video).
 * queued: handed to the upload engine (jobIds).
 * skipped: the user chose "only new ones", or it is a copy of a video already queued.
 */
export const WatchItemStateSchema = z.enum(['offered', 'waiting', 'queued', 'skipped']);
export type WatchItemState = z.infer<typeof WatchItemStateSchema>;

export const WatchProblemSchema = z.object({
  code: z.enum(['ambiguous_thumbnail', 'ambiguous_sidecar', 'invalid_sidecar', 'unreadable_video']),
  message: z.string(),
  /** For ambiguity: the files the user can choose between. */
  candidates: z.array(z.string()).default([]),
});
export type WatchProblem = z.infer<typeof WatchProblemSchema>;

export const WatchItemSchema = z.object({
  id: z.string(),
  folderId: z.string(),
  /** Relative to the folder, '/' separated. */
  path: z.string(),
  size: z.number(),
  state: WatchItemStateSchema,
  problem: WatchProblemSchema.nullable(),
  thumbnail: z.string().nullable(),
  title: z.string().nullable(),
  jobIds: z.array(z.string()),
  updatedAt: z.string(),
});
export type WatchItem = z.infer<typeof WatchItemSchema>;
