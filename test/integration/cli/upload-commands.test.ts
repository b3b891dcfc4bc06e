import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { startGoogleSandbox, type GoogleSandbox } from '../../fakes/google-sandbox/index.ts';
import { connectWithCli } from '../../helpers/cli-connect.ts';
import { runDropline, startServeProcess, type ServeProcess } from '../../helpers/serve-process.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import {
  alice as ALICE,
  aliceBrand as ALICE_TRAVELS,
  videoFile,
} from '../../helpers/upload-harness.ts';
import { keyFileEnv } from '../../helpers/cli-sandbox.ts';

const MiB = 1024 * 1024;
/**
 * The engine's first chunk (runner-deps.ts): bytesSent first moves by this much;
 * later chunks adapt to the rate (chunk-sizer.ts), so only the first step is known.
 */
const CHUNK = 8 * MiB;

/** The job JSON of cli.md. */
interface CliJob {
  id: string;
  file: string;
  channelId: string;
  state: string;
  bytesSent: number;
  bytesTotal: number;
  videoId: string | null;
  error: { code: string; message: string; retryable: boolean } | null;
}
interface CliChannel {
  id: string;
  title: string;
  status: string;
}
const jobKeys = ['bytesSent', 'bytesTotal', 'channelId', 'error', 'file', 'id', 'state', 'videoId'];

describe('dropline upload, queue, pause, resume, cancel, retry', () => {
  const dir = tempDir();
  const data = join(dir.path, 'data');
  let sandbox: GoogleSandbox;
  let env: Record<string, string>;
  let serve: ServeProcess | undefined;
  const run = (...args: string[]) => runDropline([...args, '--data-dir', data], env);
  const clientId = () => sandbox.defaultClient.clientId;
  const clientSecret = () => sandbox.defaultClient.clientSecret;

  function job(r: { code: number | null; stdout: string; stderr: string }): CliJob {
    assert.equal(r.code, 0, r.stderr);
    return JSON.parse(r.stdout) as CliJob;
  }

  async function queue(): Promise<Record<string, CliJob>> {
    const r = await run('queue', '--json');
    assert.equal(r.code, 0, r.stderr);
    return Object.fromEntries((JSON.parse(r.stdout) as CliJob[]).map((j) => [j.id, j]));
  }

  /** Polls `dropline queue --json` until `ok` holds; the deadline only stops a hung test. */
  async function pollQueue(
    ok: (jobs: Record<string, CliJob>) => boolean,
  ): Promise<Record<string, CliJob>> {
    const deadline = Date.now() + 120_000;
    let last: Record<string, CliJob> = {};
    while (Date.now() < deadline) {
      last = await queue();
      if (ok(last)) return last;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`queue never reached the expected state: ${JSON.stringify(last)}`);
  }

  beforeAll(async () => {
    sandbox = await startGoogleSandbox({ autoApprove: true });
    env = {
      DROPLINE_GOOGLE_BASE_URL: sandbox.baseUrl,
      ...keyFileEnv(dir.path),
    };
  });
  afterAll(async () => {
    await serve?.stop('SIGKILL');
    await sandbox?.close();
    dir.remove();
  });

  test('without an engine, upload exits 3 in one line and queue reads the database', async () => {
    const video = join(dir.path, 'a.mp4');
    writeFileSync(video, 'x'.repeat(1000));
    const up = await runDropline(['upload', video, '--channel', 'UCx', '--data-dir', data]);
    assert.equal(up.code, 3);
    assert.match(up.stderr, /No Dropline engine is running/);
    const queue = await runDropline(['queue', '--json', '--data-dir', data]);
    assert.equal(queue.code, 0);
    assert.deepEqual(JSON.parse(queue.stdout), []);
  });

  test('a 0-byte file is refused with exit 2 naming the file and the rule', async () => {
    serve = await startServeProcess({ dataDir: data, env });
    const empty = join(dir.path, 'empty.mp4');
    writeFileSync(empty, '');
    const up = await runDropline([
      'upload',
      empty,
      '--channel',
      'UCx',
      '--json',
      '--data-dir',
      data,
    ]);
    assert.equal(up.code, 2);
    assert.match(up.stderr, /empty \(0 bytes\)/);
    const out = JSON.parse(up.stdout) as { jobs: { state: string; error: { code: string } }[] };
    assert.equal(out.jobs[0]?.state, 'failed');
    assert.equal(out.jobs[0]?.error.code, 'invalid_file');
  });

  test('a bad flag value names the flag', async () => {
    const video = join(dir.path, 'b.mp4');
    writeFileSync(video, 'y'.repeat(1000));
    const up = await runDropline([
      'upload',
      video,
      '--channel',
      'UCx',
      '--privacy',
      'secret',
      '--data-dir',
      data,
    ]);
    assert.equal(up.code, 2);
    assert.match(up.stderr, /--privacy/);
  });

  test('upload queues one job per channel; pause, resume, cancel and retry act on it', async () => {
    serve ??= await startServeProcess({ dataDir: data, env });
    const set = await run(
      'client',
      'set',
      '--id',
      clientId(),
      '--secret',
      clientSecret(),
      '--json',
    );
    assert.equal(set.code, 0, set.stderr);
    for (const channelId of [ALICE, ALICE_TRAVELS])
      assert.equal((await connectWithCli({ dataDir: data, env, channelId })).id, channelId);
    const channels = JSON.parse((await run('channels', '--json')).stdout) as CliChannel[];
    assert.deepEqual(channels.map((c) => [c.id, c.status]).sort(), [
      [ALICE, 'connected'],
      [ALICE_TRAVELS, 'connected'],
    ]);

    // Three chunks of the engine's 8 MiB: the first is confirmed long before the last.
    const size = 2 * CHUNK + 2 * MiB;
    const video = { ...videoFile(dir.path, 'c.mp4', size), size };
    // 1 MiB/s: a chunk takes seconds, so the job is seen uploading and paused mid-way.
    sandbox.faults.set({ bandwidthBytesPerSec: MiB });
    const up = await run(
      'upload',
      video.path,
      '--channel',
      `${ALICE},${ALICE_TRAVELS}`,
      '--title',
      'Hello',
      '--json',
    );
    assert.equal(up.code, 0, up.stderr);
    const { jobs } = JSON.parse(up.stdout) as { jobs: CliJob[] };
    assert.deepEqual(
      jobs.map((j) => Object.keys(j).sort()),
      [jobKeys, jobKeys],
    );
    assert.deepEqual(
      jobs.map((j) => [j.channelId, j.bytesTotal, j.videoId, j.error]),
      [
        [ALICE, video.size, null, null],
        [ALICE_TRAVELS, video.size, null, null],
      ],
    );
    const [a, b] = jobs.map((j) => j.id) as [string, string];

    // b waits, paused, until the end, so a's steps are the only ones in flight.
    assert.equal(job(await run('pause', b, '--json')).state, 'paused');

    await pollQueue((q) => q[a]!.state === 'uploading' && q[a]!.bytesSent >= CHUNK);
    const paused = job(await run('pause', a, '--json'));
    assert.deepEqual(Object.keys(paused).sort(), jobKeys);
    assert.equal(paused.state, 'paused');
    assert.ok(paused.bytesSent >= CHUNK, `a paused upload keeps its bytes: ${paused.bytesSent}`);
    assert.equal((await queue())[a]!.state, 'paused');

    // Crawl while resumed, so cancel meets a running upload.
    sandbox.faults.set({ bandwidthBytesPerSec: 16 * 1024 });
    const resumed = job(await run('resume', a, '--json'));
    assert.ok(['queued', 'uploading'].includes(resumed.state), resumed.state);
    await pollQueue((q) => q[a]!.state === 'uploading');
    const cancelled = job(await run('cancel', a, '--json'));
    assert.equal(cancelled.state, 'cancelled');
    assert.equal(cancelled.videoId, null);
    assert.equal((await queue())[a]!.state, 'cancelled');

    sandbox.faults.clear();
    const retried = job(await run('retry', a, '--json'));
    assert.equal(retried.state, 'queued');
    assert.equal(retried.error, null);
    assert.equal(job(await run('resume', b, '--json')).state, 'queued');

    const final = await pollQueue((q) =>
      [a, b].every((id) => ['done', 'failed', 'cancelled'].includes(q[id]!.state)),
    );
    const listed = JSON.parse((await run('queue', '--json')).stdout) as CliJob[];
    for (const row of listed) assert.deepEqual(Object.keys(row).sort(), jobKeys);
    for (const [id, channelId] of [
      [a, ALICE],
      [b, ALICE_TRAVELS],
    ] as const) {
      const done = final[id]!;
      assert.equal(done.state, 'done', JSON.stringify(done.error));
      assert.equal(done.bytesSent, video.size);
      assert.equal(done.error, null);
      assert.ok(done.videoId);
      // Exactly once: one video per channel, holding the file's bytes, despite pause, cancel and retry.
      const videos = sandbox.inspect.channel(channelId)?.videos ?? [];
      assert.deepEqual(
        videos.map((v) => [v.id, v.sha256, v.snippet.title]),
        [[done.videoId, video.sha256, 'Hello']],
      );
    }

    const missing = await run('pause', 'nope');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /JOB_ID/);
    const notPaused = await run('resume', a);
    assert.equal(notPaused.code, 1);
    assert.match(notPaused.stderr, /not paused/);
  });

  test('upload --wait tells stderr how the upload moves and prints one JSON document at the end', async () => {
    // Channels are connected by the test before; slow the sandbox so progress can be seen.
    sandbox.faults.set({ bandwidthBytesPerSec: 2 * MiB });
    const clip = videoFile(dir.path, 'waited.mp4', 3 * MiB);
    const r = await run(
      'upload',
      clip.path,
      '--channel',
      ALICE,
      '--title',
      'Waited',
      '--wait',
      '--json',
    );
    sandbox.faults.clear();
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { jobs: CliJob[] };
    assert.equal(out.jobs[0]?.state, 'done');
    assert.match(r.stderr, /Waited -> UCalice0000000000000000a: uploading/);
    assert.match(r.stderr, /Waited -> UCalice0000000000000000a: \d+% \([\d.]+ MB of 3\.1 MB\)/);
    assert.match(r.stderr, /Waited -> UCalice0000000000000000a: done/);
  });
});
