import type { Clock } from '../base/clock.ts';
import type { BackoffPolicy } from '../base/backoff.ts';
import type { Db } from '../db/database.ts';
import type { Logger } from '../logging/logger.ts';
import type { EventHub } from '../rpc/event-hub.ts';
import type { AccessTokenSource } from '../channels/access-token-source.ts';
import type { GoogleEndpoints } from '../auth/google-endpoints.ts';
import type { Http } from '../youtube/google-http.ts';
import type { QuotaConfig } from '../youtube/quota-costs.ts';
import type { SecretStore } from '../vault/secret-store.ts';
import type { NoticeInput } from '../../src-shared/domain/notice.ts';
import type { PostStepSource } from './post-step.ts';
import type { SlotPlanner } from './upload-request.ts';
import type { DestinationFactory } from './destination-provider.ts';

export interface UploadLimits {
  globalConcurrency: number;
  perChannelConcurrency: number;
  bandwidthLimitKiBps: number;
}

export interface UploadEngineDeps {
  db: Db;
  clock: Clock;
  events: EventHub;
  log: Logger;
  tokens: AccessTokenSource;
  http: Http;
  endpoints: GoogleEndpoints;
  limits(): UploadLimits;
  quotaConfig(): QuotaConfig;
  /** The Google Cloud project (OAuth client id) whose quota a channel's calls use. */
  projectIdFor(channelId: string): string;
  /** Where resumable session URIs are kept (the vault); absent: in the job row (tests). */
  secrets?: SecretStore;
  /** Bytes of the first PUT (default 8 MiB). Given alone, every chunk has this size. */
  chunkSize?: number;
  /** Chunks grow with the link's rate up to this (default 128 MiB, or chunkSize when that is given). */
  maxChunkSize?: number;
  backoff?: BackoffPolicy;
  random?: () => number;
  /** Chooses schedule slots for requests that ask for one. */
  slots?: SlotPlanner;
  /** Steps after thumbnail and playlist (captions). */
  extraSteps?: PostStepSource;
  /** The notification centre: upload done, failed, waiting for quota. */
  notify?: (notice: NoticeInput) => void;
  /** A channel's name for those notices. */
  channelTitle?: (channelId: string) => string;
  /** Destination providers (YouTube last); absent: every job is a YouTube job. */
  destinations?: DestinationFactory;
  /** `tiktok:@name` -> `tiktok:<open_id>`; throws for an unknown destination the caller must know. */
  resolveDestination?: (id: string, opts: { requireKnown: boolean }) => string;
}
