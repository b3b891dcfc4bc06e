/**
 * The path of a request target, or null when the target is not a plain
 * origin-form path ("/x?y"). Absolute-form (`GET http://host/`), asterisk-form
 * (`OPTIONS *`) and anything `URL` cannot parse are refused by the caller
 * with 400: this service is no proxy, and a throw here must never reach the
 * event loop (an unparsable target used to end the engine).
 */
export function requestPath(target: string | undefined): string | null {
  if (target === undefined || !target.startsWith('/') || target.startsWith('//')) return null;
  try {
    return new URL(target, 'http://127.0.0.1').pathname;
  } catch {
    return null;
  }
}
