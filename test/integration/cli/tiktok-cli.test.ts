import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { startGoogleSandbox, type GoogleSandbox } from '../../fakes/google-sandbox/index.ts';
import { startTikTokSandbox, type TikTokSandbox } from '../../fakes/tiktok-sandbox/index.ts';
import { connectWithCli } from '../../helpers/cli-connect.ts';
import { runDropline, startServeProcess, type ServeProcess } from '../../helpers/serve-process.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { alice, videoFile } from '../../helpers/upload-harness.ts';
import { keyFileEnv } from '../../helpers/cli-sandbox.ts';

const BIN = fileURLToPath(new URL('../../../bin/dropline.js', import.meta.url));

describe('dropline tiktok and upload --channel UC...,tiktok:ACCOUNT', () => {
  const dir = tempDir();
  const data = join(dir.path, 'data');
  let google: GoogleSandbox;
  let tiktok: TikTokSandbox;
  let env: Record<string, string>;
  let serve: ServeProcess | undefined;
  const run = (args: string[], input?: string) =>
    runDropline([...args, '--data-dir', data], env, input);

  beforeAll(async () => {
    google = await startGoogleSandbox({ autoApprove: true });
    tiktok = await startTikTokSandbox();
    env = {
      DROPLINE_GOOGLE_BASE_URL: google.baseUrl,
      DROPLINE_TIKTOK_BASE_URL: tiktok.baseUrl,
      ...keyFileEnv(dir.path),
    };
    serve = await startServeProcess({ dataDir: data, env });
  });
  afterAll(async () => {
    await serve?.stop('SIGKILL');
    await google?.close();
    await tiktok?.close();
    dir.remove();
  });

  test('an unaudited app, an account connected by PKCE, one upload to both platforms', async () => {
    const { clientKey, clientSecret } = tiktok.apps.unaudited;
    const app = await run(
      ['tiktok', 'app', '--key', clientKey, '--unaudited', '--json'],
      `${clientSecret}\n`,
    );
    assert.equal(app.code, 0, app.stderr);
    assert.deepEqual(JSON.parse(app.stdout), { clientKey, audited: false });
    assert.ok(!app.stdout.includes(clientSecret));

    const child = spawn(
      process.execPath,
      [BIN, 'tiktok', 'connect', '--no-browser', '--json', '--data-dir', data],
      {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (c) => (out += String(c)));
    const exited = once(child, 'exit');
    const first = await new Promise<string>((resolve) =>
      child.stdout.on('data', () => out.includes('\n') && resolve(out.split('\n')[0]!)),
    );
    const url = new URL((JSON.parse(first) as { authorizationUrl: string }).authorizationUrl);
    assert.equal(url.searchParams.get('client_key'), clientKey);
    assert.match(url.searchParams.get('code_challenge') ?? '', /^[0-9a-f]{64}$/);
    url.searchParams.set('sandbox_account', '-000carol-open-id-0001');
    await (await fetch(url)).arrayBuffer();
    const [code] = (await exited) as [number];
    assert.equal(code, 0);
    const account = JSON.parse(out.trim().split('\n').at(-1)!) as {
      id: string;
      privacyOptions: string[];
      postingNote: string;
    };
    assert.deepEqual(account.privacyOptions, ['SELF_ONLY']);
    assert.match(account.postingNote, /audit/);

    await run([
      'client',
      'set',
      '--id',
      google.defaultClient.clientId,
      '--secret',
      google.defaultClient.clientSecret,
    ]);
    await connectWithCli({ dataDir: data, env, channelId: alice });

    const file = videoFile(dir.path, 'both.mp4', 400_000);
    const up = await run([
      'upload',
      file.path,
      '--channel',
      `${alice},tiktok:carol.cuts`,
      '--tiktok-caption',
      'Vertical cut',
      '--wait',
      '--json',
    ]);
    assert.equal(up.code, 0, up.stderr);
    const jobs = (JSON.parse(up.stdout) as { jobs: { channelId: string; state: string }[] }).jobs;
    assert.deepEqual(
      jobs.map((j) => [j.channelId, j.state]).sort(),
      [
        [account.id, 'done'],
        [alice, 'done'],
      ].sort(),
    );
    assert.equal(google.inspect.channel(alice).videos[0]?.sha256, file.sha256);
    const [post] = tiktok.inspect.posts();
    assert.equal(post?.sha256, file.sha256);
    assert.equal(post?.postInfo?.title, 'Vertical cut');
    assert.equal(post?.postInfo?.privacyLevel, 'SELF_ONLY');

    const unknown = await run(['upload', file.path, '--channel', 'tiktok:nobody', '--json']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /No TikTok account "nobody"/);
    const check = await run(['tiktok', 'check', '--json']);
    assert.equal(check.code, 0, check.stderr);
    assert.equal((JSON.parse(check.stdout) as { status: string }[])[0]?.status, 'connected');
  });
});
