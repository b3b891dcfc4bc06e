import assert from 'node:assert/strict';
import { test } from 'vitest';
import {
  configFromEnv,
  defaultHeadlessDataDir,
  resolveDataDir,
} from '../../../src-main/core/config.ts';

test('the data directory follows --data-dir, then DROPLINE_DATA_DIR, then userData, then the platform default', () => {
  const env = { DROPLINE_DATA_DIR: '/from/env', HOME: '/home/u' };
  assert.equal(resolveDataDir({ flag: '/from/flag', env, desktopUserData: '/ud' }), '/from/flag');
  assert.equal(resolveDataDir({ env, desktopUserData: '/ud' }), '/from/env');
  assert.equal(resolveDataDir({ env: { HOME: '/home/u' }, desktopUserData: '/ud' }), '/ud');
  assert.equal(
    defaultHeadlessDataDir({ HOME: '/home/u', XDG_DATA_HOME: '/xdg' }, 'linux'),
    '/xdg/dropline',
  );
  assert.equal(
    defaultHeadlessDataDir({ HOME: '/home/u' }, 'linux'),
    '/home/u/.local/share/dropline',
  );
  assert.equal(
    defaultHeadlessDataDir({ HOME: '/Users/u' }, 'darwin'),
    '/Users/u/Library/Application Support/Dropline',
  );
});

test('the Google base URL comes from DROPLINE_GOOGLE_BASE_URL without a trailing slash', () => {
  const config = configFromEnv({
    env: {
      DROPLINE_GOOGLE_BASE_URL: 'http://127.0.0.1:4000/',
      DROPLINE_LOG_LEVEL: 'warn',
      DROPLINE_DATA_DIR: '/d',
    },
    mode: 'headless',
    version: '1.2.3',
  });
  assert.equal(config.googleBaseUrl, 'http://127.0.0.1:4000');
  assert.equal(config.logLevel, 'warn');
  assert.equal(
    configFromEnv({ env: { DROPLINE_DATA_DIR: '/d' }, mode: 'headless', version: '1' })
      .googleBaseUrl,
    null,
  );
});
