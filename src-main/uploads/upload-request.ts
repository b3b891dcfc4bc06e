import type { VideoMetadata } from '../../src-shared/domain/metadata.ts';

/** What the UI, the CLI and watched folders hand to the upload engine. */
export interface UploadRequest {
  file: string;
  channelIds: string[];
  metadata: VideoMetadata;
  thumbnail: string | null;
  /** Where the request came from, for the job's history. */
  source: { kind: 'ui' | 'cli' | 'watch'; folderId?: string };
  /** A new job even where this unchanged file already has one (queued or done). */
  again?: boolean;
}

export interface UploadEnqueuer {
  /** Persists one job per (file, channel) before any network call; returns the job ids. */
  enqueue(request: UploadRequest): string[];
}
