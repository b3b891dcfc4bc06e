import { baseName, classifyName, stem } from '../../../src-shared/watch/file-kinds.ts';

/** A dropped file as the Queue screen sees it: its name, and its local path when the shell knows it. */
export interface DroppedFile {
  name: string;
  path: string | null;
}

export type ChannelDropPlan =
  /** Every video has a path (desktop): queue them now, one job each, private. */
  | { kind: 'enqueue'; channelId: string; uploads: { path: string; title: string }[] }
  /** A browser tab cannot see the server's paths: the user types them, starting from the names. */
  | { kind: 'needPaths'; channelId: string; names: string[] }
  | { kind: 'nothing'; reason: string };

/** The default title of a video: its file name without folders or extension. */
export function titleFromPath(path: string): string {
  return stem(baseName(path));
}

/** What dropping these files onto one channel's header should do. */
export function planChannelDrop(files: DroppedFile[], channelId: string): ChannelDropPlan {
  const videos = files.filter((f) => classifyName(f.name) === 'video');
  if (videos.length === 0)
    return {
      kind: 'nothing',
      reason: 'Only video files (.mp4, .mov, .mkv, ...) can be dropped onto a channel.',
    };
  if (videos.some((f) => f.path === null))
    return { kind: 'needPaths', channelId, names: videos.map((f) => f.name) };
  return {
    kind: 'enqueue',
    channelId,
    uploads: videos.map((f) => ({ path: f.path as string, title: titleFromPath(f.name) })),
  };
}
