// A whole engine in its own process, for kill -9 tests: `refresh` refreshes one
// TikTok account and (with DIE_AFTER_REFRESH_ANSWER) SIGKILLs itself right
// after the new refresh token is safe; `upload` enqueues one file on its first
// run and exits 0 once the job is final.
import { dirname } from 'node:path';
import { createCore } from '../../../src-main/core/create-core.ts';
import { memorySink } from '../../../src-main/logging/logger.ts';
import { isFinalJobState } from '../../../src-shared/domain/job.ts';
import { VideoMetadataSchema } from '../../../src-shared/domain/metadata.ts';
import { testKeyProviders } from '../../helpers/test-key-file.ts';

interface Plan {
  mode: 'refresh' | 'upload';
  dataDir: string;
  tiktokBaseUrl: string;
  openId: string;
  file?: string;
  chunkSize?: number;
  dieAfterRefreshAnswer?: boolean;
}

const plan = JSON.parse(process.env.TIKTOK_PLAN ?? '') as Plan;
const core = createCore(
  {
    dataDir: plan.dataDir,
    mode: 'headless',
    version: '0.0.0-tiktok',
    googleBaseUrl: null,
    tiktokBaseUrl: plan.tiktokBaseUrl,
    logLevel: 'warn',
  },
  {
    logSink: memorySink(),
    keyProviders: testKeyProviders(dirname(plan.dataDir)),
    startUploads: plan.mode === 'upload',
    uploads: { backoff: { baseMs: 20, capMs: 200 } },
    tiktok: {
      chunkSize: plan.chunkSize,
      afterRefreshAnswer: plan.dieAfterRefreshAnswer
        ? () => process.kill(process.pid, 'SIGKILL')
        : undefined,
    },
  },
);
if (plan.mode === 'refresh') {
  await core.services.tiktok.tokens.refresh(plan.openId);
  await core.close();
  process.exit(0);
}
const engine = core.services.uploads;
if (engine.list().length === 0)
  engine.enqueue({
    file: plan.file!,
    channelIds: [`tiktok:${plan.openId}`],
    metadata: VideoMetadataSchema.parse({ title: 'crash' }),
    thumbnail: null,
    source: { kind: 'cli' },
  });
process.stdout.write('STARTED\n');
const timer = setInterval(() => {
  if (engine.list().every((j) => isFinalJobState(j.state))) {
    clearInterval(timer);
    void core.close().then(() => process.exit(0));
  }
}, 20);
