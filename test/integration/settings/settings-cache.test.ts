import assert from 'node:assert/strict';
import { afterAll, describe, test } from 'vitest';
import { tempDir } from '../../helpers/temp-dir.ts';
import { testCore } from '../../helpers/test-core.ts';

describe('settings are read from SQLite once and kept until they change', () => {
  const dir = tempDir();
  const core = testCore(dir.path);
  afterAll(async () => {
    await core.close();
    dir.remove();
  });

  test('get() answers from memory; set() writes through and the next get() sees it', () => {
    const settings = core.services.settings;
    const first = settings.get();
    assert.equal(settings.get(), first, 'the same object: no query per call on hot paths');
    assert.ok(Object.isFrozen(first), 'callers cannot change the cached copy');
    const changed = settings.set({ bandwidthLimitKiBps: 512 });
    assert.equal(changed.bandwidthLimitKiBps, 512);
    assert.equal(settings.get().bandwidthLimitKiBps, 512);
    const stored = core.db
      .prepare("SELECT value FROM settings WHERE key = 'bandwidthLimitKiBps'")
      .get() as { value: string };
    assert.equal(JSON.parse(stored.value), 512);
  });
});
