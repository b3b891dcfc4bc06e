import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Where the default seed lives; `npm run sandbox` and tests use it unless given another. */
export const defaultSeedPath = fileURLToPath(new URL('./seed.default.json', import.meta.url));

const playlistSchema = z.object({
  id: z.string().regex(/^PL[\w-]{10,}$/, 'playlist ids look like PL...'),
  title: z.string().min(1),
  description: z.string().default(''),
  privacyStatus: z.enum(['public', 'unlisted', 'private']).default('private'),
});

const channelSchema = z.object({
  id: z.string().regex(/^UC[\w-]{22}$/, 'channel ids are "UC" followed by 22 characters'),
  title: z.string().min(1),
  handle: z.string().regex(/^@[\w.-]+$/),
  description: z.string().default(''),
  /** A brand account channel: on Google it is its own account, chosen on the account chooser. */
  brand: z.boolean().default(false),
  /** Phone-verified accounts may set custom thumbnails; others get 403 forbidden. */
  canSetCustomThumbnails: z.boolean().default(true),
  /** Verified accounts may upload videos longer than 15 minutes. */
  longUploadsVerified: z.boolean().default(true),
  /** Uploads allowed in any 24-hour window before 400 uploadLimitExceeded. */
  dailyUploadCap: z.number().int().nonnegative().default(50),
  subscriberCount: z.number().int().nonnegative().default(0),
  playlists: z.array(playlistSchema).default([]),
});

const accountSchema = z.object({
  id: z.string().min(1),
  email: z.email(),
  name: z.string().min(1),
  channels: z.array(channelSchema).min(1),
});

export const clientSchema = z.object({
  clientId: z
    .string()
    .regex(/\.apps\.googleusercontent\.com$/, 'must end with .apps.googleusercontent.com'),
  clientSecret: z.string().min(8),
  name: z.string().default('Sandbox app'),
  projectId: z.string().min(1).default('sandbox-project'),
  /** "testing": refresh tokens expire (7 days by default) and only testUsers may consent. */
  publishingStatus: z.enum(['production', 'testing']).default('production'),
  testUsers: z.array(z.email()).optional(),
  /** Unaudited API projects get every upload locked private. */
  audited: z.boolean().default(true),
  deleted: z.boolean().default(false),
});

export const seedSchema = z.object({
  clients: z.array(clientSchema).default([]),
  accounts: z.array(accountSchema).min(1),
});

export type SeedChannel = z.infer<typeof channelSchema>;
export type SeedAccount = z.infer<typeof accountSchema>;
export type SeedPlaylist = z.infer<typeof playlistSchema>;
export type ClientRegistration = z.infer<typeof clientSchema>;
export type ClientRegistrationInput = z.input<typeof clientSchema>;
export type Seed = z.infer<typeof seedSchema>;
export type SeedInput = z.input<typeof seedSchema>;

/** Validates a seed object; the message names the source and every bad field. */
export function parseSeed(input: unknown, source: string): Seed {
  const result = seedSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw new Error(`Invalid sandbox seed ${source}: ${problems}`);
  }
  const ids = new Set<string>();
  for (const account of result.data.accounts)
    for (const channel of account.channels) {
      if (ids.has(channel.id))
        throw new Error(`Invalid sandbox seed ${source}: duplicate channel ${channel.id}`);
      ids.add(channel.id);
    }
  return result.data;
}

export function loadSeedFile(path: string): Seed {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read sandbox seed ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return parseSeed(raw, path);
}
