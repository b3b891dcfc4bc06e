import { describe, test } from 'vitest';
import assert from 'node:assert/strict';
import {
  SettingsPatchSchema,
  SettingsSchema,
  defaultSettings,
} from '../../../src-shared/domain/settings.ts';
import {
  defaultQuotaConfig,
  quotaConfigFromSettings,
} from '../../../src-main/youtube/quota-costs.ts';

describe('settings schema: quota', () => {
  test('defaults: the auto model (Google decides), with 10,000 units, 1600 a upload and 100 insert calls for the explicit models', () => {
    assert.equal(defaultSettings.quotaModel, 'auto');
    assert.equal(defaultSettings.quotaDailyUploadCap, 0);
    assert.equal(defaultSettings.quotaDailyUnits, 10_000);
    assert.equal(defaultSettings.quotaInsertUnits, 1600);
    assert.equal(defaultSettings.quotaDailyInsertCalls, 100);
  });

  test('the default settings give the engine its default quota config', () => {
    assert.deepEqual(quotaConfigFromSettings(defaultSettings), defaultQuotaConfig);
  });

  test('settings map field by field onto the quota config', () => {
    const config = quotaConfigFromSettings({
      ...defaultSettings,
      quotaModel: 'calls',
      quotaDailyUnits: 50_000,
      quotaInsertUnits: 100,
      quotaDailyInsertCalls: 7,
      quotaDailyUploadCap: 9,
    });
    assert.deepEqual(config, {
      model: 'calls',
      dailyUnits: 50_000,
      videosInsertUnits: 100,
      dailyInsertCalls: 7,
      dailyUploadCap: 9,
    });
  });

  test('a patch accepts the edges of each bound', () => {
    for (const patch of [
      { quotaModel: 'calls' },
      { quotaModel: 'units' },
      { quotaModel: 'auto' },
      { quotaDailyUploadCap: 0 },
      { healthCheckHours: 1 },
      { healthCheckHours: 168 },
      { quotaDailyUnits: 1 },
      { quotaDailyUnits: 100_000_000 },
      { quotaInsertUnits: 1 },
      { quotaInsertUnits: 100_000 },
      { quotaDailyInsertCalls: 1 },
      { quotaDailyInsertCalls: 100_000 },
    ])
      assert.ok(SettingsPatchSchema.safeParse(patch).success, JSON.stringify(patch));
  });

  test('a patch refuses values outside the bounds, fractions and unknown models, naming the field', () => {
    for (const patch of [
      { quotaModel: 'bytes' },
      { quotaDailyUnits: 0 },
      { quotaDailyUnits: 100_000_001 },
      { quotaDailyUnits: 10.5 },
      { quotaInsertUnits: 0 },
      { quotaInsertUnits: 100_001 },
      { quotaDailyInsertCalls: 0 },
      { quotaDailyInsertCalls: -1 },
      { quotaDailyInsertCalls: 100_001 },
      { quotaDailyUploadCap: -1 },
      { healthCheckHours: 0 },
      { healthCheckHours: 169 },
    ]) {
      const result = SettingsPatchSchema.safeParse(patch);
      assert.equal(result.success, false, JSON.stringify(patch));
      assert.deepEqual(result.error?.issues[0]?.path, Object.keys(patch), JSON.stringify(patch));
    }
  });

  test('a stored set of settings from before the quota fields reads with their defaults', () => {
    const old = SettingsSchema.parse({ theme: 'dark', globalConcurrency: 4 });
    assert.equal(old.quotaModel, 'auto');
    assert.equal(old.healthCheckHours, 12);
    assert.equal(old.quotaDailyUnits, 10_000);
  });
});

describe('settings schema: tool paths', () => {
  test('empty (the default), POSIX, drive-letter and UNC full paths are accepted, trimmed', () => {
    for (const path of [
      '',
      '/usr/bin/yt-dlp',
      'C:\\Tools\\yt-dlp.exe',
      'd:/tools/ffprobe',
      '\\\\nas\\tools\\ffprobe',
    ])
      assert.equal(SettingsPatchSchema.parse({ ytdlpPath: path }).ytdlpPath, path, path);
    assert.equal(
      SettingsPatchSchema.parse({ ffprobePath: '  /opt/ffprobe ' }).ffprobePath,
      '/opt/ffprobe',
    );
    assert.equal(defaultSettings.ffprobePath, '');
  });

  test('relative paths are refused with the reason, naming the field', () => {
    for (const path of [
      'yt-dlp',
      './yt-dlp',
      'C:yt-dlp',
      'CC:\\x',
      '1:\\x',
      '\\single\\x',
      'x/C:\\y',
    ]) {
      const result = SettingsPatchSchema.safeParse({ ffprobePath: path });
      assert.equal(result.success, false, path);
      assert.deepEqual(result.error?.issues[0]?.path, ['ffprobePath']);
      assert.equal(
        result.error?.issues[0]?.message,
        'must be a full path (starting with / or a drive letter), or empty for the default',
      );
    }
  });
});
