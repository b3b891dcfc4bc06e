import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, test } from 'vitest';
import { setupSteps } from '../../../src-shared/domain/google-setup.ts';
import { startGoogleSandbox, type GoogleSandbox } from '../../fakes/google-sandbox/index.ts';
import { clientSecretJson } from '../../helpers/client-secret-json.ts';
import { runDropline, startServeProcess, type ServeProcess } from '../../helpers/serve-process.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { keyFileEnv } from '../../helpers/cli-sandbox.ts';

const BIN = fileURLToPath(new URL('../../../bin/dropline.js', import.meta.url));
const ALICE = 'UCalice0000000000000000a';
const STRANGER = 'UCbob000000000000000000c';

describe('first-run errors name the setup step that fixes them (CLI)', () => {
  let sandbox: GoogleSandbox;
  let dir: ReturnType<typeof tempDir>;
  let serve: ServeProcess;
  let env: Record<string, string>;
  let dataDir: string;
  const run = (...args: string[]) => runDropline([...args, '--data-dir', dataDir], env);

  /** `dropline connect --no-browser` with "the browser" following the URL; the command's end. */
  async function connect(channelId: string) {
    const child = spawn(
      process.execPath,
      [BIN, 'connect', '--no-browser', '--json', '--login-hint', channelId, '--data-dir', dataDir],
      { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stderr.on('data', (c) => (err += String(c)));
    const exited = once(child, 'exit');
    const first = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (c) => {
        out += String(c);
        if (out.includes('\n')) resolve(out.split('\n')[0] as string);
      });
      child.once('exit', () => reject(new Error(`connect exited early: ${err}`)));
    });
    const page = await fetch((JSON.parse(first) as { authorizationUrl: string }).authorizationUrl);
    const html = await page.text();
    const [code] = (await exited) as [number | null];
    return { code, stderr: err, stdout: out, pageStatus: page.status, html };
  }

  beforeAll(async () => {
    sandbox = await startGoogleSandbox({ autoApprove: true });
    dir = tempDir();
    dataDir = join(dir.path, 'data');
    env = {
      DROPLINE_GOOGLE_BASE_URL: sandbox.baseUrl,
      ...keyFileEnv(dir.path),
    };
    serve = await startServeProcess({ dataDir, env });
    const file = join(dir.path, 'client_secret.json');
    writeFileSync(file, clientSecretJson(sandbox));
    assert.equal((await run('client', 'set', '--file', file)).code, 0);
  });
  afterEach(() => {
    sandbox.configure({
      dataApiDisabled: false,
      redirectUriMismatch: false,
      channelLessChannels: [],
      testUserDenial: 'page',
    });
  });
  afterAll(async () => {
    await serve.stop();
    await sandbox.close();
    dir.remove();
  });

  test('dropline setup prints the five numbered steps, each with its console page', async () => {
    const r = await run('setup');
    assert.equal(r.code, 0, r.stderr);
    for (const step of setupSteps) {
      assert.match(r.stdout, new RegExp(`^${step.n}\\. ${step.title.replace(/"/g, '.')}$`, 'm'));
      assert.ok(r.stdout.includes(`Open: ${step.url}`), step.url);
    }
    const json = JSON.parse((await run('setup', '--json')).stdout) as { steps: unknown[] };
    assert.equal(json.steps.length, 5);
  });

  test('accessNotConfigured: enable the YouTube Data API v3 for project N (step 2)', async () => {
    sandbox.configure({ dataApiDisabled: true });
    const r = await connect(ALICE);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stderr, /Enable the YouTube Data API v3 for project 100000000001/);
    assert.match(r.stderr, /youtube\.googleapis\.com\/overview\?project=100000000001/);
    assert.match(r.stderr, /setup step 2/);
  });

  test('access_denied for a user who is not a test user (step 3)', async () => {
    const testing = sandbox.registerClient({
      clientId: '100000000003-sandboxfew.apps.googleusercontent.com',
      clientSecret: 'GOCSPX-sandbox-few-test-users',
      projectId: 'dropline-sandbox-few',
      publishingStatus: 'testing',
      testUsers: ['alice@example.com'],
    });
    assert.equal(
      (await run('client', 'set', '--id', testing.clientId, '--secret', testing.clientSecret)).code,
      0,
    );
    // Google shows its 403 page; here the user is also sent back, so the CLI hears of it.
    sandbox.configure({ testUserDenial: 'redirect' });
    const r = await connect(STRANGER);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stderr, /not a test user/);
    assert.match(r.stderr, /setup step 3/);
    assert.match(r.html, /not a test user/, 'the browser page says so too');
    const file = join(dir.path, 'client_secret.json');
    assert.equal((await run('client', 'set', '--file', file)).code, 0);
  });

  test('a "web" client JSON is refused, explaining the Desktop-app type (step 4)', async () => {
    const web = join(dir.path, 'web.json');
    writeFileSync(
      web,
      JSON.stringify({
        web: {
          client_id: '100000000001-web.apps.googleusercontent.com',
          client_secret: 'GOCSPX-web',
        },
      }),
    );
    const r = await run('client', 'set', '--file', web);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /"Web application" client.*"Desktop app"/);
    assert.match(r.stderr, /setup step 4/);
  });

  test('redirect_uri_mismatch: the client is not of type Desktop app (step 4)', async () => {
    sandbox.configure({ redirectUriMismatch: true });
    const r = await connect(ALICE);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stderr, /not of type "Desktop app"/);
    assert.match(r.stderr, /setup step 4/);
  });

  test('youtubeSignupRequired: the account has no channel yet, at sign-in and at upload', async () => {
    sandbox.configure({ channelLessChannels: [ALICE] });
    const r = await connect(ALICE);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stderr, /has no YouTube channel yet/);
    assert.match(r.stderr, /youtube\.com\/create_channel/);

    // A channel connected before its account lost it: videos.insert says youtubeSignupRequired.
    sandbox.configure({ channelLessChannels: [] });
    assert.equal((await connect(ALICE)).code, 0);
    sandbox.configure({ channelLessChannels: [ALICE] });
    const video = join(dir.path, 'v.mp4');
    writeFileSync(video, randomBytes(300_000));
    const up = await run('upload', video, '--channel', ALICE, '--wait', '--json');
    assert.equal(up.code, 1, up.stdout);
    const [job] = JSON.parse((await run('queue', '--json')).stdout) as {
      state: string;
      error: { message: string; retryable: boolean };
    }[];
    assert.equal(job?.state, 'failed');
    assert.match(job?.error.message ?? '', /has no YouTube channel yet.*create_channel/);
  });
});
