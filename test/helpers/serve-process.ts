import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/dropline.js', import.meta.url));

export interface ServeProcess {
  child: ChildProcess;
  url: string;
  openUrl: string;
  stderr(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Runs `dropline serve --json` as a real child process and waits for its address. */
export async function startServeProcess(opts: {
  dataDir: string;
  port?: number;
  env?: Record<string, string>;
  extraArgs?: string[];
  /** The engine's working directory (default: the test's). */
  cwd?: string;
}): Promise<ServeProcess> {
  const args = [BIN, 'serve', '--no-open', '--json', '--data-dir', opts.dataDir];
  if (opts.port !== undefined) args.push('--port', String(opts.port));
  const child = spawn(process.execPath, [...args, ...(opts.extraArgs ?? [])], {
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: opts.cwd,
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk) => (err += String(chunk)));
  const info = await new Promise<{ url: string; openUrl: string }>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      out += String(chunk);
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line && out.includes('\n')) resolve(JSON.parse(line) as { url: string; openUrl: string });
    });
    child.once('exit', (code) =>
      reject(new Error(`dropline serve exited (${code}): ${err.trim()}`)),
    );
  });
  const exited = once(child, 'exit');
  return {
    child,
    url: info.url,
    openUrl: info.openUrl,
    stderr: () => err,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null) return child.exitCode;
      child.kill(signal);
      const [code] = (await exited) as [number | null];
      return code;
    },
  };
}

/** Runs one `dropline` command to completion. */
export async function runDropline(
  args: string[],
  env: Record<string, string> = {},
  /** Piped to the command's stdin (a passphrase, say); no stdin at all when absent. */
  input?: string,
  opts: { cwd?: string } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env },
    cwd: opts.cwd,
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  if (input !== undefined) child.stdin?.end(input);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c) => (stdout += String(c)));
  child.stderr!.on('data', (c) => (stderr += String(c)));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}
