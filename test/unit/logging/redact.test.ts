import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'vitest';
import { createLogger } from '../../../src-main/logging/logger.ts';
import { fileSink } from '../../../src-main/logging/file-sink.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

const secrets = {
  access: 'ya29.a0AfB_byC3xYz-SECRETaccess123',
  refresh: '1//0gLq-SECRETrefreshTOKEN-abcdef',
  bearer: 'sk_live_51HqLyjWDarjtT1zdp7dcXzBQ',
  cookie: 'AKEyXzWv-SECRETcookieVALUE-8e7d',
  launch: 'K3sN8vQ2pX7mR4tY9wB1cE6hJ0lA5dF2gH8kL3zX',
  jwt: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJl',
  secret: 'GOCSPX-notSoSecretButStillSecret',
};

test('token-shaped strings, Authorization headers and cookie values are masked in the log file', async () => {
  const dir = tempDir();
  try {
    const log = createLogger(fileSink(dir.path), 'debug');
    log.info(`refreshed with ${secrets.access}`);
    log.info('token response', { body: `{"refresh_token":"${secrets.refresh}"}` });
    log.warn('request', { headers: { Authorization: `Bearer ${secrets.bearer}` } });
    log.error('download failed', {
      detail: `Cookie: SID=${secrets.cookie}; HSID=${secrets.cookie}`,
    });
    log.info('engine up', { note: `open /#token=${secrets.launch}` });
    log.info('id token', { detail: secrets.jwt });
    log.info('client', {
      client_secret: secrets.secret,
      clientId: 'abc.apps.googleusercontent.com',
    });
    log.debug('upload session', {
      uri: 'https://x/upload?upload_id=ADPycdvSECRETsession&part=snippet',
    });

    await log.flush();
    const text = readFileSync(join(dir.path, 'logs', 'dropline.1.log'), 'utf8');
    for (const [name, value] of Object.entries(secrets)) {
      assert.equal(text.includes(value), false, `${name} leaked into the log`);
    }
    assert.equal(text.includes('ADPycdvSECRETsession'), false, 'upload session id leaked');
    assert.ok(text.includes('[redacted]'));
    // What is not secret stays readable.
    assert.ok(text.includes('abc.apps.googleusercontent.com'));
    assert.ok(text.includes('refreshed with'));
    for (const line of text.trim().split('\n')) JSON.parse(line);
  } finally {
    dir.remove();
  }
});

test('ordinary file names and titles are left alone', () => {
  const lines: string[] = [];
  const log = createLogger({ write: (l) => void lines.push(l) }, 'info');
  log.info('queued', {
    file: '/videos/My_Super_Long_Video_Title_Episode_12_final.mp4',
    title: 'Episode 12',
  });
  log.info('checked My_Super_Long_Video_Title_Episode_12_final.mp4');
  assert.ok(lines[0]?.includes('My_Super_Long_Video_Title_Episode_12_final.mp4'));
  assert.ok(lines[1]?.includes('My_Super_Long_Video_Title_Episode_12_final.mp4'));
});

test('levels below the threshold are not written', () => {
  const lines: string[] = [];
  const log = createLogger({ write: (l) => void lines.push(l) }, 'warn');
  log.info('quiet');
  log.warn('loud');
  assert.equal(lines.length, 1);
  assert.equal(JSON.parse(lines[0] as string).level, 'warn');
});
