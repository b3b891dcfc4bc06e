// The Add upload form's checks on real files: one problem anywhere refuses the whole request
// with every problem named, and nothing is queued; a clean request queues exactly what was asked.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, test } from 'vitest';
import { NewUploadSchema } from '../../../src-shared/api/job-edits.ts';
import { addUploads, checkFiles } from '../../../src-main/uploads/upload-checks.ts';
import type { UploadEnqueuer, UploadRequest } from '../../../src-main/uploads/upload-request.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

const dir = tempDir('dropline-upload-checks-');
afterAll(() => dir.remove());

function file(name: string, bytes = 64): string {
  const path = join(dir.path, name);
  writeFileSync(path, Buffer.alloc(bytes, 7));
  return path;
}

const video = file('ep1.mp4', 1000);
const empty = file('empty.mp4', 0);
const notVideo = file('notes.pdf', 10);
const thumb = file('ep1.jpg');
const caption = file('ep1.en.srt', 40);
const emptyCaption = file('blank.en.srt', 0);
const folder = join(dir.path, 'shot.png');
mkdirSync(folder);

function enqueuer() {
  const requests: UploadRequest[] = [];
  const e: UploadEnqueuer = {
    enqueue: (r) => (requests.push(r), r.channelIds.map((c) => `job-${c}-${requests.length}`)),
  };
  return { e, requests };
}

const upload = (over: Record<string, unknown> = {}) =>
  NewUploadSchema.parse({ file: video, channelId: 'UC-a', metadata: { title: 'Ep 1' }, ...over });

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    assert.equal((error as { code?: string }).code, 'invalid_input');
    return (error as Error).message;
  }
  assert.fail('the request was not refused');
}

describe('checkFiles', () => {
  test('a readable video: no problem, its size', () => {
    assert.deepEqual(checkFiles([video]), [{ path: video, problem: null, size: 1000 }]);
  });

  test('a relative path is refused before the disk is asked', () => {
    assert.deepEqual(checkFiles(['ep1.mp4']), [
      { path: 'ep1.mp4', problem: 'ep1.mp4 is not a full path (start it at /)', size: null },
    ]);
  });

  test('missing, empty and non-video files each say why; a size where the file was read', () => {
    const [missing, zero, pdf] = checkFiles([join(dir.path, 'gone.mp4'), empty, notVideo]);
    assert.equal(missing?.problem, `file ${join(dir.path, 'gone.mp4')} does not exist`);
    assert.equal(missing?.size, null);
    assert.match(zero?.problem ?? '', /is empty/);
    assert.equal(zero?.size, 0);
    assert.match(pdf?.problem ?? '', /not a video type/);
    assert.equal(pdf?.size, 10);
  });
});

describe('addUploads', () => {
  test('a clean request queues one job per upload, with the path resolved and the source ui', () => {
    const { e, requests } = enqueuer();
    const ids = addUploads(e, [
      upload({ thumbnail: thumb, captions: [{ file: caption, language: 'en' }] }),
      upload({ channelId: 'UC-b' }),
    ]);
    assert.deepEqual(ids, ['job-UC-a-1', 'job-UC-b-2']);
    assert.equal(requests.length, 2);
    assert.deepEqual(requests[0], {
      file: video,
      channelIds: ['UC-a'],
      metadata: upload().metadata,
      thumbnail: thumb,
      source: { kind: 'ui' },
      captions: [{ file: caption, language: 'en' }],
      schedule: null,
    });
    assert.equal(requests[1]?.thumbnail, null);
  });

  test('every problem of every upload is named at once, and nothing is queued', () => {
    const { e, requests } = enqueuer();
    const message = refusal(() =>
      addUploads(e, [
        upload({ file: empty }),
        upload({ channelId: 'UC-b', metadata: { title: ' ' } }),
        upload({ thumbnail: join(dir.path, 'missing.jpg') }),
        upload({ thumbnail: notVideo }),
        upload({ thumbnail: folder }),
        upload({ captions: [{ file: emptyCaption, language: 'en' }] }),
        upload({ captions: [{ file: join(dir.path, 'gone.en.srt'), language: 'en' }] }),
      ]),
    );
    assert.equal(
      message,
      [
        `file ${empty} is empty (0 bytes); there is nothing to upload`,
        'UC-b: title is required',
        `thumbnail ${join(dir.path, 'missing.jpg')} does not exist`,
        `thumbnail ${notVideo} is not a JPEG or PNG image`,
        `thumbnail ${folder} is not a file`,
        'caption blank.en.srt is empty',
        `caption ${join(dir.path, 'gone.en.srt')} cannot be read`,
      ].join('; '),
    );
    assert.equal(requests.length, 0);
  });

  test('the same problem twice is said once', () => {
    const { e } = enqueuer();
    const message = refusal(() =>
      addUploads(e, [upload({ file: empty }), upload({ file: empty })]),
    );
    assert.equal(message, `file ${empty} is empty (0 bytes); there is nothing to upload`);
  });

  test('one bad upload among good ones refuses them all', () => {
    const { e, requests } = enqueuer();
    refusal(() => addUploads(e, [upload(), upload({ metadata: { title: 'a <b>' } })]));
    assert.equal(requests.length, 0);
  });

  test('no uploads: nothing queued, no error', () => {
    const { e, requests } = enqueuer();
    assert.deepEqual(addUploads(e, []), []);
    assert.equal(requests.length, 0);
  });
});
