import { z } from 'zod';
import { method } from './define.ts';
import { AbsolutePathSchema } from '../domain/file-path.ts';

export const FileEntrySchema = z.object({
  name: z.string(),
  path: z.string(),
  kind: z.enum(['folder', 'video', 'image', 'other']),
  size: z.number().int().nullable(),
});
export type FileEntry = z.infer<typeof FileEntrySchema>;

export const FolderListingSchema = z.object({
  path: z.string(),
  parent: z.string().nullable(),
  home: z.string(),
  entries: z.array(FileEntrySchema),
  /** More entries than were sent (a huge folder). */
  truncated: z.boolean(),
});
export type FolderListing = z.infer<typeof FolderListingSchema>;

/** Where a dropped name was found: a watched folder, the last-used folder, or one the caller gave. */
export const DropPlaceSchema = z.enum(['watched', 'last_used', 'given']);
export type DropPlace = z.infer<typeof DropPlaceSchema>;

export const DroppedMatchSchema = z.object({
  name: z.string(),
  size: z.number().int(),
  /** Files of that name and size in the watched folders, the last-used or the given ones; best first. */
  paths: z.array(z.string()),
  /** The same files, each with where it was found. */
  found: z.array(z.object({ path: z.string(), place: DropPlaceSchema })),
});
export type DroppedMatch = z.infer<typeof DroppedMatchSchema>;

/**
 * The engine machine's files, for a browser tab (which cannot see them):
 * a folder browser and the matching of dropped names. Reached only through
 * an authenticated session, like every API call.
 */
export const fileMethods = {
  'files.list': method(
    z.object({ path: AbsolutePathSchema.nullable().default(null) }).strict(),
    FolderListingSchema,
    "List a folder of the engine's machine (default: the user's home)",
  ),
  'files.findDropped': method(
    z
      .object({
        names: z
          .array(z.object({ name: z.string().min(1), size: z.number().int().min(0) }).strict())
          .min(1)
          .max(500),
        folders: z.array(AbsolutePathSchema).max(20).default([]),
      })
      .strict(),
    z.array(DroppedMatchSchema),
    'Find dropped files by name and size in the watched folders, the last-used folder and the given ones',
  ),
  'files.rememberFolder': method(
    z.object({ path: AbsolutePathSchema }).strict(),
    z.object({ folder: z.string().nullable() }),
    'Remember the folder of a chosen file (or a chosen folder) as the last-used folder',
  ),
};
