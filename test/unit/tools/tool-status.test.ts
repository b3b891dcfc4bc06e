import assert from 'node:assert/strict';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, test } from 'vitest';
import { bundledFfprobePath } from '../../../src-main/tools/bundled-ffprobe.ts';
import { chooseFfprobe, chooseYtDlp } from '../../../src-main/tools/tool-paths.ts';
import { ffprobeStatus, ytDlpStatus } from '../../../src-main/tools/tool-status.ts';
import { ToolPathSchema } from '../../../src-shared/domain/settings.ts';
import { FakeClock } from '../../helpers/fake-clock.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

describe('which ffprobe and yt-dlp run, and what the screens say about them', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());
  const clock = new FakeClock(Date.UTC(2026, 0, 5));
  const fakeYtDlp = (version: string) => {
    const path = join(dir.path, `yt-dlp-${version}`);
    writeFileSync(path, `#!/bin/sh\necho ${version}\n`);
    chmodSync(path, 0o755);
    return path;
  };

  test('ffprobe: the bundled one unless Settings name another', async () => {
    const bundled = bundledFfprobePath();
    assert.ok(
      bundled && bundled.endsWith('/@ffprobe-installer/linux-x64/ffprobe'),
      String(bundled),
    );
    assert.deepEqual(chooseFfprobe('', bundled), { program: bundled, source: 'bundled' });
    assert.deepEqual(chooseFfprobe(' /opt/ff/ffprobe ', bundled), {
      program: '/opt/ff/ffprobe',
      source: 'setting',
    });
    const ok = await ffprobeStatus(chooseFfprobe('', bundled), '');
    assert.equal(ok.state, 'ok');
    assert.ok(ok.version);
    const missing = await ffprobeStatus(chooseFfprobe('/nope/ffprobe', bundled), '');
    assert.equal(missing.state, 'missing');
    assert.match(missing.message ?? '', /Clear the path in Settings/);
  });

  test('yt-dlp: Settings, then DROPLINE_YTDLP, then PATH; missing and too old are said plainly', async () => {
    assert.equal(chooseYtDlp('/a/yt-dlp', '/b/yt-dlp').source, 'setting');
    assert.equal(chooseYtDlp('', '/b/yt-dlp').source, 'environment');
    assert.deepEqual(chooseYtDlp('', null), { program: 'yt-dlp', source: 'path' });

    const missing = await ytDlpStatus(chooseYtDlp('', null), dir.path, clock);
    assert.equal(missing.state, 'missing');
    assert.match(missing.message ?? '', /not installed .*pip install -U yt-dlp/);

    const old = await ytDlpStatus(chooseYtDlp(fakeYtDlp('2023.03.04'), null), '', clock);
    assert.equal(old.state, 'too_old');
    assert.match(old.message ?? '', /yt-dlp 2023\.03\.04 is 1038 days old/);

    const fresh = await ytDlpStatus(chooseYtDlp(fakeYtDlp('2025.12.20'), null), '', clock);
    assert.equal(fresh.state, 'ok');
    assert.equal(fresh.version, '2025.12.20');
  });

  test('a program path must be full (or empty for the default)', () => {
    assert.equal(ToolPathSchema.safeParse('').success, true);
    assert.equal(ToolPathSchema.safeParse('/usr/bin/yt-dlp').success, true);
    assert.equal(ToolPathSchema.safeParse('C:\\Tools\\yt-dlp.exe').success, true);
    assert.equal(ToolPathSchema.safeParse('yt-dlp').success, false);
  });
});
