import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  startGoogleSandbox,
  type GoogleSandbox,
  type GoogleSandboxOptions,
} from '../fakes/google-sandbox/index.ts';
import { runDropline, startServeProcess, type ServeProcess } from './serve-process.ts';
import { tempDir } from './temp-dir.ts';

/**
 * The environment a `dropline` child process needs to open its vault without a keychain:
 * a fresh 32-byte key file in `dir` (mode 0600), named by the key-file provider's variables.
 */
export function keyFileEnv(dir: string): Record<string, string> {
  const keyFile = join(dir, 'master.key');
  writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });
  return { DROPLINE_KEY_PROVIDER: 'file', DROPLINE_MASTER_KEY_FILE: keyFile };
}

/** A Google sandbox, a temporary data folder and a key-file vault, for tests of the CLI. */
export interface CliSandbox {
  sandbox: GoogleSandbox;
  /** The temporary folder (the data folder is `data/` inside it). */
  dir: string;
  dataDir: string;
  /** The environment every `dropline` process of this test runs with. */
  env: Record<string, string>;
  /** One `dropline` command on this data folder, run to completion. */
  run(...args: string[]): ReturnType<typeof runDropline>;
  /** The running `dropline serve`, if any. */
  readonly serve: ServeProcess | undefined;
  /** Starts `dropline serve` on this data folder (stopping one already running first). */
  startServe(): Promise<ServeProcess>;
  stopServe(): Promise<void>;
  close(): Promise<void>;
}

export async function startCliSandbox(
  opts: { env?: Record<string, string>; sandbox?: GoogleSandboxOptions } = {},
): Promise<CliSandbox> {
  const sandbox = await startGoogleSandbox({ autoApprove: true, ...opts.sandbox });
  const dir = tempDir();
  const dataDir = join(dir.path, 'data');
  const env = {
    DROPLINE_GOOGLE_BASE_URL: sandbox.baseUrl,
    ...keyFileEnv(dir.path),
    ...opts.env,
  };
  let serve: ServeProcess | undefined;
  const stopServe = async () => {
    await serve?.stop();
    serve = undefined;
  };
  return {
    sandbox,
    dir: dir.path,
    dataDir,
    env,
    run: (...args) => runDropline([...args, '--data-dir', dataDir], env),
    get serve() {
      return serve;
    },
    async startServe() {
      await stopServe();
      serve = await startServeProcess({ dataDir, env });
      return serve;
    },
    stopServe,
    async close() {
      await stopServe();
      await sandbox.close();
      dir.remove();
    },
  };
}
