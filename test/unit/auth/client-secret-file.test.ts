import assert from 'node:assert/strict';
import { test } from 'vitest';
import {
  checkCredentials,
  parseClientSecretFile,
} from '../../../src-main/auth/client-secret-file.ts';

const installed = {
  client_id: '123-abc.apps.googleusercontent.com',
  project_id: 'dropline-test',
  auth_uri: 'https://accounts.google.com/o/oauth2/auth',
  token_uri: 'https://oauth2.googleapis.com/token',
  client_secret: 'GOCSPX-secretvalue',
  redirect_uris: ['http://localhost'],
};

test('a Desktop app client_secret.json gives id, secret and project', () => {
  const client = parseClientSecretFile(JSON.stringify({ installed }));
  assert.deepEqual(client, {
    clientId: installed.client_id,
    clientSecret: installed.client_secret,
    projectId: 'dropline-test',
  });
});

test('a Web application client is refused with a pointer to "Desktop app"', () => {
  assert.throws(() => parseClientSecretFile(JSON.stringify({ web: installed })), {
    code: 'web_client_file',
    message: /Web application.*"Desktop app"/,
  });
});

test('missing fields are all named', () => {
  const { client_secret: _s, token_uri: _t, ...rest } = installed;
  assert.throws(() => parseClientSecretFile(JSON.stringify({ installed: rest })), {
    message: /missing installed\.client_secret, installed\.token_uri/,
  });
});

test('not JSON, wrong top level and wrong types are explained', () => {
  assert.throws(() => parseClientSecretFile('client_id=abc'), { message: /is not JSON/ });
  assert.throws(() => parseClientSecretFile('[]'), { message: /JSON object/ });
  assert.throws(() => parseClientSecretFile('{"other":{}}'), {
    message: /no "installed" key \(found: other\)/,
  });
  assert.throws(
    () => parseClientSecretFile(JSON.stringify({ installed: { ...installed, client_secret: 42 } })),
    { message: /installed\.client_secret must be a string/ },
  );
});

test('the error message never repeats the secret', () => {
  try {
    parseClientSecretFile(JSON.stringify({ installed: { ...installed, client_id: 'has space' } }));
    assert.fail('should throw');
  } catch (error) {
    assert.match((error as Error).message, /client_id contains spaces/);
    assert.doesNotMatch((error as Error).message, /GOCSPX/);
  }
});

test('typed id and secret are trimmed and checked', () => {
  assert.deepEqual(checkCredentials(' 1-id.apps.googleusercontent.com ', ' s '), {
    clientId: '1-id.apps.googleusercontent.com',
    clientSecret: 's',
    projectId: null,
  });
  assert.throws(() => checkCredentials('1-id.apps.googleusercontent.com', '  '), {
    message: /client_secret is empty/,
  });
});
