import { createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Job, JobState } from '../../src-shared/domain/job.ts';
import { VideoMetadataSchema, type VideoMetadata } from '../../src-shared/domain/metadata.ts';
import type { Core, CoreDeps } from '../../src-main/core/create-core.ts';
import { defaultQuotaConfig } from '../../src-main/youtube/quota-costs.ts';
import { startGoogleSandbox, type GoogleSandbox } from '../fakes/google-sandbox/index.ts';
import { refreshTokenSource } from './refresh-token-source.ts';
import { testKeyProviders } from './test-key-file.ts';
import { tempDir } from './temp-dir.ts';
import { testCore } from './test-core.ts';

export const alice = 'UCalice0000000000000000a';
export const aliceBrand = 'UCalicebrand00000000000b';

export interface Harness {
  sandbox: GoogleSandbox;
  dir: { path: string; remove(): void };
  core: Core;
  tokens: ReturnType<typeof refreshTokenSource>;
  refreshTokens: Record<string, string>;
  /** Closes the core and opens a new one on the same data dir, key and sandbox (an app restart). */
  restart(): Promise<Core>;
  close(): Promise<void>;
}

/** A real sandbox, a real core on a temp data dir, tokens from the sandbox's own /token. */
export async function startHarness(
  opts: {
    chunkSize?: number;
    channels?: string[];
    startUploads?: boolean;
    /** Daily units on both sides (sandbox and engine); default 1,000,000 so tests never run out by accident. */
    quotaUnits?: number;
    /** Scopes of the channels' grants (default: what Dropline asks for at sign-in). */
    scopes?: string[];
    /** More core dependencies (a video probe for watched folders, say). */
    core?: Pick<CoreDeps, 'videoProbe' | 'folderPresenceCheckMs' | 'clock'>;
    /** Another destination's sandbox (DROPLINE_TIKTOK_BASE_URL). */
    tiktokBaseUrl?: string;
  } = {},
): Promise<Harness> {
  const quotaUnits = opts.quotaUnits ?? 1_000_000;
  const sandbox = await startGoogleSandbox({
    autoApprove: true,
    config: { quotaLimit: quotaUnits },
  });
  const dir = tempDir('dropline-uploads-');
  const refreshTokens: Record<string, string> = {};
  for (const channelId of opts.channels ?? [alice, aliceBrand])
    refreshTokens[channelId] = sandbox.issueTokens({ channelId, scopes: opts.scopes }).refreshToken;
  const tokens = refreshTokenSource({
    baseUrl: sandbox.baseUrl,
    clientId: sandbox.defaultClient.clientId,
    clientSecret: sandbox.defaultClient.clientSecret,
    refreshTokens,
  });
  const openCore = () =>
    testCore(
      join(dir.path, 'data'),
      { googleBaseUrl: sandbox.baseUrl, tiktokBaseUrl: opts.tiktokBaseUrl ?? null },
      {
        keyProviders: testKeyProviders(dir.path),
        accessTokens: tokens,
        startUploads: opts.startUploads,
        ...opts.core,
        uploads: {
          chunkSize: opts.chunkSize ?? 256 * 1024,
          backoff: { baseMs: 20, capMs: 200 },
          projectIdFor: () => sandbox.defaultClient.projectId,
          quotaConfig: () => ({ ...defaultQuotaConfig, dailyUnits: quotaUnits }),
        },
      },
    );
  const harness: Harness = {
    sandbox,
    dir,
    core: openCore(),
    tokens,
    refreshTokens,
    async restart() {
      await harness.core.close();
      harness.core = openCore();
      return harness.core;
    },
    async close() {
      await harness.core.close();
      await sandbox.close();
      dir.remove();
    },
  };
  return harness;
}

/** A file of `size` random bytes (written in pieces, never all in memory) and its SHA-256. */
export function videoFile(
  dir: string,
  name: string,
  size: number,
): { path: string; sha256: string } {
  const path = join(dir, name);
  const hash = createHash('sha256');
  const fd = openSync(path, 'w');
  for (let done = 0; done < size;) {
    const piece = randomBytes(Math.min(4 * 1024 * 1024, size - done));
    hash.update(piece);
    writeSync(fd, piece);
    done += piece.length;
  }
  closeSync(fd);
  return { path, sha256: hash.digest('hex') };
}

export function enqueueOne(
  h: Pick<Harness, 'core'>,
  file: string,
  channelId: string,
  over: Partial<VideoMetadata> = {},
  thumbnail: string | null = null,
): string {
  const [id] = h.core.services.uploads.enqueue({
    file,
    channelIds: [channelId],
    metadata: metadata(over),
    thumbnail,
    source: { kind: 'cli' },
  });
  return id as string;
}

export function metadata(over: Partial<VideoMetadata> = {}): VideoMetadata {
  return VideoMetadataSchema.parse({ title: 'Test video', ...over });
}

/** Resolves with the jobs once `ready(jobs)` holds (checked on every job event and now). */
export function waitForJobs(core: Core, ready: (jobs: Job[]) => boolean): Promise<Job[]> {
  return new Promise((resolve) => {
    const check = (): void => {
      const jobs = core.services.uploads.list();
      if (!ready(jobs)) return;
      stop();
      resolve(jobs);
    };
    const stop = core.events.subscribe((event) => {
      if (event === 'jobs.changed') check();
    });
    check();
  });
}

/** Resolves once the job reaches one of `states` (checked on every job event and now). */
export function waitForState(core: Core, id: string, states: JobState[]): Promise<Job> {
  return new Promise((resolve) => {
    const check = (): boolean => {
      const job = core.services.uploads.get(id);
      if (!states.includes(job.state)) return false;
      stop();
      resolve(job);
      return true;
    };
    const stop = core.events.subscribe((event, payload) => {
      if (event === 'jobs.changed' && (payload as Job).id === id) check();
    });
    check();
  });
}

/** Resolves once the job has at least `bytes` sent (progress events, or its row, checked every 10 ms). */
export function waitForBytes(core: Core, id: string, bytes: number): Promise<void> {
  return new Promise((resolve) => {
    const finish = () => {
      stop();
      clearInterval(timer);
      resolve();
    };
    const stop = core.events.subscribe((event, payload) => {
      const p = payload as { id: string; bytesSent: number };
      if (event === 'jobs.progressed' && p.id === id && p.bytesSent >= bytes) finish();
    });
    const timer = setInterval(() => {
      if (core.services.uploads.get(id).bytesSent >= bytes) finish();
    }, 10);
  });
}
