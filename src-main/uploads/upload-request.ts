import type { VideoMetadata } from '../../src-shared/domain/metadata.ts';
import type { ScheduleChoice } from '../../src-shared/publishing/preset.ts';

/** What the UI, the CLI and watched folders hand to the upload engine. */
export interface UploadRequest {
  file: string;
  channelIds: string[];
  metadata: VideoMetadata;
  thumbnail: string | null;
  /** Where the request came from, for the job's history. */
  source: { kind: 'ui' | 'cli' | 'watch'; folderId?: string };
  /** Caption files, each uploaded after the video as its own step. */
  captions?: { file: string; language: string; name?: string }[];
  /** Give each channel's job the next free slot of this schedule as its publishAt (private until then). */
  schedule?: ScheduleChoice | null;
  /** A new job even where this unchanged file already has one (queued or done). */
  again?: boolean;
}

export interface UploadEnqueuer {
  /** Persists one job per (file, channel) before any network call; returns the job ids. */
  enqueue(request: UploadRequest): string[];
}

/**
 * Chooses schedule slots; called inside the enqueue transaction, so each
 * job written before the next call already holds its slot.
 */
export interface SlotPlanner {
  /** The next free slot (ms) of `choice` on the channel after `nowMs`; null when the channel has no schedule. */
  nextSlot(channelId: string, choice: ScheduleChoice, nowMs: number): number | null;
}
