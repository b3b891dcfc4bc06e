import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { isFinalJobState } from '../../../src-shared/domain/job.ts';
import {
  alice,
  metadata,
  startHarness,
  videoFile,
  waitForJobs,
  waitForState,
  type Harness,
} from '../../helpers/upload-harness.ts';

const srt = '1\n00:00:00,000 --> 00:00:02,000\nHello\n\n2\n00:00:02,000 --> 00:00:04,000\nWorld\n';
const vtt = 'WEBVTT\n\n00:00.000 --> 00:02.000\nHallo\n';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('captions and localizations, against the sandbox', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ core: { videoProbe: null } });
  });
  afterAll(async () => h.close());

  test('caption sidecars next to a watched video are uploaded once each, after the video', async () => {
    const folder = join(h.dir.path, 'captioned');
    mkdirSync(folder);
    await h.core.services.watch.add({
      path: folder,
      channelIds: [alice],
      recursive: false,
      polling: false,
      enabled: true,
      stabilitySeconds: 0.05,
    });
    writeFileSync(join(folder, 'ep12.en.srt'), srt);
    writeFileSync(join(folder, 'ep12.de.vtt'), vtt);
    const file = videoFile(folder, 'ep12.mp4', 100_000);
    const [job] = await waitForJobs(h.core, (all) =>
      all.some((j) => j.file === file.path && isFinalJobState(j.state)),
    ).then((all) => all.filter((j) => j.file === file.path));
    assert.equal(job?.state, 'done', JSON.stringify(job?.error));
    assert.deepEqual(job.captions.map((c) => [c.language, c.state]).sort(), [
      ['de', 'done'],
      ['en', 'done'],
    ]);
    const video = h.sandbox.inspect.video(job.videoId!)!;
    assert.equal(video.sha256, file.sha256);
    assert.deepEqual(video.captions.map((c) => [c.language, c.sha256]).sort(), [
      ['de', sha(vtt)],
      ['en', sha(srt)],
    ]);
  });

  test('a caption failure retries only the caption step: one video, one caption', async () => {
    const captionFile = join(h.dir.path, 'retry.fr.srt');
    writeFileSync(captionFile, srt);
    const file = videoFile(h.dir.path, 'retry.mp4', 50_000);
    h.sandbox.faults.set({
      failNext: {
        count: 1,
        status: 400,
        reason: 'invalidMetadata',
        pathPrefix: '/upload/youtube/v3/captions',
      },
    });
    const [id] = h.core.services.uploads.enqueue({
      file: file.path,
      channelIds: [alice],
      metadata: metadata({ title: 'Retry captions' }),
      thumbnail: null,
      source: { kind: 'cli' },
      captions: [{ file: captionFile, language: 'fr' }],
    });
    const failed = await waitForState(h.core, id!, ['done', 'failed']);
    assert.equal(failed.state, 'failed');
    assert.equal(failed.error?.code, 'caption_failed');
    assert.match(
      failed.error!.message,
      /The video was uploaded \(id .+\), but the caption retry\.fr\.srt \(fr\) could not be added/,
    );
    assert.equal(failed.captions[0]?.state, 'failed');
    const inserts = () =>
      h.sandbox.inspect.requests().filter((r) => r.path.startsWith('/upload/youtube/v3/videos?'))
        .length;
    const insertsBefore = inserts();
    h.core.services.uploads.retry(id!);
    const done = await waitForState(h.core, id!, ['done', 'failed']);
    assert.equal(done.state, 'done', JSON.stringify(done.error));
    assert.equal(done.videoId, failed.videoId);
    assert.equal(inserts(), insertsBefore, 'no new upload session');
    const videos = h.sandbox.inspect.channel(alice).videos.filter((v) => v.sha256 === file.sha256);
    assert.equal(videos.length, 1, 'never uploaded twice');
    assert.deepEqual(
      videos[0]!.captions.map((c) => c.language),
      ['fr'],
    );
  });

  test('localizations and the default language arrive as sent', async () => {
    const file = videoFile(h.dir.path, 'localized.mp4', 20_000);
    const localizations = {
      de: { title: 'Kochen mit Alice', description: 'Heute: Brot 🍞' },
      'pt-BR': { title: 'Cozinhando', description: '' },
    };
    const [id] = h.core.services.uploads.enqueue({
      file: file.path,
      channelIds: [alice],
      metadata: metadata({ title: 'Cooking', defaultLanguage: 'en', localizations }),
      thumbnail: null,
      source: { kind: 'cli' },
    });
    const job = await waitForState(h.core, id!, ['done', 'failed']);
    assert.equal(job.state, 'done', JSON.stringify(job.error));
    const video = h.sandbox.inspect.video(job.videoId!)!;
    assert.equal(video.snippet.defaultLanguage, 'en');
    assert.deepEqual(video.localizations, localizations);
  });

  test('a localization breaking a rule is refused by field before anything is sent', () => {
    const file = videoFile(h.dir.path, 'bad-loc.mp4', 1000);
    const [id] = h.core.services.uploads.enqueue({
      file: file.path,
      channelIds: [alice],
      metadata: metadata({
        title: 'x',
        defaultLanguage: 'en',
        localizations: { de: { title: 'a<b', description: '' } },
      }),
      thumbnail: null,
      source: { kind: 'cli' },
    });
    const job = h.core.services.uploads.get(id!);
    assert.equal(job.state, 'failed');
    assert.equal(job.error?.message, 'localizations.de title may not contain < or >');
  });

  test('quota is counted for captions: 400 units each, as Google counts them', async () => {
    const project = h.sandbox.defaultClient.projectId;
    const before = h.core.services.uploads
      .quota()
      .projects.find((p) => p.projectId === project)!.used;
    const sandboxBefore = h.sandbox.quota.snapshot().used;
    const caption = join(h.dir.path, 'quota.es.vtt');
    writeFileSync(caption, vtt);
    const file = videoFile(h.dir.path, 'quota.mp4', 10_000);
    const [id] = h.core.services.uploads.enqueue({
      file: file.path,
      channelIds: [alice],
      metadata: metadata({ title: 'Quota' }),
      thumbnail: null,
      source: { kind: 'cli' },
      captions: [{ file: caption, language: 'es' }],
    });
    assert.equal((await waitForState(h.core, id!, ['done', 'failed'])).state, 'done');
    const after = h.core.services.uploads
      .quota()
      .projects.find((p) => p.projectId === project)!.used;
    // The auto model counts the upload apart (Google decides its price) and the caption's 400 units.
    assert.equal(after - before, 400);
    assert.equal(h.sandbox.quota.snapshot().used - sandboxBefore, 1600 + 400);
    assert.equal(h.sandbox.quota.snapshot().byMethod['captions.insert']?.units, 400 * 4);
  });
});

describe('a channel connected without caption access', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      channels: [alice],
      scopes: [
        'https://www.googleapis.com/auth/youtube',
        'https://www.googleapis.com/auth/youtube.upload',
      ],
    });
  });
  afterAll(async () => h.close());

  test('the caption step says to reconnect; after a reconnect, retry sends only the caption', async () => {
    const caption = join(h.dir.path, 'scope.en.srt');
    writeFileSync(caption, srt);
    const file = videoFile(h.dir.path, 'scope.mp4', 30_000);
    const [id] = h.core.services.uploads.enqueue({
      file: file.path,
      channelIds: [alice],
      metadata: metadata({ title: 'Scope' }),
      thumbnail: null,
      source: { kind: 'cli' },
      captions: [{ file: caption, language: 'en' }],
    });
    const failed = await waitForState(h.core, id!, ['done', 'failed']);
    assert.equal(failed.state, 'failed');
    assert.equal(failed.error?.code, 'captions_need_reconnect');
    assert.match(failed.error!.message, /Reconnect the channel .* the video is not uploaded again/);
    // The reconnect: a new grant with what Dropline asks for now.
    h.refreshTokens[alice] = h.sandbox.issueTokens({ channelId: alice }).refreshToken;
    h.tokens.invalidate(alice, await h.tokens.getAccessToken(alice));
    h.core.services.uploads.retry(id!);
    const done = await waitForState(h.core, id!, ['done', 'failed']);
    assert.equal(done.state, 'done', JSON.stringify(done.error));
    const videos = h.sandbox.inspect.channel(alice).videos.filter((v) => v.sha256 === file.sha256);
    assert.equal(videos.length, 1);
    assert.equal(videos[0]!.captions.length, 1);
  });
});
