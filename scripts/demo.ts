// `npm run demo`: the Google sandbox and Dropline together, on a throwaway data
// directory, so anyone can try every feature without a Google account.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGoogleSandbox } from '../test/fakes/google-sandbox/index.ts';
import { startTikTokSandbox } from '../test/fakes/tiktok-sandbox/index.ts';

const sandbox = await startGoogleSandbox({});
const tiktok = await startTikTokSandbox({});
const dataDir = mkdtempSync(join(tmpdir(), 'dropline-demo-'));
const { clientId, clientSecret } = sandbox.defaultClient;
// A throwaway key file: the demo must not leave a key in the user's keychain.
const keyFile = join(dataDir, 'demo-master.key');
writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });

console.log(`Google sandbox: ${sandbox.baseUrl}`);
console.log(`TikTok sandbox: ${tiktok.baseUrl}  (app key ${tiktok.apps.unaudited.clientKey} / secret ${tiktok.apps.unaudited.clientSecret}, unaudited; ${tiktok.apps.audited.clientKey} / ${tiktok.apps.audited.clientSecret}, audited)`);
console.log(`Demo data directory (deleted on exit): ${dataDir}`);
console.log(`OAuth client for the Channels screen:  id ${clientId}  secret ${clientSecret}`);
console.log(
  'Channels you can connect: ' +
    sandbox.inspect
      .state()
      .channels.map((c) => c.title)
      .join(', '),
);

const child = spawn(
  process.execPath,
  ['bin/dropline.js', 'serve', '--data-dir', dataDir, ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      DROPLINE_GOOGLE_BASE_URL: sandbox.baseUrl,
      DROPLINE_TIKTOK_BASE_URL: tiktok.baseUrl,
      DROPLINE_KEY_PROVIDER: 'file',
      DROPLINE_MASTER_KEY_FILE: keyFile,
    },
  },
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', async (code) => {
  await sandbox.close();
  await tiktok.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
