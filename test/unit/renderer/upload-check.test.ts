import assert from 'node:assert/strict';
import { test } from 'vitest';
import {
  filesStatus,
  type UploadCheck,
} from '../../../src-renderer/screens/upload/upload-check.ts';

const answered = (problems: (string | null)[]): UploadCheck => ({
  files: problems.map((problem, i) => ({ path: `/v/${i}.mp4`, problem, size: 1 })),
  thumbnail: null,
  pending: false,
  error: null,
});
const pending: UploadCheck = { files: null, thumbnail: null, pending: true, error: null };

test('the files field always has a status line: none listed, checking, ready, or how many of them are', () => {
  assert.equal(filesStatus(0, answered([])), 'No video listed yet');
  assert.equal(filesStatus(1, pending), 'Checking 1 video…');
  assert.equal(filesStatus(3, pending), 'Checking 3 videos…');
  assert.equal(filesStatus(1, answered([null])), '1 video ready');
  assert.equal(filesStatus(2, answered([null, null])), '2 videos ready');
  assert.equal(filesStatus(3, answered([null, 'gone', 'not a video'])), '1 of 3 ready');
  assert.equal(filesStatus(1, answered(['gone'])), '0 of 1 ready');
  assert.equal(
    filesStatus(2, { files: null, thumbnail: null, pending: false, error: 'engine gone' }),
    'Could not check 2 videos',
  );
});
