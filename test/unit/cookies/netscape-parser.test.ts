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

describe('parseCookieFile, exactly', () => {
  const HEADER = '# Netscape HTTP Cookie File';
  const problemsOf = (text: string) => {
    try {
      parseCookieFile(text, 'c.txt');
    } catch (error) {
      assert.ok(error instanceof CookieFileError);
      return error;
    }
    assert.fail('the file was accepted');
  };

  test('a CRLF file yields values without the carriage return', () => {
    const [cookie] = parseCookieFile(`${HEADER}\r\n${good}\r\n`);
    assert.deepEqual(cookie, {
      domain: '.youtube.com',
      includeSubdomains: true,
      path: '/',
      secure: true,
      expires: 1900000000,
      name: 'SID',
      value: 'abc',
      httpOnly: false,
    });
  });

  test('each message says what is wrong with the value, quoted, under its field', () => {
    const cases: [string, string, string][] = [
      [
        row('.youtube.com', 'TRUE', '/', 'TRUE', '1900000000', 'SID'),
        'fields',
        'expected 7 TAB-separated fields (domain, include subdomains, path, secure, expiry, name, value), found 6',
      ],
      [
        row('.youtube.com', 'yes', '/', 'TRUE', '1', 'SID', 'v'),
        'include subdomains',
        '"yes" must be TRUE or FALSE',
      ],
      [
        row('.youtube.com', 'TRUE', '/', 'no', '1', 'SID', 'v'),
        'secure',
        '"no" must be TRUE or FALSE',
      ],
      [
        row('.youtube.com', 'TRUE', 'watch', 'TRUE', '1', 'SID', 'v'),
        'path',
        '"watch" must start with "/"',
      ],
      [
        row('.youtube.com', 'TRUE', '/', 'TRUE', '12x', 'SID', 'v'),
        'expiry',
        '"12x" is not a whole number of Unix seconds (0 for a session cookie)',
      ],
      [row('.youtube.com', 'TRUE', '/', 'TRUE', '1', '', 'v'), 'name', 'must not be empty'],
      [
        row('', 'TRUE', '/', 'TRUE', '1', 'SID', 'v'),
        'domain',
        'must be a host name without spaces',
      ],
      [
        row('you tube.com', 'TRUE', '/', 'TRUE', '1', 'SID', 'v'),
        'domain',
        'must be a host name without spaces',
      ],
    ];
    for (const [line, field, message] of cases) {
      const error = problemsOf(`${HEADER}\n${line}\n`);
      assert.equal(error.problems.length, 1, line);
      assert.deepEqual(error.problems[0], { line: 2, field, message });
    }
  });

  test('carriage returns and BOMs are only stripped where files put them', () => {
    // A CR inside the header line, a BOM or CR inside a value: kept (and the header refused).
    assert.throws(
      () => parseCookieFile(`# Netscape\r HTTP Cookie File\n${good}\n`),
      CookieFileError,
    );
    const [cookie] = parseCookieFile(
      `${HEADER}\n${row('.youtube.com', 'TRUE', '/', 'TRUE', '0', 'n', 'a\rb\uFEFF')}\r\n`,
    );
    assert.equal(cookie?.value, 'a\rb\uFEFF');
  });

  test('expiries are 1 to 15 digits and nothing else', () => {
    const expiry = (e: string) =>
      `${HEADER}\n${row('.youtube.com', 'TRUE', '/', 'TRUE', e, 'SID', 'v')}\n`;
    assert.equal(parseCookieFile(expiry('999999999999999'))[0]?.expires, 999999999999999);
    for (const bad of ['1234567890123456', 'x1', '1x', '', '1.5'])
      assert.equal(problemsOf(expiry(bad)).problems[0]?.field, 'expiry', bad);
  });

  test('the spaces hint needs one field and seven space-separated words', () => {
    // A leading space is not an extra word, and runs of spaces count once.
    const six = ' .youtube.com TRUE / TRUE 1900000000 SID';
    assert.match(problemsOf(`${HEADER}\n${six}\n`).problems[0]?.message ?? '', /found 1$/);
    const seven = '.youtube.com  TRUE /  TRUE 1900000000 SID v';
    // Four words with double spaces are four words, not seven fields.
    assert.match(problemsOf(`${HEADER}\na  b  c  d\n`).problems[0]?.message ?? '', /found 1$/);
    assert.match(problemsOf(`${HEADER}\n${seven}\n`).problems[0]?.message ?? '', /spaces/);
    // Two TAB fields with spaces in them are a field-count problem, not a spaces one.
    const mixed = '.youtube.com TRUE / TRUE\t1900000000 SID v w';
    assert.match(problemsOf(`${HEADER}\n${mixed}\n`).problems[0]?.message ?? '', /found 2$/);
  });

  test('the message lists five problems and counts the rest; at most 50 are collected', () => {
    const bad = Array.from({ length: 7 }, () => 'bad').join('\n');
    const error = problemsOf(`${HEADER}\n${bad}\n`);
    assert.equal(error.name, 'CookieFileError');
    assert.equal(error.problems.length, 7);
    assert.equal(error.message.split('; ').length, 5);
    assert.match(
      error.message,
      /^c\.txt is not a valid Netscape cookie file: line 2, fields: expected 7 .*; line 6, fields: .*found 1 \(and 2 more\)$/,
    );
    const five = problemsOf(`${HEADER}\n${Array(5).fill('bad').join('\n')}\n`);
    assert.match(five.message, /line 6, fields: [^;]*found 1$/);
    const many = problemsOf(`${HEADER}\n${Array(80).fill('bad').join('\n')}\n`);
    assert.equal(many.problems.length, 50);
    assert.equal(many.problems.at(-1)?.line, 51);
  });

  test('a file without a header says which header it needs, and the default name is "cookie file"', () => {
    assert.throws(
      () => parseCookieFile(`${good}\n`),
      (error: CookieFileError) => {
        assert.equal(
          error.problems[0]?.message,
          'the first line must be "# Netscape HTTP Cookie File" (or "# HTTP Cookie File"); is this a cookies.txt export?',
        );
        assert.match(error.message, /^cookie file is not/);
        return true;
      },
    );
  });

  test('a header line with a CRLF and surrounding spaces is still the header', () => {
    assert.equal(parseCookieFile(`  ${HEADER}  \r\n${good}`).length, 1);
  });

  test('serializing writes the Netscape header, TAB-separated fields and a final newline', () => {
    const [cookie] = parseCookieFile(`${HEADER}\n#HttpOnly_${good}\n`);
    assert.equal(
      serializeCookieFile([
        cookie!,
        { ...cookie!, httpOnly: false, includeSubdomains: false, secure: false, expires: 0 },
      ]),
      `${HEADER}\n#HttpOnly_${good}\n${row('.youtube.com', 'FALSE', '/', 'FALSE', '0', 'SID', 'abc')}\n`,
    );
  });
});
