import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError } from '../../src-shared/api/errors.ts';
import type { Clock } from '../base/clock.ts';
import { describeGoogleError } from './google-errors.ts';
import { setupHelpFor, setupHelpLine } from '../../src-shared/domain/google-setup.ts';
import {
  codeChallengeS256,
  createCallbackPath,
  createCodeVerifier,
  createState,
  safeEqual,
} from './pkce.ts';
import { resultPage } from './result-page.ts';

export const DEFAULT_SIGN_IN_TIMEOUT_MS = 5 * 60_000;

export interface LoopbackFlowOptions {
  authorizationEndpoint: string;
  clientId: string;
  scopes: readonly string[];
  loginHint?: string;
  timeoutMs?: number;
  clock: Clock;
  /**
   * Another provider's authorization parameters (TikTok: client_key, comma
   * scopes, a hex challenge) in place of Google's; the listener, state check
   * and single callback stay the same.
   */
  authorizationParams?: (p: {
    redirectUri: string;
    state: string;
    verifier: string;
  }) => Record<string, string>;
}

/** What the accepted callback carried, plus what the token exchange needs. */
export interface AuthorizationGrant {
  code: string;
  codeVerifier: string;
  redirectUri: string;
}

/**
 * One RFC 8252 loopback sign-in: a listener on 127.0.0.1:0 with a random
 * path, PKCE S256, a 128-bit state. Exactly one callback is accepted; other
 * paths get 404 and the flow goes on; the listener closes however it ends.
 */
export class LoopbackFlow {
  readonly authorizationUrl: string;
  readonly redirectUri: string;
  /** Settles once: the grant, or an AppError (denied, cancelled, timed out). */
  readonly result: Promise<AuthorizationGrant>;
  readonly expiresAt: number;

  readonly #server: Server;
  readonly #state: string;
  readonly #verifier: string;
  readonly #path: string;
  readonly #host: string;
  #settled = false;
  #resolve!: (grant: AuthorizationGrant) => void;
  #reject!: (error: AppError) => void;
  #cancelTimer: () => void = () => undefined;

  private constructor(server: Server, port: number, opts: LoopbackFlowOptions) {
    this.#server = server;
    this.#state = createState();
    this.#verifier = createCodeVerifier();
    this.#path = createCallbackPath();
    this.#host = `127.0.0.1:${port}`;
    this.redirectUri = `http://${this.#host}${this.#path}`;
    const url = new URL(opts.authorizationEndpoint);
    const params: Record<string, string> = opts.authorizationParams?.({
      redirectUri: this.redirectUri,
      state: this.#state,
      verifier: this.#verifier,
    }) ?? {
      client_id: opts.clientId,
      redirect_uri: this.redirectUri,
      response_type: 'code',
      scope: opts.scopes.join(' '),
      state: this.#state,
      code_challenge: codeChallengeS256(this.#verifier),
      code_challenge_method: 'S256',
      access_type: 'offline',
      prompt: 'consent',
      include_granted_scopes: 'true',
    };
    if (opts.loginHint && !opts.authorizationParams) params.login_hint = opts.loginHint;
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    this.authorizationUrl = url.toString();
    this.result = new Promise<AuthorizationGrant>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    // Callers may only look at the result later; an early rejection must not crash the process.
    this.result.catch(() => undefined);
    const timeoutMs = opts.timeoutMs ?? DEFAULT_SIGN_IN_TIMEOUT_MS;
    this.expiresAt = opts.clock.now() + timeoutMs;
    this.#cancelTimer = opts.clock.setTimeout(
      () =>
        this.#fail(
          new AppError(
            'sign_in_timeout',
            `Sign-in was not finished within ${Math.round(timeoutMs / 60_000) || 1} minutes. Start it again.`,
            true,
          ),
        ),
      timeoutMs,
    );
    // Any local process can reach this port: a malformed request is refused, never thrown.
    server.on('request', (req, res) => {
      try {
        this.#handle(req, res);
      } catch {
        if (!res.headersSent) send(res, 400, 'Bad request.');
        else res.destroy();
      }
    });
  }

  static async start(opts: LoopbackFlowOptions): Promise<LoopbackFlow> {
    const authz = new URL(opts.authorizationEndpoint);
    if (
      authz.protocol !== 'https:' &&
      authz.hostname !== '127.0.0.1' &&
      authz.hostname !== 'localhost'
    )
      throw new AppError(
        'invalid_config',
        `The authorization endpoint ${authz.origin} is not https.`,
      );
    const server = createServer();
    server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return new LoopbackFlow(server, (server.address() as AddressInfo).port, opts);
  }

  get settled(): boolean {
    return this.#settled;
  }

  /** Ends the flow (with `reason`, default "cancelled") and closes its listener. */
  cancel(reason?: AppError): boolean {
    return this.#fail(reason ?? new AppError('sign_in_cancelled', 'Sign-in was cancelled.', true));
  }

  #handle(req: IncomingMessage, res: ServerResponse): void {
    const target = req.url ?? '/';
    if (!target.startsWith('/')) return send(res, 400, 'Bad request.');
    const url = new URL(target, `http://${this.#host}`);
    // Only our exact path, GET, and our own Host (a rebinding page would carry another name).
    if (req.method !== 'GET' || url.pathname !== this.#path || req.headers.host !== this.#host) {
      return send(res, 404, 'Not found.');
    }
    if (this.#settled) {
      return send(res, 410, resultPage(false, 'This sign-in link was already used.'), 'html');
    }
    const state = url.searchParams.get('state') ?? '';
    if (!safeEqual(state, this.#state)) {
      // Not ours (stale tab, forged request): refuse it and keep waiting for the real one.
      return send(
        res,
        400,
        resultPage(false, 'This answer does not belong to the sign-in Dropline started.'),
        'html',
      );
    }
    const error = url.searchParams.get('error');
    if (error) {
      const help = setupHelpFor(error);
      const message = help
        ? setupHelpLine(help)
        : describeGoogleError(error, url.searchParams.get('error_description'));
      send(res, 200, resultPage(false, message), 'html');
      this.#fail(
        new AppError(
          error === 'access_denied' ? 'access_denied' : `google_${error}`.slice(0, 60),
          message,
          true,
        ),
      );
      return;
    }
    const code = url.searchParams.get('code');
    if (!code) {
      return send(res, 400, resultPage(false, 'Google sent no authorization code.'), 'html');
    }
    send(
      res,
      200,
      resultPage(true, 'Dropline received your sign-in and is finishing the connection.'),
      'html',
    );
    this.#settle();
    this.#resolve({ code, codeVerifier: this.#verifier, redirectUri: this.redirectUri });
  }

  #fail(error: AppError): boolean {
    if (this.#settled) return false;
    this.#settle();
    this.#reject(error);
    return true;
  }

  #settle(): void {
    this.#settled = true;
    this.#cancelTimer();
    this.#server.close();
    // Let the response in flight finish, then drop idle keep-alive sockets.
    setImmediate(() => this.#server.closeIdleConnections());
  }

  /** Resolves once the listener no longer accepts connections. */
  closed(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.#server.listening) return resolve();
      this.#server.once('close', () => resolve());
    });
  }
}

function send(
  res: ServerResponse,
  status: number,
  body: string,
  type: 'text' | 'html' = 'text',
): void {
  res.writeHead(status, {
    'content-type': type === 'html' ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    connection: 'close',
  });
  res.end(body);
}
