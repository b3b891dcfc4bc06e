import assert from 'node:assert/strict';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { wallTimeAt } from '../../../src-shared/publishing/zoned-time.ts';
import { startGoogleSandbox, type GoogleSandbox } from '../../fakes/google-sandbox/index.ts';
import { connectWithCli } from '../../helpers/cli-connect.ts';
import { runDropline, startServeProcess, type ServeProcess } from '../../helpers/serve-process.ts';
import { lacks } from '../../helpers/system-tools.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { makeMp4 } from '../watch/watch-harness.ts';
import { alice as ALICE, aliceBrand as TRAVELS, videoFile } from '../../helpers/upload-harness.ts';
import { keyFileEnv } from '../../helpers/cli-sandbox.ts';

interface Slot {
  at: string;
  jobId: string | null;
}

describe('dropline schedule, presets, upload --schedule/--preset/--caption/--publish-at, watch add --schedule', () => {
  const dir = tempDir();
  const data = join(dir.path, 'data');
  let sandbox: GoogleSandbox;
  let env: Record<string, string>;
  let serve: ServeProcess | undefined;
  // The user's zone: plain-word dates are read there.
  const run = (...args: string[]) =>
    runDropline([...args, '--data-dir', data], { ...env, TZ: 'Europe/Berlin' });
  const ok = async (...args: string[]) => {
    const r = await run(...args);
    assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
    return r;
  };
  const slots = async (channelId: string, n = 3): Promise<Slot[]> =>
    JSON.parse(
      (await ok('schedule', 'show', channelId, '--next', String(n), '--json')).stdout,
    ) as Slot[];

  beforeAll(async () => {
    sandbox = await startGoogleSandbox({ autoApprove: true });
    env = {
      DROPLINE_GOOGLE_BASE_URL: sandbox.baseUrl,
      ...keyFileEnv(dir.path),
    };
    serve = await startServeProcess({ dataDir: data, env });
    await ok(
      'client',
      'set',
      '--id',
      sandbox.defaultClient.clientId,
      '--secret',
      sandbox.defaultClient.clientSecret,
    );
    for (const channelId of [ALICE, TRAVELS])
      assert.equal((await connectWithCli({ dataDir: data, env, channelId })).id, channelId);
  });
  afterAll(async () => {
    await serve?.stop('SIGKILL');
    await sandbox?.close();
    dir.remove();
  });

  test('schedule set / show --json / clear; a bad rule is exit 2 naming the field', async () => {
    const bad = await run(
      'schedule',
      'set',
      ALICE,
      '--rrule',
      'FREQ=WEEKLY;BYDAY=XX',
      '--tz',
      'Europe/Berlin',
    );
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /rrule: BYDAY takes MO/);
    const badZone = await run(
      'schedule',
      'set',
      ALICE,
      '--rrule',
      'FREQ=DAILY',
      '--tz',
      'Europe/Nowhere',
    );
    assert.equal(badZone.code, 2);
    assert.match(badZone.stderr, /tz: "Europe\/Nowhere" is not a time zone/);
    await ok(
      'schedule',
      'set',
      ALICE,
      '--rrule',
      'FREQ=WEEKLY;BYDAY=TU,TH;BYHOUR=15;BYMINUTE=0',
      '--tz',
      'Europe/Berlin',
    );
    const shown = await slots(ALICE, 4);
    assert.equal(shown.length, 4);
    for (const s of shown) {
      assert.deepEqual(Object.keys(s).sort(), ['at', 'jobId']);
      assert.equal(s.jobId, null);
      const wall = wallTimeAt(Date.parse(s.at), 'Europe/Berlin');
      assert.equal(wall.hour, 15);
      assert.ok([2, 4].includes(new Date(Date.parse(s.at)).getUTCDay()));
    }
    await ok(
      'schedule',
      'set',
      TRAVELS,
      '--rrule',
      'FREQ=DAILY;BYHOUR=9',
      '--tz',
      'America/Los_Angeles',
    );
    assert.match((await ok('schedule', 'clear', TRAVELS)).stdout, /Removed the schedule/);
    assert.equal((await run('schedule', 'show', TRAVELS)).code, 1);
  });

  test('upload --schedule takes the next free slot and says it on stderr; a second upload the one after', async () => {
    const first = videoFile(dir.path, 'sched1.mp4', 5000);
    const second = videoFile(dir.path, 'sched2.mp4', 6000);
    const before = await slots(ALICE, 2);
    const up1 = await ok(
      'upload',
      first.path,
      '--channel',
      ALICE,
      '--schedule',
      '--json',
      '--wait',
    );
    assert.match(
      up1.stderr,
      new RegExp(`sched1\\.mp4 on ${ALICE}: slot .* Europe/Berlin .*= ${before[0]!.at}`),
    );
    const up2 = await ok(
      'upload',
      second.path,
      '--channel',
      ALICE,
      '--schedule',
      '--json',
      '--wait',
    );
    const [job1] = (JSON.parse(up1.stdout) as { jobs: { id: string; videoId: string }[] }).jobs;
    const [job2] = (JSON.parse(up2.stdout) as { jobs: { id: string; videoId: string }[] }).jobs;
    const after = await slots(ALICE, 2);
    assert.deepEqual(after, [
      { at: before[0]!.at, jobId: job1!.id },
      { at: before[1]!.at, jobId: job2!.id },
    ]);
    assert.equal(sandbox.inspect.video(job1!.videoId)!.status.publishAt, before[0]!.at);
    assert.equal(sandbox.inspect.video(job2!.videoId)!.status.privacyStatus, 'private');
    const noSchedule = await run('upload', first.path, '--channel', TRAVELS, '--schedule');
    assert.equal(noSchedule.code, 2);
    assert.match(noSchedule.stderr, new RegExp(`channel ${TRAVELS} has no publishing schedule`));
  });

  test('--publish-at in plain words is echoed as an absolute time before queueing; past or ambiguous is exit 2', async () => {
    const video = videoFile(dir.path, 'words.mp4', 3000);
    const up = await ok(
      'upload',
      video.path,
      '--channel',
      TRAVELS,
      '--publish-at',
      'next tuesday 3pm',
      '--json',
    );
    const line =
      /Publish at: Tue (\d{4}-\d{2}-\d{2}) 15:00 Europe\/Berlin \(UTC\+\d\) = (\S+)/.exec(
        up.stderr,
      );
    assert.ok(line, up.stderr);
    assert.equal(wallTimeAt(Date.parse(line[2]!), 'Europe/Berlin').hour, 15);
    const past = await run(
      'upload',
      video.path,
      '--channel',
      TRAVELS,
      '--publish-at',
      'yesterday 3pm',
    );
    assert.equal(past.code, 2);
    assert.match(past.stderr, /--publish-at: "yesterday 3pm" is in the past/);
    const vague = await run(
      'upload',
      video.path,
      '--channel',
      TRAVELS,
      '--publish-at',
      'next friday',
    );
    assert.equal(vague.code, 2);
    assert.match(vague.stderr, /gives no time of day/);
    const iso = await ok(
      'upload',
      videoFile(dir.path, 'iso.mp4', 2000).path,
      '--channel',
      TRAVELS,
      '--publish-at',
      '2099-06-01T15:00:00+02:00',
    );
    assert.match(iso.stderr, /Publish at: .* = 2099-06-01T13:00:00.000Z/);
  });

  test('presets set --file / list / show / remove; upload --preset with --caption', async () => {
    const badFile = join(dir.path, 'bad-preset.yaml');
    writeFileSync(badFile, 'tags: [a]\nprivacy: secret\n');
    const bad = await run('presets', 'set', 'weekly', '--file', badFile);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /bad-preset\.yaml, line 2, field "privacy"/);
    const huge = join(dir.path, 'huge.yaml');
    writeFileSync(huge, `descriptionFooter: "${'x'.repeat(300 * 1024)}"\n`);
    const tooBig = await run('presets', 'set', 'huge', '--file', huge);
    assert.equal(tooBig.code, 2);
    assert.match(tooBig.stderr, /huge\.yaml is \d+ bytes; a preset file may have at most 262144/);
    const file = join(dir.path, 'weekly.yaml');
    writeFileSync(
      file,
      [
        'descriptionFooter: "Thanks for watching"',
        'tags: [cooking, weekly]',
        'categoryId: 26',
        'defaultLanguage: en',
        'localizations:',
        '  de: {title: Wöchentlich, description: Danke}',
      ].join('\n'),
    );
    await ok('presets', 'set', 'weekly', '--file', file);
    const list = JSON.parse((await ok('presets', 'list', '--json')).stdout) as {
      name: string;
      channelId: string | null;
    }[];
    assert.deepEqual(
      list.map((p) => [p.name, p.channelId]),
      [['weekly', null]],
    );
    assert.match(
      (await ok('presets', 'show', 'weekly')).stdout,
      /descriptionFooter: "Thanks for watching"/,
    );
    const caption = join(dir.path, 'subs.vtt');
    writeFileSync(caption, 'WEBVTT\n\n00:00.000 --> 00:01.000\nHallo\n');
    const badCaption = await run(
      'upload',
      caption,
      '--channel',
      ALICE,
      '--caption',
      `${caption}:xx-nope`,
    );
    assert.equal(badCaption.code, 2);
    assert.match(
      badCaption.stderr,
      /--caption: caption subs\.vtt: language "xx-nope" is not a BCP-47/,
    );
    const video = videoFile(dir.path, 'preset.mp4', 4000);
    const up = await ok(
      'upload',
      video.path,
      '--channel',
      TRAVELS,
      '--preset',
      'weekly',
      '--description',
      'Episode 3',
      '--caption',
      `${caption}:de`,
      '--json',
      '--wait',
    );
    const [job] = (JSON.parse(up.stdout) as { jobs: { videoId: string; state: string }[] }).jobs;
    assert.equal(job?.state, 'done');
    const stored = sandbox.inspect.video(job!.videoId)!;
    assert.deepEqual(stored.snippet.tags, ['cooking', 'weekly']);
    assert.equal(stored.snippet.categoryId, '26');
    assert.equal(stored.snippet.description, 'Episode 3\n\nThanks for watching');
    assert.deepEqual(stored.localizations, { de: { title: 'Wöchentlich', description: 'Danke' } });
    assert.deepEqual(
      stored.captions.map((c) => c.language),
      ['de'],
    );
    assert.equal((await run('upload', video.path, '--channel', ALICE, '--preset', 'nope')).code, 1);
    await ok('presets', 'remove', 'weekly');
    assert.equal((await run('presets', 'remove', 'weekly')).code, 1);
  });

  // The engine checks watched videos with ffprobe when it is installed: a real MP4 then.
  test.skipIf(lacks('ffmpeg'))(
    "watch add --schedule: a new video in the folder takes the channel's next free slot",
    async () => {
      const folder = join(dir.path, 'watched');
      mkdirSync(folder);
      await ok('watch', 'add', folder, '--channel', ALICE, '--schedule', '--stability', '0.05');
      const free = (await slots(ALICE, 4)).find((s) => s.jobId === null)!;
      const staged = join(dir.path, 'staged.mp4');
      writeFileSync(staged, makeMp4(dir.path)!);
      const video = { path: join(folder, 'dropped.mp4') };
      renameSync(staged, video.path);
      const deadline = Date.now() + 60_000;
      let filled: Slot | undefined;
      while (Date.now() < deadline) {
        filled = (await slots(ALICE, 4)).find((s) => s.at === free.at && s.jobId !== null);
        if (filled) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.ok(filled, 'the dropped video took the free slot');
      const queue = JSON.parse((await ok('queue', '--json')).stdout) as {
        id: string;
        file: string;
      }[];
      assert.equal(queue.find((j) => j.id === filled!.jobId)?.file, video.path);
    },
  );
});
