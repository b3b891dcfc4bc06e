import { describe, test } from 'vitest';
import assert from 'node:assert/strict';
import {
  CookieFileError,
  parseCookieFile,
  serializeCookieFile,
} from '../../../src-main/cookies/netscape-parser.ts';

const T = '\t';
const row = (...fields: string[]): string => fields.join(T);
const good = row('.youtube.com', 'TRUE', '/', 'TRUE', '1900000000', 'SID', 'abc');

describe('parseCookieFile accepts', () => {
  const cases: {
    name: string;
    text: string;
    count: number;
    check?: (c: ReturnType<typeof parseCookieFile>) => void;
  }[] = [
    { name: 'the Netscape header', text: `# Netscape HTTP Cookie File\n${good}\n`, count: 1 },
    {
      name: 'the short "# HTTP Cookie File" header',
      text: `# HTTP Cookie File\n${good}\n`,
      count: 1,
    },
    {
      name: 'a header followed by exporter text',
      text: `# Netscape HTTP Cookie File  # exported by an extension\n${good}`,
      count: 1,
    },
    {
      name: 'CRLF line endings',
      text: `# Netscape HTTP Cookie File\r\n${good}\r\n${good}\r\n`,
      count: 2,
    },
    { name: 'a UTF-8 BOM', text: `\uFEFF# Netscape HTTP Cookie File\n${good}\n`, count: 1 },
    {
      name: 'comments and blank lines',
      text: `# Netscape HTTP Cookie File\n# https://curl.se/docs/http-cookies.html\n\n   \n${good}\n# end\n`,
      count: 1,
    },
    {
      name: '#HttpOnly_ domains',
      text: `# Netscape HTTP Cookie File\n#HttpOnly_${good}\n`,
      count: 1,
      check: (c) => {
        assert.equal(c[0]?.httpOnly, true);
        assert.equal(c[0]?.domain, '.youtube.com');
      },
    },
    {
      name: 'session cookies (expiry 0) and empty values',
      text: `# Netscape HTTP Cookie File\n${row('127.0.0.1', 'FALSE', '/', 'FALSE', '0', 'x', '')}\n`,
      count: 1,
      check: (c) => {
        assert.equal(c[0]?.expires, 0);
        assert.equal(c[0]?.value, '');
        assert.equal(c[0]?.secure, false);
      },
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const cookies = parseCookieFile(c.text);
      assert.equal(cookies.length, c.count);
      c.check?.(cookies);
    });
  }
});

describe('parseCookieFile refuses, naming the line and field', () => {
  const cases: { name: string; text: string; line: number; field: string; says: RegExp }[] = [
    { name: 'a missing header', text: `${good}\n`, line: 1, field: 'header', says: /first line/ },
    {
      name: 'a JSON export',
      text: '[{"name":"SID"}]',
      line: 1,
      field: 'header',
      says: /cookies\.txt/,
    },
    {
      name: 'a wrong field count',
      text: `# Netscape HTTP Cookie File\n${good}\n${row('.youtube.com', 'TRUE', '/', 'TRUE', '1900000000', 'SID')}\n`,
      line: 3,
      field: 'fields',
      says: /expected 7 TAB-separated fields.*found 6/,
    },
    {
      name: 'a bad expiry',
      text: `# Netscape HTTP Cookie File\n\n${row('.youtube.com', 'TRUE', '/', 'TRUE', 'tomorrow', 'SID', 'v')}\n`,
      line: 3,
      field: 'expiry',
      says: /"tomorrow" is not a whole number/,
    },
    {
      name: 'a negative expiry',
      text: `# Netscape HTTP Cookie File\n${row('.youtube.com', 'TRUE', '/', 'TRUE', '-5', 'SID', 'v')}\n`,
      line: 2,
      field: 'expiry',
      says: /Unix seconds/,
    },
    {
      name: 'spaces instead of TABs',
      text: `# Netscape HTTP Cookie File\r\n${good}\r\n.youtube.com TRUE / TRUE 1900000000 HSID v\r\n`,
      line: 3,
      field: 'fields',
      says: /separated by spaces/,
    },
    {
      name: 'a flag that is not TRUE/FALSE',
      text: `# Netscape HTTP Cookie File\n${row('.youtube.com', 'yes', '/', 'TRUE', '1', 'SID', 'v')}\n`,
      line: 2,
      field: 'include subdomains',
      says: /TRUE or FALSE/,
    },
    {
      name: 'a secure flag that is not TRUE/FALSE',
      text: `# Netscape HTTP Cookie File\n${row('.youtube.com', 'TRUE', '/', '1', '1', 'SID', 'v')}\n`,
      line: 2,
      field: 'secure',
      says: /TRUE or FALSE/,
    },
    {
      name: 'a path without a leading slash',
      text: `# Netscape HTTP Cookie File\n${row('.youtube.com', 'TRUE', 'watch', 'TRUE', '1', 'SID', 'v')}\n`,
      line: 2,
      field: 'path',
      says: /start with "\/"/,
    },
    {
      name: 'an empty name',
      text: `# Netscape HTTP Cookie File\n#HttpOnly_${row('.youtube.com', 'TRUE', '/', 'TRUE', '1', '', 'v')}\n`,
      line: 2,
      field: 'name',
      says: /empty/,
    },
    {
      name: 'a file with only a header',
      text: '# Netscape HTTP Cookie File\n# nothing here\n',
      line: 3,
      field: 'cookies',
      says: /no cookies/,
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      assert.throws(
        () => parseCookieFile(c.text, 'cookies.txt'),
        (error: unknown) => {
          assert.ok(error instanceof CookieFileError);
          const problem = error.problems[0];
          assert.equal(problem?.line, c.line);
          assert.equal(problem?.field, c.field);
          assert.match(problem?.message ?? '', c.says);
          assert.match(error.message, new RegExp(`^cookies\\.txt .*line ${c.line}, ${c.field}:`));
          return true;
        },
      );
    });
  }

  test('error messages never quote a cookie value', () => {
    const text = `# Netscape HTTP Cookie File\n${row('.youtube.com', 'TRUE', '/', 'maybe', '1', 'SID', 'TOPSECRETVALUE')}\n`;
    assert.throws(
      () => parseCookieFile(text),
      (error: Error) => !error.message.includes('TOPSECRETVALUE'),
    );
  });

  test('every bad line is reported, not only the first', () => {
    const text = `# Netscape HTTP Cookie File\nbad\n${good}\nalso bad\n`;
    assert.throws(
      () => parseCookieFile(text),
      (error: CookieFileError) => error.problems.map((p) => p.line).join(',') === '2,4',
    );
  });
});

test('serializeCookieFile round-trips through the parser', () => {
  const text = `# Netscape HTTP Cookie File\n#HttpOnly_${good}\n${row('127.0.0.1', 'FALSE', '/x', 'FALSE', '0', 'n', 'v w')}\n`;
  const cookies = parseCookieFile(text);
  assert.deepEqual(parseCookieFile(serializeCookieFile(cookies)), cookies);
});
