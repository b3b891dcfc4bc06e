import { test } from 'vitest';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ytDlpArgs } from '../../../src-main/cookies/ytdlp-args.ts';
import { FILE_TEMPLATE, PROGRESS_TEMPLATE } from '../../../src-main/cookies/ytdlp-output.ts';

const out = join('/tmp', 'downloads');

test('with a cookie file: config ignored, machine-readable output, the file, then the URL after --', () => {
  assert.deepEqual(
    ytDlpArgs({ url: 'https://youtu.be/abc', outDir: out, cookieFile: '/run/c.txt' }),
    [
      '--ignore-config',
      '--newline',
      '--progress',
      '--progress-template',
      PROGRESS_TEMPLATE,
      '--print',
      FILE_TEMPLATE,
      '--no-playlist',
      '--cookies',
      '/run/c.txt',
      '-o',
      join(out, '%(title)s [%(id)s].%(ext)s'),
      '--',
      'https://youtu.be/abc',
    ],
  );
});

test('without a cookie file there is no --cookies at all', () => {
  const args = ytDlpArgs({ url: '-x', outDir: out, cookieFile: null });
  assert.equal(args.includes('--cookies'), false);
  // A URL that looks like an option still comes after "--", so yt-dlp reads it as a URL.
  assert.deepEqual(args.slice(-4), ['-o', join(out, '%(title)s [%(id)s].%(ext)s'), '--', '-x']);
  assert.equal(args.length, 12);
});
