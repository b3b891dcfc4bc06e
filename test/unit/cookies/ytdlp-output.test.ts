import { test } from 'vitest';
import assert from 'node:assert/strict';
import {
  classifyFailure,
  errorSummary,
  parseFileLine,
  parseProgressLine,
} from '../../../src-main/cookies/ytdlp-output.ts';

test('progress lines from the template become numbers, NA becomes null', () => {
  assert.deepEqual(parseProgressLine('dropline-progress 1024 4096 NA 2048.5 NA'), {
    downloadedBytes: 1024,
    totalBytes: 4096,
    speedBytesPerSecond: 2048.5,
    etaSeconds: null,
    percent: 25,
  });
  // Only an estimate (fragmented formats): the estimate serves as the total.
  assert.equal(parseProgressLine('dropline-progress 50 NA 200 NA 3')?.percent, 25);
  assert.equal(parseProgressLine('[download]  25.0% of 4.00KiB'), null);
});

test('the printed file path is read back', () => {
  assert.equal(parseFileLine('dropline-file /tmp/out/clip [clip].mp4'), '/tmp/out/clip [clip].mp4');
  assert.equal(parseFileLine('something else'), null);
});

test('sign-in, bot-check and 403 failures are auth failures; others are not', () => {
  const auth = [
    "ERROR: [youtube] abc: Sign in to confirm you're not a bot. Use --cookies-from-browser or --cookies",
    'ERROR: unable to download video data: HTTP Error 403: Forbidden',
    'ERROR: [youtube] abc: Sign in to confirm your age. This video may be inappropriate for some users.',
    "ERROR: [youtube] abc: Private video. Sign in if you've been granted access to this video",
  ];
  for (const line of auth) assert.equal(classifyFailure([line]), 'auth', line);
  assert.equal(
    classifyFailure(['ERROR: [generic] Unable to download webpage: HTTP Error 404: Not Found']),
    'other',
  );
  assert.equal(classifyFailure(['ERROR: Unsupported URL: http://x']), 'other');
});

test('the error summary drops the bug-report boilerplate', () => {
  assert.equal(
    errorSummary([
      '[generic] Extracting URL',
      'ERROR: [generic] None: Unable to download webpage: HTTP Error 403: Forbidden (caused by <HTTPError 403>); please report this issue on  https://github.com/yt-dlp/yt-dlp/issues?q= , filling out the template',
    ]),
    '[generic] None: Unable to download webpage: HTTP Error 403: Forbidden (caused by <HTTPError 403>)',
  );
});

test('progress: zero bytes are numbers, unknown or zero totals give no percent, percent is capped and rounded', () => {
  assert.deepEqual(parseProgressLine('dropline-progress 0 300 NA 0 0'), {
    downloadedBytes: 0,
    totalBytes: 300,
    speedBytesPerSecond: 0,
    etaSeconds: 0,
    percent: 0,
  });
  assert.equal(parseProgressLine('dropline-progress 100 300 NA NA NA')?.percent, 33.3);
  assert.equal(parseProgressLine('dropline-progress 2 3 NA NA NA')?.percent, 66.7);
  assert.equal(parseProgressLine('dropline-progress 500 300 NA NA NA')?.percent, 100);
  assert.equal(parseProgressLine('dropline-progress 5 0 NA NA NA')?.percent, null);
  assert.equal(parseProgressLine('dropline-progress NA 300 NA NA NA')?.percent, null);
  assert.equal(parseProgressLine('dropline-progress 5 None -1 x NA')?.totalBytes, null);
  // Runs of blanks (a padded field) separate like one.
  assert.deepEqual(parseProgressLine('dropline-progress  10\t 20 NA 4 1'), {
    downloadedBytes: 10,
    totalBytes: 20,
    speedBytesPerSecond: 4,
    etaSeconds: 1,
    percent: 50,
  });
  assert.equal(parseProgressLine('dropline-progress1 2 3 4 5'), null);
});

test('the printed file path loses a trailing CR; the prefix needs its space', () => {
  assert.equal(parseFileLine('dropline-file /tmp/a b.mp4\r'), '/tmp/a b.mp4');
  assert.equal(parseFileLine('dropline-file/tmp/x.mp4'), null);
});

test('each auth pattern alone makes a failure an auth failure, wherever the line is', () => {
  const lines = [
    'ERROR: [youtube] x: Sign in to confirm your age',
    'ERROR: confirm you are NOT A BOT',
    'ERROR: http error 403: access denied',
    'ERROR: got 403 - FORBIDDEN by server',
    'ERROR: [instagram] x: LOGIN REQUIRED',
    "ERROR: Join this channel, or sign in if you've been granted access",
    'ERROR: Use --cookies for the authentication',
    'WARNING: The provided YouTube account cookies are no longer valid',
    'ERROR: This video is members-only content',
    'ERROR: Members only content',
  ];
  for (const line of lines) {
    assert.equal(classifyFailure(['[youtube] Extracting URL', line, 'done']), 'auth', line);
  }
  assert.equal(classifyFailure([]), 'other');
  assert.equal(classifyFailure(['ERROR: 4030 items', 'ERROR: forbidden word']), 'other');
  assert.equal(classifyFailure(['ERROR: sign in to continue', 'ERROR: login needed']), 'other');
});

test('the error summary is the last ERROR line, else the last line, redacted and cut at 400', () => {
  assert.equal(errorSummary(['ERROR: first', 'x', 'ERROR:   second  ', 'after']), 'second');
  assert.equal(errorSummary(['[download] 10%', 'Killed  ']), 'Killed');
  assert.equal(errorSummary([]), 'yt-dlp failed without a message');
  assert.equal(errorSummary(['ERROR: x Please Report This Issue on github']), 'x');
  assert.equal(errorSummary(['ERROR: not ERROR: twice']), 'not ERROR: twice');
  assert.equal(errorSummary(['ERROR: ' + 'a'.repeat(500)]), 'a'.repeat(400));
  assert.equal(
    errorSummary(['ERROR: bad cookie SID=abcdefghijklmnop on line']),
    'bad cookie SID=[redacted] on line',
  );
});

test('the error summary: the prefix only at the start, with or without a space, boilerplate however it is joined', () => {
  assert.equal(errorSummary(['first', 'WARNING: then ERROR: inside', 'last']), 'last');
  assert.equal(errorSummary(['WARNING: see ERROR: inside']), 'WARNING: see ERROR: inside');
  assert.equal(errorSummary(['ERROR:oops']), 'oops');
  assert.equal(errorSummary(['ERROR: x;please report this issue']), 'x');
});
