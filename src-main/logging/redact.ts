/**
 * Masks secrets before anything reaches a log line. Two layers: keys whose
 * names say "secret" lose their value, and strings are scanned for shapes
 * that are secrets whatever key they sit under.
 */
const MASK = '[redacted]';

const SECRET_KEY =
  /token|secret|password|passphrase|authorization|cookie|verifier|api[-_]?key|credential/i;

// Keys whose values are paths or titles: long names are not secrets.
const PLAIN_KEYS = new Set(['file', 'path', 'dir', 'dataDir', 'title', 'name', 'msg', 'event']);

const STRING_PATTERNS: RegExp[] = [
  /\bBearer\s+[^\s,;"']+/gi,
  /\bya29\.[\w.-]+/g, // Google access tokens
  /\b1\/\/[\w.-]{10,}/g, // Google refresh tokens
  /\beyJ[\w-]+\.[\w-]+\.[\w-]*/g, // JWTs
  /\b(access_token|refresh_token|id_token|client_secret|code_verifier|code|token|upload_id)=[^&\s"']+/gi,
  /\b(SID|HSID|SSID|APISID|SAPISID|LOGIN_INFO|__Secure-[13]PSID[\w-]*|__Secure-[\w-]+)=[^;\s"']+/g,
];

// Opaque high-entropy runs (random tokens): long, with upper, lower and digits.
const OPAQUE_RUN = /[A-Za-z0-9_-]{32,}/g;

function looksRandom(run: string): boolean {
  const digits = run.replace(/\D/g, '').length;
  // Words (file names, titles) have long lowercase stretches; random tokens rarely do.
  return /[A-Z]/.test(run) && /[a-z]/.test(run) && digits >= 4 && !/[a-z]{8}/.test(run);
}

export function redactString(text: string): string {
  let out = text;
  for (const pattern of STRING_PATTERNS) {
    out = out.replace(pattern, (match, name?: string) =>
      typeof name === 'string' && match.startsWith(name) ? `${name}=${MASK}` : MASK,
    );
  }
  return out.replace(OPAQUE_RUN, (run) => (looksRandom(run) ? MASK : run));
}

export function redact(value: unknown, key?: string, depth = 0): unknown {
  if (key !== undefined && SECRET_KEY.test(key) && !/expir|count|at$/i.test(key)) return MASK;
  if (typeof value === 'string') {
    return key !== undefined && PLAIN_KEYS.has(key) ? value : redactString(value);
  }
  if (value === null || typeof value !== 'object' || depth > 6) return value;
  if (value instanceof Error) {
    return {
      name: value.name,
      message: redactString(value.message),
      stack: value.stack && redactString(value.stack),
    };
  }
  if (Array.isArray(value)) return value.map((item) => redact(item, undefined, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = redact(v, k, depth + 1);
  return out;
}
