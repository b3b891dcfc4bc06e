import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The checks every request to the local service passes. The service binds
 * 127.0.0.1 only, but a web page in the user's browser can still reach it:
 * the Host allowlist stops DNS rebinding, the Origin check stops other
 * sites' scripts, and the bearer token stops everything else.
 */
export class RequestGuard {
  readonly #hosts: Set<string>;
  readonly #origins: Set<string>;
  readonly #token: Buffer;

  constructor(port: number, token: string) {
    this.#hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
    this.#origins = new Set([...this.#hosts].map((host) => `http://${host}`));
    this.#token = Buffer.from(token);
  }

  hostAllowed(req: IncomingMessage): boolean {
    const host = req.headers.host?.toLowerCase();
    return host !== undefined && this.#hosts.has(host);
  }

  /** Browsers always send Origin on WebSocket upgrades; non-browser clients send none. */
  originAllowed(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    return origin === undefined || this.#origins.has(origin.toLowerCase());
  }

  tokenMatches(candidate: string | undefined): boolean {
    if (candidate === undefined) return false;
    const given = Buffer.from(candidate);
    return given.length === this.#token.length && timingSafeEqual(given, this.#token);
  }

  bearerFrom(req: IncomingMessage): string | undefined {
    const header = req.headers.authorization;
    const match = header === undefined ? null : /^Bearer\s+(\S+)$/i.exec(header);
    return match?.[1];
  }
}
