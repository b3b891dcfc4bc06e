import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, test } from 'vitest';
import { BUILT_MAIN } from '../helpers/chromium-electron/launch.ts';
import type { FromApp } from '../helpers/chromium-electron/protocol.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { testCore } from '../helpers/test-core.ts';

const REGISTER = fileURLToPath(
  new URL('../helpers/chromium-electron/register.ts', import.meta.url),
);

/** The installed `dropline` launcher's command: the app binary with --cli (RunAsNode is off). */
function appCli(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string; messages: FromApp[] }>(
    (resolve) => {
      const child = spawn(
        process.execPath,
        ['--import', REGISTER, BUILT_MAIN, '--ozone-platform=headless', '--cli', ...args],
        { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] },
      );
      let stdout = '';
      let stderr = '';
      const messages: FromApp[] = [];
      child.stdout!.on('data', (c) => (stdout += String(c)));
      child.stderr!.on('data', (c) => (stderr += String(c)));
      child.on('message', (m) => messages.push(m as FromApp));
      child.once('exit', (code) => resolve({ code, stdout, stderr, messages }));
    },
  );
}

describe('the built app binary in its CLI mode (simulated Electron)', () => {
  const dir = tempDir();
  const data = join(dir.path, 'data');
  afterAll(() => dir.remove());

  test('runs a command against the installed code, prints JSON, opens no window, exits with its code', async () => {
    assert.ok(existsSync(BUILT_MAIN), 'run `npm run build` first (npm test does)');
    const core = testCore(data, {}, { startUploads: false });
    core.services.notices.post({ level: 'info', title: 'From the engine', message: 'Hello.' });
    await core.close();
    const env = { DROPLINE_DATA_DIR: data, DROPLINE_LOG_LEVEL: 'error' };
    const notices = await appCli(['notices', '--json'], env);
    assert.equal(notices.code, 0, notices.stderr);
    assert.deepEqual(
      (JSON.parse(notices.stdout) as { title: string }[]).map((n) => n.title),
      ['From the engine'],
    );
    assert.deepEqual(
      notices.messages.filter(
        (m) => m.type === 'window' || m.type === 'tray' || m.type === 'ready',
      ),
      [],
      'no browser, no window, no tray',
    );
    const usage = await appCli(['notices', '--bogus'], env);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /Unknown option "--bogus"/);
    const help = await appCli(['--help'], env);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /dropline notices/);
  });
});
