import { AppError } from '../../../src-shared/api/errors.ts';
import type { NoticeInput } from '../../../src-shared/domain/notice.ts';
import {
  isTikTokDestination,
  TIKTOK_DESTINATION_PREFIX,
} from '../../../src-shared/domain/tiktok.ts';
import type { Clock } from '../../base/clock.ts';
import type { Db } from '../../db/database.ts';
import type { Logger } from '../../logging/logger.ts';
import type { EventHub } from '../../rpc/event-hub.ts';
import type { DestinationProvider } from '../../uploads/destination-provider.ts';
import type { JobRecord } from '../../uploads/job-repository.ts';
import type { RunnerDeps } from '../../uploads/runner-deps.ts';
import type { SecretStore } from '../../vault/secret-store.ts';
import type { Http } from '../../youtube/google-http.ts';
import { TikTokAccountRepository } from './tiktok-account-repository.ts';
import { TikTokAccounts } from './tiktok-accounts.ts';
import { TikTokApi } from './tiktok-api.ts';
import { TikTokAppStore } from './tiktok-app-store.ts';
import { tiktokDestination } from './tiktok-destination.ts';
import { tiktokEndpoints } from './tiktok-endpoints.ts';
import { TikTokTokens } from './tiktok-tokens.ts';
import { TikTokUploadRepository } from './tiktok-upload-repository.ts';

export interface TikTokDeps {
  db: Db;
  clock: Clock;
  events: EventHub;
  log: Logger;
  secrets: SecretStore;
  http: Http;
  /** DROPLINE_TIKTOK_BASE_URL (the sandbox); null: TikTok itself. */
  baseUrl: string | null;
  notify(notice: NoticeInput): void;
  /** A line in a job's history. */
  note(job: JobRecord, message: string): void;
  /** Tests: chunk size before TikTok's rules, sign-in timeout, a kill -9 after the refresh answer. */
  chunkSize?: number;
  signInTimeoutMs?: number;
  afterRefreshAnswer?: () => void;
  durationOf?(file: string): Promise<number | null>;
}

export interface TikTokServices {
  app: TikTokAppStore;
  accounts: TikTokAccounts;
  tokens: TikTokTokens;
  destination(runner: RunnerDeps): DestinationProvider;
  /** `tiktok:@name` or `tiktok:<open_id>` -> `tiktok:<open_id>`. */
  resolve(id: string, opts: { requireKnown: boolean }): string;
}

/** The TikTok provider, wired once by the composition root. */
export function createTikTok(d: TikTokDeps): TikTokServices {
  const endpoints = tiktokEndpoints(d.baseUrl);
  const api = new TikTokApi(d.http, endpoints);
  const app = new TikTokAppStore(d.db, d.secrets, d.clock);
  const repo = new TikTokAccountRepository(d.db);
  let accounts: TikTokAccounts | null = null;
  const tokens = new TikTokTokens({
    db: d.db,
    secrets: d.secrets,
    clock: d.clock,
    api,
    app,
    accounts: repo,
    afterRefreshAnswer: d.afterRefreshAnswer,
    onNeedsReconsent: (openId, message) => accounts?.needsReconsent(openId, message),
  });
  accounts = new TikTokAccounts({
    clock: d.clock,
    log: d.log,
    events: d.events,
    api,
    endpoints,
    app,
    repo,
    tokens,
    notify: d.notify,
    signInTimeoutMs: d.signInTimeoutMs,
  });
  const uploads = new TikTokUploadRepository(d.db, d.secrets);
  return {
    app,
    accounts,
    tokens,
    destination: (runner) =>
      tiktokDestination(
        {
          api,
          tokens,
          app,
          accounts: repo,
          uploads,
          chunkSize: d.chunkSize,
          note: d.note,
          durationOf: d.durationOf,
        },
        runner,
      ),
    resolve(id, opts) {
      if (!isTikTokDestination(id)) return id;
      const name = id.slice(TIKTOK_DESTINATION_PREFIX.length);
      const found = repo.find(name);
      if (found) return `${TIKTOK_DESTINATION_PREFIX}${found.openId}`;
      if (!opts.requireKnown) return id;
      throw new AppError(
        'unknown_channel',
        `No TikTok account "${name}" is connected to Dropline. \`dropline tiktok accounts\` lists them; connect one with \`dropline tiktok connect\`.`,
      );
    },
  };
}
