// Runs once, in vitest's main process, before any worker starts.
// 1. One line per missing system tool, naming its Debian package (CI=true: missing is an error).
// 2. A private D-Bus session with an unlocked gnome-keyring, so the keychain tests use a real
//    Secret Service without ever touching the developer's own keyring. Workers inherit its
//    address through process.env.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { missingLine, systemTools, type ToolName } from '../helpers/system-tools.ts';

export const PRIVATE_KEYRING_MARK = 'DROPLINE_TEST_PRIVATE_KEYRING';

export default async function setup(): Promise<() => void> {
  const missing = (Object.keys(systemTools) as ToolName[]).filter(
    (name) => !systemTools[name].available(),
  );
  for (const name of missing) console.warn(`skipped: ${missingLine(name, 'not installed')}`);
  if (missing.length > 0 && process.env.CI === 'true')
    throw new Error(`CI=true needs every system tool; missing: ${missing.join(', ')}.`);
  return missing.includes('secretService') ? () => {} : await startPrivateSecretService();
}

async function startPrivateSecretService(): Promise<() => void> {
  const home = mkdtempSync(join(tmpdir(), 'dropline-keyring-home-'));
  const launch = spawnSync('dbus-launch', ['--sh-syntax'], { encoding: 'utf8' });
  const address = /DBUS_SESSION_BUS_ADDRESS='([^']+)'/.exec(launch.stdout)?.[1];
  const busPid = Number(/DBUS_SESSION_BUS_PID=(\d+)/.exec(launch.stdout)?.[1]);
  if (!address || !busPid) throw new Error(`dbus-launch gave no session: ${launch.stderr}`);
  const env = {
    ...process.env,
    DBUS_SESSION_BUS_ADDRESS: address,
    HOME: home,
    XDG_DATA_HOME: home,
  };
  const keyring: ChildProcess = spawn(
    'gnome-keyring-daemon',
    ['--foreground', '--unlock', '--components=secrets'],
    { env, stdio: ['pipe', 'ignore', 'ignore'] },
  );
  keyring.stdin?.end('pw\n');
  await secretServiceOnBus(env);
  process.env.DBUS_SESSION_BUS_ADDRESS = address;
  process.env[PRIVATE_KEYRING_MARK] = '1';
  return () => {
    keyring.kill();
    try {
      process.kill(busPid);
    } catch {
      // Already gone.
    }
    rmSync(home, { recursive: true, force: true });
  };
}

/** The daemon answers a moment after it starts: wait until it owns its bus name (at most 10 s). */
async function secretServiceOnBus(env: NodeJS.ProcessEnv): Promise<void> {
  const args = [
    '--session',
    '--dest=org.freedesktop.DBus',
    '--print-reply',
    '/org/freedesktop/DBus',
    'org.freedesktop.DBus.NameHasOwner',
    'string:org.freedesktop.secrets',
  ];
  for (let tries = 0; tries < 200; tries++) {
    const reply = spawnSync('dbus-send', args, { env, encoding: 'utf8' });
    if (/boolean true/.test(reply.stdout)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('gnome-keyring-daemon did not appear on the private D-Bus session within 10 s.');
}
