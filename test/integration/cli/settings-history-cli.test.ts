import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { defaultSettings } from '../../../src-shared/domain/settings.ts';
import { connectWithCli } from '../../helpers/cli-connect.ts';
import { clientSecretJson } from '../../helpers/client-secret-json.ts';
import { startCliSandbox, type CliSandbox } from '../../helpers/cli-sandbox.ts';
import { videoFile } from '../../helpers/upload-harness.ts';

const ALICE = 'UCalice0000000000000000a';

// Each test starts a dozen `dropline` processes; on a loaded 2-core machine one takes seconds.
// The bound is generous on purpose: nothing here asserts on time.
describe('dropline settings and dropline history round trips', { timeout: 240_000 }, () => {
  let cli: CliSandbox;
  const run = (...args: string[]) => cli.run(...args);

  beforeAll(async () => {
    cli = await startCliSandbox();
  });

  afterAll(() => cli.close());

  test('a bad value exits 2 naming the key and the rule, even with no engine', async () => {
    const cases: [string[], RegExp][] = [
      [['globalConcurrency', '11'], /globalConcurrency: "11" must be a whole number from 1 to 10/],
      [['globalConcurrency', 'two'], /globalConcurrency: "two" must be a whole number/],
      [['quotaModel', 'bytes'], /quotaModel: "bytes" must be one of: auto, units, calls/],
      [['notifications', 'yes'], /notifications: "yes" must be true or false/],
      [['healthCheckHours', '0'], /healthCheckHours: "0" must be a whole number from 1 to 168/],
      [['ytdlpPath', 'bin/yt-dlp'], /ytdlpPath: "bin\/yt-dlp" must be a full path/],
      [['colour', 'red'], /Unknown setting "colour"/],
    ];
    for (const [args, message] of cases) {
      const r = await run('settings', 'set', ...args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
    }
    assert.equal((await run('settings')).code, 3, 'a valid read needs the engine');
  });

  test('list, set and get, through the engine; the value is what the UI reads', async () => {
    await cli.startServe();
    const listed = await run('settings', '--json');
    assert.equal(listed.code, 0, listed.stderr);
    const all = JSON.parse(listed.stdout) as Record<string, unknown>;
    assert.deepEqual(Object.keys(all).sort(), Object.keys(defaultSettings).sort());
    assert.equal(all.quotaModel, 'auto');
    assert.equal(all.healthCheckHours, 12);
    const text = await run('settings');
    assert.match(text.stdout, /globalConcurrency\s+3\s+\(must be a whole number from 1 to 10\)/);

    for (const [key, value, parsed] of [
      ['globalConcurrency', '4', 4],
      ['quotaModel', 'units', 'units'],
      ['notifications', 'false', false],
      ['healthCheckHours', '6', 6],
      ['bandwidthLimitKiBps', '2048', 2048],
      ['ytdlpPath', '/usr/bin/yt-dlp', '/usr/bin/yt-dlp'],
    ] as const) {
      const set = await run('settings', 'set', key, value, '--json');
      assert.equal(set.code, 0, set.stderr);
      assert.deepEqual(JSON.parse(set.stdout), { key, value: parsed });
    }
    // `get` prints the bare value (one number, one path); the list holds every one that was set.
    assert.equal((await run('settings', 'get', 'globalConcurrency')).stdout.trim(), '4');
    assert.equal((await run('settings', 'get', 'ytdlpPath')).stdout.trim(), '/usr/bin/yt-dlp');
    const now = JSON.parse((await run('settings', '--json')).stdout) as Record<string, unknown>;
    assert.deepEqual(
      [now.globalConcurrency, now.quotaModel, now.notifications, now.healthCheckHours],
      [4, 'units', false, 6],
    );
    assert.deepEqual([now.bandwidthLimitKiBps, now.ytdlpPath], [2048, '/usr/bin/yt-dlp']);
    // The engine keeps them: a restart reads the same values.
    await cli.stopServe();
    await cli.startServe();
    const after = JSON.parse((await run('settings', '--json')).stdout) as Record<string, unknown>;
    assert.equal(after.globalConcurrency, 4);
    assert.equal(after.quotaModel, 'units');
    assert.equal(after.notifications, false);
    assert.equal(after.healthCheckHours, 6);
    assert.equal((await run('settings', 'set', 'globalConcurrency', '99')).code, 2);
    assert.equal((await run('settings', 'get', 'nope')).code, 2);
  });

  test('history lists a finished upload and keeps it after queue clear and a restart', async () => {
    const file = join(cli.dir, 'client_secret.json');
    writeFileSync(file, clientSecretJson(cli.sandbox));
    assert.equal((await run('client', 'set', '--file', file)).code, 0);
    await connectWithCli({ dataDir: cli.dataDir, env: cli.env, channelId: ALICE });
    const video = videoFile(cli.dir, 'holiday-2026.mp4', 300_000);
    const up = await run(
      'upload',
      video.path,
      '--channel',
      ALICE,
      '--title',
      'Holiday film',
      '--wait',
      '--json',
    );
    assert.equal(up.code, 0, up.stderr);
    const history = async (...args: string[]) => {
      const r = await run('history', ...args, '--json');
      assert.equal(r.code, 0, r.stderr);
      return JSON.parse(r.stdout) as Record<string, unknown>[];
    };
    const [entry, ...more] = await history();
    assert.equal(more.length, 0);
    assert.ok(entry);
    assert.deepEqual(Object.keys(entry).sort(), [
      'bytes',
      'channelId',
      'file',
      'finishedAt',
      'jobId',
      'studioUrl',
      'title',
      'url',
      'videoId',
    ]);
    const videoId = String(entry.videoId);
    assert.ok(cli.sandbox.inspect.video(videoId), 'the video is on YouTube');
    assert.equal(entry.channelId, ALICE);
    assert.equal(entry.title, 'Holiday film');
    assert.equal(entry.file, video.path);
    assert.equal(entry.bytes, 300_000);
    assert.equal(entry.url, `https://youtu.be/${videoId}`);
    assert.equal(entry.studioUrl, `https://studio.youtube.com/video/${videoId}/edit`);
    assert.ok(Math.abs(Date.parse(String(entry.finishedAt)) - Date.now()) < 10 * 60_000);

    assert.equal((await history('--channel', 'UCother')).length, 0);
    assert.equal((await history('--since', '2999-01-01')).length, 0);
    assert.equal((await history('--since', '2020-01-01')).length, 1);
    assert.equal((await history('--search', 'HOLIDAY')).length, 1, 'by file name, any case');
    assert.equal((await history('--search', 'nothing-like-it')).length, 0);
    const bad = await run('history', '--since', 'last tuesday');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--since "last tuesday" is not a date/);

    const cleared = await run('queue', 'clear', '--json');
    assert.equal(cleared.code, 0, cleared.stderr);
    assert.deepEqual(JSON.parse(cleared.stdout), { cleared: [entry.jobId] });
    assert.deepEqual(JSON.parse((await run('queue', '--json')).stdout), []);
    assert.deepEqual(await history(), [entry]);

    // The same file again is still known as uploaded: no second video.
    const again = await run('upload', video.path, '--channel', ALICE, '--json');
    assert.equal(again.code, 0, again.stderr);
    assert.equal(cli.sandbox.inspect.channel(ALICE).videos.length, 1);

    await cli.stopServe();
    assert.deepEqual(await history(), [entry], 'read from the database with no engine');
    await cli.startServe();
    assert.deepEqual(await history(), [entry], 'and after a restart');
  });
});
