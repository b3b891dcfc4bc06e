import assert from 'node:assert/strict';
import { test } from 'vitest';
import { parseClientSecretFile } from '../../../src-main/auth/client-secret-file.ts';
import { parseCookieFile } from '../../../src-main/cookies/netscape-parser.ts';
import { parseSidecar } from '../../../src-main/watch/sidecar.ts';
import { escapeTerminal, quoted } from '../../../src-shared/text/quote.ts';

const ESC = '\u001b';
// eslint-disable-next-line no-control-regex
const hasControl = (text: string) => /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(text);

test('quoted text shows control characters escaped, quotes and backslashes too, and cuts long text', () => {
  assert.equal(quoted(`a${ESC}[2Jb`), '"a\\x1b[2Jb"');
  assert.equal(quoted('say "hi"\\'), '"say \\"hi\\"\\\\"');
  assert.equal(quoted('\u202eevil'), '"\\u202eevil"');
  assert.equal(quoted('x'.repeat(100), 10), `"${'x'.repeat(10)}…"`);
  assert.equal(escapeTerminal(`ok\ttab ${ESC}]0;title\u0007`), 'ok\ttab \\x1b]0;title\\x07');
});

test('a cookie line with an ESC sequence is quoted escaped, never raw', () => {
  const file = `# Netscape HTTP Cookie File\n.youtube.com\t${ESC}[31mTRUE\t/\tTRUE\t0\tSID\tv\n`;
  assert.throws(
    () => parseCookieFile(file, 'cookies.txt'),
    (error: Error) => {
      assert.match(error.message, /"\\x1b\[31mTRUE" must be TRUE or FALSE/);
      assert.ok(!hasControl(error.message), error.message);
      return true;
    },
  );
});

test('sidecar errors quote field names and JSON fragments escaped', () => {
  const yaml = parseSidecar('ep.yaml', `title: x\n"${ESC}[2Jtitel": y\n`);
  assert.equal(yaml.ok, false);
  assert.ok(!yaml.ok && !hasControl(yaml.message), !yaml.ok ? yaml.message : '');
  assert.match(!yaml.ok ? yaml.message : '', /unknown field "\\x1b\[2Jtitel"/);
  const json = parseSidecar('ep.json', `{"title": "${ESC}[2J" oops}`);
  assert.equal(json.ok, false);
  assert.ok(!json.ok && !hasControl(json.message), !json.ok ? json.message : '');
});

test('a broken client_secret.json is described by place, never by quoting it', () => {
  const secret = 'GOCSPX-verysecretvalue';
  const text = `{"installed": {"client_id": "1-a.apps.googleusercontent.com", "client_secret": "${secret}" x}}`;
  assert.throws(
    () => parseClientSecretFile(text, 'client_secret.json'),
    (error: Error) => {
      assert.match(
        error.message,
        /client_secret\.json is not JSON \(the first mistake is at line 1, column \d+\)/,
      );
      assert.doesNotMatch(error.message, /GOCSPX|verysecret/);
      return true;
    },
  );
  assert.throws(
    () => parseClientSecretFile(JSON.stringify({ [`${ESC}[2J`]: {} })),
    (error: Error) => !hasControl(error.message),
  );
});

test('quoted cuts only text longer than the limit; escapes use fixed-width codes', () => {
  assert.equal(quoted('x'.repeat(10), 10), `"${'x'.repeat(10)}"`);
  assert.equal(quoted('😀'.repeat(3), 3), '"😀😀😀"');
  assert.equal(quoted('a\nb\rc\td'), '"a\\nb\\rc\\td"');
  assert.equal(quoted('\u0001\u009f\u2066'), '"\\x01\\x9f\\u2066"');
  assert.equal(escapeTerminal('\u0001\u000b\u202a\u2069'), '\\x01\\x0b\\u202a\\u2069');
  assert.equal(escapeTerminal('plain ÿ é'), 'plain ÿ é');
});
