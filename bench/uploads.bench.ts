// Upload engine figures (issue 5), each next to a reference measured in the same run:
//  1. throughput to the sandbox on loopback, as a ratio to `curl -T` of the same file;
//  2. peak RSS growth of an engine process uploading a large sparse file;
//  3. bytes sent twice after a kill -9 mid-upload, counted by a byte-counting proxy.
// BENCH_MB (default 256) sizes the throughput file, BENCH_SPARSE_GB (default 4) the sparse one.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, openSync, ftruncateSync, readFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { startGoogleSandbox } from '../test/fakes/google-sandbox/index.ts';
import { alice, aliceBrand, videoFile } from '../test/helpers/upload-harness.ts';
import { tempDir } from '../test/helpers/temp-dir.ts';

const engineScript = fileURLToPath(
  new URL('../test/integration/uploads/crash-engine.ts', import.meta.url),
);
const MB = 1024 * 1024;
const size = Number(process.env.BENCH_MB ?? 256) * MB;
const sparseBytes = Math.round(Number(process.env.BENCH_SPARSE_GB ?? 4) * 1024) * MB;
const dir = tempDir('dropline-bench-');
const sandbox = await startGoogleSandbox({
  autoApprove: true,
  config: { quotaLimit: 10_000_000 },
  filesDir: join(dir.path, 'sandbox-files'),
});
const client = sandbox.defaultClient;
const tokens = {
  [alice]: sandbox.issueTokens({ channelId: alice }),
  [aliceBrand]: sandbox.issueTokens({ channelId: aliceBrand }),
};

/**
 * Runs the engine process on a fresh data dir until its one job is final.
 * `uploadMs` is the time its job spent uploading (from `uploading` to the
 * next state), read from the engine's own state trace.
 */
function engine(baseUrl: string, file: string, channelId: string, dataDir: string) {
  const plan = {
    dataDir,
    baseUrl,
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    projectId: client.projectId,
    refreshTokens: {
      [alice]: tokens[alice].refreshToken,
      [aliceBrand]: tokens[aliceBrand].refreshToken,
    },
    files: [{ path: file, channelId }],
    // BENCH_CHUNK_MB fixes the chunk size; by default the engine adapts it, as shipped.
    chunkSize: process.env.BENCH_CHUNK_MB
      ? Number(process.env.BENCH_CHUNK_MB) * MB
      : 'engine-default',
  };
  const child = spawn(process.execPath, [engineScript], {
    env: { ...process.env, CRASH_PLAN: JSON.stringify(plan), CRASH_TRACE: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let trace = '';
  child.stdout.on('data', (d: Buffer) => (trace += d.toString()));
  const exited = once(child, 'exit').then(() => {
    const times = [...trace.matchAll(/^STATE \S+ (\S+) (\d+)$/gm)].map((m) => ({
      state: m[1],
      at: Number(m[2]),
    }));
    const began = times.find((t) => t.state === 'uploading');
    const ended = times.find((t) => began && t.at >= began.at && t.state !== 'uploading');
    return { uploadMs: began && ended ? ended.at - began.at : NaN };
  });
  return { child, exited };
}

function peakRssKiB(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

// 1. Throughput: curl -T and the engine take turns on the same file, RUNS times each; medians compared.
const file = videoFile(dir.path, 'throughput.mp4', size);
const runs = Number(process.env.BENCH_RUNS ?? 3);

async function curlOnce(): Promise<number> {
  const start = await fetch(
    `${sandbox.baseUrl}/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status`,
    {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${tokens[aliceBrand].accessToken}`,
        'Content-Type': 'application/json; charset=UTF-8',
        'X-Upload-Content-Length': String(size),
        'X-Upload-Content-Type': 'video/mp4',
      },
      body: JSON.stringify({
        snippet: { title: 'curl', categoryId: '22' },
        status: { privacyStatus: 'private' },
      }),
    },
  );
  const session = start.headers.get('location') as string;
  const t = performance.now();
  // Async on purpose: the sandbox serves from this very process.
  const curl = spawn('curl', ['-sS', '-o', '/dev/null', '-T', file.path, session], {
    stdio: 'inherit',
  });
  const [code] = (await once(curl, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`curl failed (exit ${code})`);
  return performance.now() - t;
}

const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
const curlMs: number[] = [];
const engineMs: number[] = [];
const wholeMs: number[] = [];
for (let i = 0; i < runs; i++) {
  curlMs.push(await curlOnce());
  const t = performance.now();
  const run = await engine(sandbox.baseUrl, file.path, alice, join(dir.path, `d1-${i}`)).exited;
  wholeMs.push(performance.now() - t);
  engineMs.push(run.uploadMs);
}
const mbps = (ms: number) => (size / MB / (ms / 1000)).toFixed(1);
const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(' ');
console.log(`  runs in ms: curl ${list(curlMs)}; engine uploading ${list(engineMs)}`);
console.log(
  `throughput (${size / MB} MiB, median of ${runs}): curl -T ${mbps(median(curlMs))} MiB/s; engine ${mbps(median(engineMs))} MiB/s while uploading (ratio ${(median(curlMs) / median(engineMs)).toFixed(2)}); whole engine process incl. start-up ${mbps(median(wholeMs))} MiB/s (ratio ${(median(curlMs) / median(wholeMs)).toFixed(2)})`,
);

// 2. Peak RSS on a sparse file (holes read as zeros: no disk needed on our side).
const sparse = join(dir.path, 'sparse.mp4');
const fd = openSync(sparse, 'w');
ftruncateSync(fd, sparseBytes);
closeSync(fd);
const small = videoFile(dir.path, 'small.mp4', MB);
const base = engine(sandbox.baseUrl, small.path, alice, join(dir.path, 'd2'));
let basePeak = 0;
const baseTimer = setInterval(
  () => (basePeak = Math.max(basePeak, peakRssKiB(base.child.pid!))),
  50,
);
await base.exited;
clearInterval(baseTimer);
const big = engine(sandbox.baseUrl, sparse, aliceBrand, join(dir.path, 'd3'));
let bigPeak = 0;
const bigTimer = setInterval(() => (bigPeak = Math.max(bigPeak, peakRssKiB(big.child.pid!))), 50);
await big.exited;
clearInterval(bigTimer);
console.log(
  `peak RSS: ${(bigPeak / 1024).toFixed(0)} MiB uploading ${(sparseBytes / MB / 1024).toFixed(1)} GiB, ${(basePeak / 1024).toFixed(0)} MiB uploading 1 MiB: growth ${((bigPeak - basePeak) / 1024).toFixed(0)} MiB`,
);

// 3. Bytes sent twice after kill -9: a proxy counts request body bytes and points sessions at itself.
let bodyBytes = 0;
const proxy = createServer((req, res) => {
  const up = request(
    `${sandbox.baseUrl}${req.url}`,
    { method: req.method, headers: req.headers },
    (answer) => {
      const headers = { ...answer.headers };
      if (headers.location) headers.location = headers.location.replace(sandbox.baseUrl, proxyUrl);
      res.writeHead(answer.statusCode ?? 502, headers);
      answer.pipe(res);
    },
  );
  up.on('error', () => res.destroy());
  req.on('data', (chunk: Buffer) => (bodyBytes += chunk.length));
  req.on('aborted', () => up.destroy());
  req.pipe(up);
});
await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
sandbox.faults.set({ bandwidthBytesPerSec: 32 * MB });
const killFile = videoFile(dir.path, 'kill.mp4', 64 * MB);
const resent: number[] = [];
// Each round kills at a different point of a chunk; the worst round is the figure.
for (const [i, killAt] of [30, 37.3, 45.9].entries()) {
  const killDir = join(dir.path, `d4-${i}`);
  bodyBytes = 0;
  const first = engine(proxyUrl, killFile.path, alice, killDir);
  while (bodyBytes < killAt * MB) await new Promise((r) => setTimeout(r, 5));
  first.child.kill('SIGKILL');
  await first.exited;
  await engine(proxyUrl, killFile.path, alice, killDir).exited;
  // What went through beyond the file: the resent bytes plus one session-start JSON body.
  // The kernel still delivers what the killed engine had written, so this is what Google
  // did not keep (it persists whole 256 KiB units) plus anything the engine sent again.
  resent.push(bodyBytes - 64 * MB);
}
sandbox.faults.clear();
console.log(
  `bytes sent beyond the file after kill -9 mid-upload (3 rounds): ${resent.join(', ')}; worst ${Math.max(...resent)} (the first chunk is ${8 * MB})`,
);
proxy.close();
await sandbox.close();
dir.remove();
