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
const sparseBytes = Number(process.env.BENCH_SPARSE_GB ?? 4) * 1024 * MB;
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

/** Runs the engine process on a fresh data dir until its one job is final; returns its pid/exit. */
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
    chunkSize: 8 * MB,
  };
  const child = spawn(process.execPath, [engineScript], {
    env: { ...process.env, CRASH_PLAN: JSON.stringify(plan) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return { child, exited: once(child, 'exit') };
}

function peakRssKiB(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

// 1. Throughput.
const file = videoFile(dir.path, 'throughput.mp4', size);
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
let t = performance.now();
// Async on purpose: the sandbox serves from this very process.
const curl = spawn('curl', ['-sS', '-o', '/dev/null', '-T', file.path, session], {
  stdio: 'inherit',
});
const [curlCode] = (await once(curl, 'exit')) as [number | null];
const curlMs = performance.now() - t;
if (curlCode !== 0) console.log(`curl failed (exit ${curlCode})`);
// The engine runs as its own process: a 1-byte upload measures its start-up and session overhead.
const tiny = videoFile(dir.path, 'tiny.mp4', 1);
t = performance.now();
await engine(sandbox.baseUrl, tiny.path, alice, join(dir.path, 'd0')).exited;
const overheadMs = performance.now() - t;
t = performance.now();
const run1 = engine(sandbox.baseUrl, file.path, alice, join(dir.path, 'd1'));
await run1.exited;
const engineMs = performance.now() - t;
const mbps = (ms: number) => (size / MB / (ms / 1000)).toFixed(1);
console.log(
  `throughput (${size / MB} MiB): curl -T ${mbps(curlMs)} MiB/s; engine ${mbps(engineMs)} MiB/s with process start (ratio ${(curlMs / engineMs).toFixed(2)}), ${mbps(engineMs - overheadMs)} MiB/s without its ${overheadMs.toFixed(0)} ms start-up (ratio ${(curlMs / (engineMs - overheadMs)).toFixed(2)})`,
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
const killDir = join(dir.path, 'd4');
const first = engine(proxyUrl, killFile.path, alice, killDir);
while (bodyBytes < 30 * MB) await new Promise((r) => setTimeout(r, 20));
first.child.kill('SIGKILL');
await first.exited;
const second = engine(proxyUrl, killFile.path, alice, killDir);
await second.exited;
sandbox.faults.clear();
// Includes the one session-start JSON body (a few hundred bytes).
console.log(
  `bytes sent beyond the file after kill -9 at ~30 MiB: ${bodyBytes - 64 * MB} (one chunk is ${8 * MB})`,
);
proxy.close();
await sandbox.close();
dir.remove();
