import { quoted } from '../../src-shared/text/quote.ts';

/**
 * A strict reader for Netscape cookies.txt (the format yt-dlp and browser
 * exporters use). Every problem names its line and field so the user can fix
 * the file instead of guessing why a download is refused later.
 */
export interface Cookie {
  domain: string;
  includeSubdomains: boolean;
  path: string;
  secure: boolean;
  /** Unix seconds; 0 means a session cookie. */
  expires: number;
  name: string;
  value: string;
  httpOnly: boolean;
}

export interface CookieFileProblem {
  line: number;
  field: string;
  message: string;
}

export class CookieFileError extends Error {
  readonly problems: CookieFileProblem[];
  constructor(fileName: string, problems: CookieFileProblem[]) {
    const shown = problems.slice(0, 5).map((p) => `line ${p.line}, ${p.field}: ${p.message}`);
    const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : '';
    super(`${fileName} is not a valid Netscape cookie file: ${shown.join('; ')}${more}`);
    this.name = 'CookieFileError';
    this.problems = problems;
  }
}

const HEADERS = ['# Netscape HTTP Cookie File', '# HTTP Cookie File'];
const HTTP_ONLY_PREFIX = '#HttpOnly_';
const FIELD_NAMES = ['domain', 'include subdomains', 'path', 'secure', 'expiry', 'name', 'value'];
const MAX_PROBLEMS = 50;

function parseFlag(text: string, field: string, line: number, problems: CookieFileProblem[]) {
  if (text === 'TRUE') return true;
  if (text === 'FALSE') return false;
  problems.push({ line, field, message: `${quoted(text, 20)} must be TRUE or FALSE` });
  return false;
}

function parseLine(text: string, line: number, problems: CookieFileProblem[]): Cookie | null {
  const httpOnly = text.startsWith(HTTP_ONLY_PREFIX);
  const body = httpOnly ? text.slice(HTTP_ONLY_PREFIX.length) : text;
  const fields = body.split('\t');
  if (fields.length !== 7) {
    const bySpaces = body.trim().split(/ +/);
    const message =
      fields.length === 1 && bySpaces.length >= 7
        ? 'fields are separated by spaces; cookies.txt needs TAB characters between its 7 fields'
        : `expected 7 TAB-separated fields (${FIELD_NAMES.join(', ')}), found ${fields.length}`;
    problems.push({ line, field: 'fields', message });
    return null;
  }
  const [domain, sub, path, secure, expiry, name, value] = fields as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const before = problems.length;
  if (domain === '' || /\s/.test(domain))
    problems.push({ line, field: 'domain', message: 'must be a host name without spaces' });
  const includeSubdomains = parseFlag(sub, 'include subdomains', line, problems);
  if (!path.startsWith('/'))
    problems.push({ line, field: 'path', message: `${quoted(path, 40)} must start with "/"` });
  const isSecure = parseFlag(secure, 'secure', line, problems);
  // yt-dlp refuses anything but digits here; so do we, with a clearer message.
  const expires = /^\d{1,15}$/.test(expiry) ? Number(expiry) : NaN;
  if (Number.isNaN(expires))
    problems.push({
      line,
      field: 'expiry',
      message: `${quoted(expiry, 20)} is not a whole number of Unix seconds (0 for a session cookie)`,
    });
  if (name === '') problems.push({ line, field: 'name', message: 'must not be empty' });
  if (problems.length !== before) return null;
  return { domain, includeSubdomains, path, secure: isSecure, expires, name, value, httpOnly };
}

/** Parses the whole file or throws CookieFileError listing every problem found. */
export function parseCookieFile(text: string, fileName = 'cookie file'): Cookie[] {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  const problems: CookieFileProblem[] = [];
  const cookies: Cookie[] = [];
  const header = (lines[0] ?? '').replace(/\r$/, '').trim();
  if (!HEADERS.some((h) => header.startsWith(h))) {
    problems.push({
      line: 1,
      field: 'header',
      message: `the first line must be "${HEADERS[0]}" (or "${HEADERS[1]}"); is this a cookies.txt export?`,
    });
  }
  for (let i = 1; i < lines.length && problems.length < MAX_PROBLEMS; i++) {
    const text = (lines[i] as string).replace(/\r$/, '');
    if (text.trim() === '') continue;
    if (text.startsWith('#') && !text.startsWith(HTTP_ONLY_PREFIX)) continue;
    const cookie = parseLine(text, i + 1, problems);
    if (cookie) cookies.push(cookie);
  }
  if (problems.length === 0 && cookies.length === 0)
    problems.push({ line: lines.length, field: 'cookies', message: 'the file holds no cookies' });
  if (problems.length > 0) throw new CookieFileError(fileName, problems);
  return cookies;
}

/** Writes cookies back in the same format (used for temporary copies). */
export function serializeCookieFile(cookies: readonly Cookie[]): string {
  const rows = cookies.map((c) =>
    [
      `${c.httpOnly ? HTTP_ONLY_PREFIX : ''}${c.domain}`,
      c.includeSubdomains ? 'TRUE' : 'FALSE',
      c.path,
      c.secure ? 'TRUE' : 'FALSE',
      String(c.expires),
      c.name,
      c.value,
    ].join('\t'),
  );
  return `${HEADERS[0]}\n${rows.join('\n')}\n`;
}
