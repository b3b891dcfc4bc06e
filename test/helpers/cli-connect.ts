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
}): Promise<{
  id: string;
  title: string;
  /** What the command printed first, and every line of its stdout, for tests of the CLI itself. */
  authorizationUrl: string;
  outputLines: string[];
  /** The status of "the browser's" visit to the authorization URL. */
  consentStatus: number;
}> {
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
  const consentStatus = consent.status;
  const [code] = (await exited) as [number | null];
  if (code !== 0) throw new Error(`dropline connect exited ${code}: ${err.trim()}`);
  const outputLines = out.trim().split('\n');
  const channel = JSON.parse(outputLines[outputLines.length - 1] as string) as {
    id: string;
    title: string;
  };
  return { ...channel, authorizationUrl, outputLines, consentStatus };
}
