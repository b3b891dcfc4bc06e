import { afterAll, beforeAll, describe, test } from 'vitest';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { startGoogleSandbox, type GoogleSandbox } from '../../fakes/google-sandbox/index.ts';
import { alice, aliceBrand, videoFile } from '../../helpers/upload-harness.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

const script = fileURLToPath(new URL('./crash-engine.ts', import.meta.url));
const KiB = 1024;

describe('kill -9 at random points (after a random number of bytes) during 20 uploads', () => {
  let sandbox: GoogleSandbox;
  const dir = tempDir('dropline-crash-');
  beforeAll(async () => {
    sandbox = await startGoogleSandbox({ autoApprove: true, config: { quotaLimit: 10_000_000 } });
    // Slow enough that kills land mid-chunk, fast enough to stay bounded.
    sandbox.faults.set({ bandwidthBytesPerSec: 6 * 1024 * KiB });
  });
  afterAll(async () => {
    await sandbox.close();
    dir.remove();
  });

  test(
    'every video exists exactly once with the right bytes, and the database is intact',
    { timeout: 300_000 },
    async () => {
      const files = Array.from({ length: 20 }, (_, i) => {
        const size = 300 * KiB + Math.floor(Math.random() * 900 * KiB);
        const channelId = i % 2 === 0 ? alice : aliceBrand;
        return { ...videoFile(dir.path, `crash-${i}.mp4`, size), size, channelId };
      });
      const plan = {
        dataDir: join(dir.path, 'data'),
        baseUrl: sandbox.baseUrl,
        clientId: sandbox.defaultClient.clientId,
        clientSecret: sandbox.defaultClient.clientSecret,
        projectId: sandbox.defaultClient.projectId,
        refreshTokens: {
          [alice]: sandbox.issueTokens({ channelId: alice }).refreshToken,
          [aliceBrand]: sandbox.issueTokens({ channelId: aliceBrand }).refreshToken,
        },
        files: files.map((f) => ({ path: f.path, channelId: f.channelId })),
      };
      const run = () => {
        const child = spawn(process.execPath, [script], {
          env: { ...process.env, CRASH_PLAN: JSON.stringify(plan) },
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        const exited = once(child, 'exit') as Promise<[number | null, string | null]>;
        return { child, exited };
      };
      // Each kill lands after a random number of further bytes reached Google (not after a
      // random time: a slow start would let every kill land before the first byte).
      const bytesAtGoogle = () => sandbox.inspect.sessions().reduce((n, s) => n + s.bodyBytes, 0);
      const untilBytes = (target: number, exited: Promise<unknown>) =>
        new Promise<'kill' | 'exited'>((resolve) => {
          const poll = setInterval(() => {
            if (bytesAtGoogle() < target) return;
            clearInterval(poll);
            resolve('kill');
          }, 5);
          void exited.then(() => {
            clearInterval(poll);
            resolve('exited');
          });
        });
      let kills = 0;
      for (let round = 0; round < 8; round++) {
        const { child, exited } = run();
        const target = bytesAtGoogle() + 64 * KiB + Math.floor(Math.random() * 1024 * KiB);
        const outcome = await untilBytes(target, exited);
        if (outcome === 'exited') break;
        child.kill('SIGKILL');
        await exited;
        kills++;
      }
      const last = run();
      const [code] = await last.exited;
      assert.equal(code, 0, 'the last engine run finished every job');
      assert.ok(kills >= 5, `kills landed mid-upload (${kills})`);

      const db = new Database(join(plan.dataDir, 'dropline.db'), { readonly: true });
      try {
        assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
        const jobs = db
          .prepare('SELECT file_path, channel_id, state, video_id, bytes_sent, error FROM jobs')
          .all() as {
          file_path: string;
          channel_id: string;
          state: string;
          video_id: string;
          bytes_sent: number;
        }[];
        assert.equal(jobs.length, 20, 'no job lost, none doubled');
        for (const f of files) {
          const job = jobs.find((j) => j.file_path === f.path);
          assert.equal(job?.state, 'done', `${f.path} is done: ${JSON.stringify(job)}`);
          assert.equal(job?.bytes_sent, f.size);
          const videos = sandbox.inspect
            .channel(f.channelId)
            .videos.filter((v) => v.sha256 === f.sha256);
          assert.equal(videos.length, 1, `${f.path}: exactly one video`);
          assert.equal(videos[0]?.id, job?.video_id);
          assert.equal(videos[0]?.byteLength, f.size);
        }
        const all = [alice, aliceBrand].flatMap((c) => sandbox.inspect.channel(c).videos);
        assert.equal(all.length, 20, 'no stray videos');

        // Sessions and bytes: a kill may leave a session whose URI never reached the database
        // (at most one per upload running, two channels), but no bytes go to a session that is
        // not the one that finishes; what crossed the wire twice is at most the chunk in flight.
        const sessions = sandbox.inspect.sessions();
        const finished = sessions.filter((s) => s.completedVideoId !== null);
        assert.equal(finished.length, 20, 'one finished session per video');
        assert.ok(sessions.length <= 20 + 2 * kills, `${sessions.length} sessions, ${kills} kills`);
        for (const s of sessions.filter((s) => s.completedVideoId === null))
          assert.equal(s.bodyBytes, 0, `session ${s.uploadId} was abandoned after bytes were sent`);
        const sent = sessions.reduce((sum, s) => sum + s.bodyBytes, 0);
        const total = files.reduce((sum, f) => sum + f.size, 0);
        assert.ok(sent >= total, 'every byte arrived');
        assert.ok(
          sent <= total + kills * 2 * 256 * KiB,
          `${sent - total} bytes sent again after ${kills} kills`,
        );
      } finally {
        db.close();
      }
    },
  );
});
