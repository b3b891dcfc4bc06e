import { z } from 'zod';
import { method } from './define.ts';

const ChannelRef = z.object({ channelId: z.string().min(1) }).strict();

export const PlaylistSchema = z.object({
  id: z.string(),
  title: z.string(),
  privacy: z.enum(['public', 'unlisted', 'private']),
});
export type Playlist = z.infer<typeof PlaylistSchema>;

export const channelExtraMethods = {
  'channels.playlists': method(
    ChannelRef.extend({ refresh: z.boolean().default(false) }).strict(),
    z.array(PlaylistSchema),
    "The channel's own playlists (cached for ten minutes; 1 quota unit a page)",
  ),
  'channels.avatar': method(
    ChannelRef,
    z.object({ dataUrl: z.string().nullable() }),
    "The channel's picture as a data: URL, fetched by the engine and cached for a day",
  ),
};
