import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { connectWithCli } from '../../helpers/cli-connect.ts';
import { startCliSandbox, type CliSandbox } from '../../helpers/cli-sandbox.ts';
import { clientSecretJson } from '../../helpers/client-secret-json.ts';

const CHANNEL = 'UCalicebrand00000000000b';

describe('dropline client set / connect / channels / disconnect', () => {
  let cli: CliSandbox;
  const run = (...args: string[]) => cli.run(...args);

  beforeAll(async () => {
    cli = await startCliSandbox();
  });

  afterAll(() => cli.close());

  test('bad client input exits 2 naming the problem, even with no engine', async () => {
    const web = join(cli.dir, 'web.json');
    writeFileSync(web, JSON.stringify({ web: { client_id: 'x', client_secret: 'y' } }));
    const notJson = join(cli.dir, 'notjson.json');
    writeFileSync(notJson, 'hello');
    const missing = join(cli.dir, 'missing.json');
    writeFileSync(missing, JSON.stringify({ installed: { client_id: 'x' } }));
    const cases: [string[], RegExp][] = [
      [['--file', web], /"Desktop app"/],
      [['--file', notJson], /is not JSON/],
      [['--file', missing], /installed\.client_secret/],
      [['--id', 'abc'], /is not a Google OAuth client id/],
      [['--id', '1-abc.apps.googleusercontent.com'], /Standard input holds no client secret/],
      [['--file', join(cli.dir, 'nope.json')], /nope\.json does not exist/],
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
    await cli.startServe();
    const file = join(cli.dir, 'client_secret.json');
    writeFileSync(file, clientSecretJson(cli.sandbox));
    const set = await run('client', 'set', '--file', file, '--json');
    assert.equal(set.code, 0, set.stderr);
    assert.equal(JSON.parse(set.stdout).clientId, cli.sandbox.defaultClient.clientId);

    const connected = await connectWithCli({
      dataDir: cli.dataDir,
      env: cli.env,
      channelId: CHANNEL,
    });
    assert.ok(connected.authorizationUrl.startsWith(`${cli.sandbox.baseUrl}/o/oauth2/v2/auth?`));
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
