/**
 * The one HTTP edge of auth and tokens: a fetch-shaped function, so tests
 * can answer in memory (fake clock runs) or hit a real local server.
 */
export interface HttpResponse {
  status: number;
  text(): Promise<string>;
}

export type HttpFetch = (
  url: string,
  init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string },
) => Promise<HttpResponse>;

export const nodeFetch: HttpFetch = (url, init) =>
  fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(30_000) });

/** Parses a JSON body, or says in one line what came back instead. */
export async function readJson(res: HttpResponse, what: string): Promise<unknown> {
  const text = await res.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error(
      `${what} answered HTTP ${res.status} with a body that is not JSON (${text.length} bytes).`,
    );
  }
}
