import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/dropline.js', import.meta.url));

/**
 * Connects one sandbox channel the way a user does from a terminal:
 * `dropline connect --no-browser --json`, then "the browser" opens the printed
 * URL (the sandbox approves at once with autoApprove, `--login-hint` picks the
 * channel). Resolves with the connected channel JSON.
 */
export async function connectWithCli(opts: {
  dataDir: string;
  env: Record<string, string>;
  channelId: string;
}): Promise<{ id: string; title: string }> {
  const child = spawn(
    process.execPath,
    [
      BIN,
      'connect',
      '--no-browser',
      '--json',
      '--login-hint',
      opts.channelId,
      '--data-dir',
      opts.dataDir,
    ],
    { env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stderr.on('data', (c) => (err += String(c)));
  const exited = once(child, 'exit');
  const firstLine = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (c) => {
      out += String(c);
      if (out.includes('\n')) resolve(out.split('\n')[0] as string);
    });
    child.once('exit', () => reject(new Error(`dropline connect exited: ${err.trim()}`)));
  });
  const { authorizationUrl } = JSON.parse(firstLine) as { authorizationUrl: string };
  const consent = await fetch(authorizationUrl);
  await consent.arrayBuffer();
  const [code] = (await exited) as [number | null];
  if (code !== 0) throw new Error(`dropline connect exited ${code}: ${err.trim()}`);
  const lines = out.trim().split('\n');
  return JSON.parse(lines[lines.length - 1] as string) as { id: string; title: string };
}
