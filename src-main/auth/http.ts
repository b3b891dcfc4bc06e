import { bodyText, type HttpResponse } from '../base/http-response.ts';

/**
 * The one HTTP edge of auth and tokens: a fetch-shaped function, so tests
 * can answer in memory (fake clock runs) or hit a real local server.
 */
export type HttpFetch = (
  url: string,
  init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string },
) => Promise<HttpResponse>;

// Token answers are small; a body past this is cut, not held whole.
const MAX_BODY = 1024 * 1024;

export const nodeFetch: HttpFetch = async (url, init) => {
  const res = await fetch(url, {
    ...init,
    redirect: 'manual',
    signal: AbortSignal.timeout(30_000),
  });
  const body = Buffer.from(await res.arrayBuffer());
  return {
    status: res.status,
    headers: Object.fromEntries(res.headers),
    body: body.length > MAX_BODY ? body.subarray(0, MAX_BODY) : body,
  };
};

/** Parses a JSON body, or says in one line what came back instead. */
export async function readJson(res: HttpResponse, what: string): Promise<unknown> {
  const text = bodyText(res);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error(
      `${what} answered HTTP ${res.status} with a body that is not JSON (${text.length} bytes).`,
    );
  }
}
