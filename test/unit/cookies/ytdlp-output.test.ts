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
