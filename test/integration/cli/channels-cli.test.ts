import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { startGoogleSandbox, type GoogleSandbox } from '../../fakes/google-sandbox/index.ts';
import { connectWithCli } from '../../helpers/cli-connect.ts';
import { runDropline, startServeProcess, type ServeProcess } from '../../helpers/serve-process.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { clientSecretJson } from '../../helpers/client-secret-json.ts';

const CHANNEL = 'UCalicebrand00000000000b';

describe('dropline client set / connect / channels / disconnect', () => {
  let sandbox: GoogleSandbox;
  let dir: ReturnType<typeof tempDir>;
  let serve: ServeProcess | undefined;
  let env: Record<string, string>;
  let dataDir: string;
  const run = (...args: string[]) => runDropline([...args, '--data-dir', dataDir], env);

  beforeAll(async () => {
    sandbox = await startGoogleSandbox({ autoApprove: true });
    dir = tempDir();
    dataDir = join(dir.path, 'data');
    const keyFile = join(dir.path, 'master.key');
    writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });
    env = {
      DROPLINE_GOOGLE_BASE_URL: sandbox.baseUrl,
      DROPLINE_KEY_PROVIDER: 'file',
      DROPLINE_MASTER_KEY_FILE: keyFile,
    };
  });

  afterAll(async () => {
    await serve?.stop();
    await sandbox.close();
    dir.remove();
  });

  test('bad client input exits 2 naming the problem, even with no engine', async () => {
    const web = join(dir.path, 'web.json');
    writeFileSync(web, JSON.stringify({ web: { client_id: 'x', client_secret: 'y' } }));
    const notJson = join(dir.path, 'notjson.json');
    writeFileSync(notJson, 'hello');
    const missing = join(dir.path, 'missing.json');
    writeFileSync(missing, JSON.stringify({ installed: { client_id: 'x' } }));
    const cases: [string[], RegExp][] = [
      [['--file', web], /"Desktop app"/],
      [['--file', notJson], /is not JSON/],
      [['--file', missing], /installed\.client_secret/],
      [['--id', 'abc'], /is not a Google OAuth client id/],
      [['--id', '1-abc.apps.googleusercontent.com'], /Standard input holds no client secret/],
      [['--file', join(dir.path, 'nope.json')], /nope\.json does not exist/],
    ];
    for (const [args, message] of cases) {
      const r = await run('client', 'set', ...args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
    }
    const noEngine = await run(
      'client',
      'set',
      '--id',
      '1-abc.apps.googleusercontent.com',
      '--secret',
      'def',
    );
    assert.equal(noEngine.code, 3);
    assert.equal((await run('connect', '--no-browser')).code, 3);
    assert.deepEqual(JSON.parse((await run('channels', '--json')).stdout), []);
  });

  test('set the client, connect with --no-browser --json, list, disconnect', async () => {
    serve = await startServeProcess({ dataDir, env });
    const file = join(dir.path, 'client_secret.json');
    writeFileSync(file, clientSecretJson(sandbox));
    const set = await run('client', 'set', '--file', file, '--json');
    assert.equal(set.code, 0, set.stderr);
    assert.equal(JSON.parse(set.stdout).clientId, sandbox.defaultClient.clientId);

    const connected = await connectWithCli({ dataDir, env, channelId: CHANNEL });
    assert.ok(connected.authorizationUrl.startsWith(`${sandbox.baseUrl}/o/oauth2/v2/auth?`));
    // The user's browser: the sandbox approves and redirects to the loopback listener.
    assert.equal(connected.consentStatus, 200);
    assert.equal(connected.outputLines.length, 2);
    assert.equal(connected.id, CHANNEL);
    assert.equal(connected.title, 'Alice Travels');

    const listed = JSON.parse((await run('channels', '--json')).stdout) as Record<
      string,
      unknown
    >[];
    assert.deepEqual(Object.keys(listed[0] ?? {}).sort(), [
      'accessTokenExpiresAt',
      'grantExpiresAt',
      'id',
      'status',
      'title',
    ]);
    assert.equal(listed[0]?.status, 'connected');
    // The sandbox's default client is a published (production) app: Google gives no end.
    assert.equal(listed[0]?.grantExpiresAt, null);
    assert.ok(Date.parse(String(listed[0]?.accessTokenExpiresAt)) > Date.now());

    const unknown = await run('disconnect', 'UCnope');
    assert.equal(unknown.code, 2);
    const gone = await run('disconnect', CHANNEL, '--json');
    assert.equal(gone.code, 0, gone.stderr);
    assert.equal(JSON.parse(gone.stdout).revokedAtGoogle, true);
    const after = JSON.parse((await run('channels', '--json')).stdout) as { status: string }[];
    assert.equal(after[0]?.status, 'disconnected');
  });
});
