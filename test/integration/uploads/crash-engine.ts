// A whole engine in its own process, for the crash test to SIGKILL at random
// moments: createCore + the upload engine on a data dir, tokens from the sandbox.
// Enqueues the given files on its first run; exits 0 once every job is final.
import { createCore } from '../../../src-main/core/create-core.ts';
import { isFinalJobState } from '../../../src-shared/domain/job.ts';
import { VideoMetadataSchema } from '../../../src-shared/domain/metadata.ts';
import { defaultQuotaConfig } from '../../../src-main/youtube/quota-costs.ts';
import { memorySink } from '../../../src-main/logging/logger.ts';
import { dirname } from 'node:path';
import { testKeyProviders } from '../../helpers/test-key-file.ts';
import { refreshTokenSource } from '../../helpers/refresh-token-source.ts';

interface Plan {
  dataDir: string;
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  projectId: string;
  refreshTokens: Record<string, string>;
  files: { path: string; channelId: string }[];
  /** Bytes per PUT, fixed (the crash test: 256 KiB); 'engine-default' = adaptive, as shipped (the benchmark). */
  chunkSize?: number | 'engine-default';
}

const plan = JSON.parse(process.env.CRASH_PLAN ?? '') as Plan;
const core = createCore(
  {
    dataDir: plan.dataDir,
    mode: 'headless',
    version: '0.0.0-crash',
    googleBaseUrl: plan.baseUrl,
    logLevel: 'warn',
  },
  {
    logSink: memorySink(),
    keyProviders: testKeyProviders(dirname(plan.dataDir)),
    accessTokens: refreshTokenSource({
      baseUrl: plan.baseUrl,
      clientId: plan.clientId,
      clientSecret: plan.clientSecret,
      refreshTokens: plan.refreshTokens,
    }),
    uploads: {
      chunkSize: plan.chunkSize === 'engine-default' ? undefined : (plan.chunkSize ?? 256 * 1024),
      backoff: { baseMs: 20, capMs: 200 },
      projectIdFor: () => plan.projectId,
      quotaConfig: () => ({ ...defaultQuotaConfig, dailyUnits: 10_000_000 }),
    },
  },
);
const engine = core.services.uploads;
// For the benchmark: when each job changes state, on this machine's wall clock.
if (process.env.CRASH_TRACE)
  core.events.subscribe((event, payload) => {
    if (event !== 'jobs.changed') return;
    const job = payload as { id: string; state: string };
    process.stdout.write(`STATE ${job.id} ${job.state} ${Date.now()}\n`);
  });
core.db.transaction(() => {
  if (engine.list().length > 0) return;
  plan.files.forEach((f, i) =>
    engine.enqueue({
      file: f.path,
      channelIds: [f.channelId],
      metadata: VideoMetadataSchema.parse({ title: `crash ${i}` }),
      thumbnail: null,
      source: { kind: 'cli' },
    }),
  );
})();
process.stdout.write('STARTED\n');
const timer = setInterval(() => {
  const jobs = engine.list();
  if (jobs.every((j) => isFinalJobState(j.state))) {
    clearInterval(timer);
    void core.close().then(() => process.exit(0));
  }
}, 50);
