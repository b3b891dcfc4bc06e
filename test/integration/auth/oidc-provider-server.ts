import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/**
 * oidc-provider as a strict native-app authorization server with Google's
 * paths: PKCE S256 required, loopback redirects (any port, exact path),
 * client_secret_post. Clients come from an adapter so each test can
 * register the exact redirect URI its sign-in generated.
 */
export interface StrictServer {
  url: string;
  clientId: string;
  clientSecret: string;
  provider: Provider;
  /** Register the redirect URI(s) the client may use (exact path, any loopback port). */
  allowRedirects(uris: string[]): void;
  close(): Promise<void>;
}

class MapAdapter {
  static stores = new Map<string, Map<string, Record<string, unknown>>>();
  static clients: Record<string, unknown>[] = [];
  readonly name: string;
  constructor(name: string) {
    this.name = name;
  }
  #store(): Map<string, Record<string, unknown>> {
    let s = MapAdapter.stores.get(this.name);
    if (!s) MapAdapter.stores.set(this.name, (s = new Map()));
    return s;
  }
  async upsert(id: string, payload: Record<string, unknown>): Promise<void> {
    this.#store().set(id, payload);
  }
  async find(id: string): Promise<Record<string, unknown> | undefined> {
    if (this.name === 'Client') return MapAdapter.clients.find((c) => c.client_id === id);
    return this.#store().get(id);
  }
  async findByUid(uid: string): Promise<Record<string, unknown> | undefined> {
    return [...this.#store().values()].find((p) => p.uid === uid);
  }
  async findByUserCode(): Promise<undefined> {
    return undefined;
  }
  async consume(id: string): Promise<void> {
    const p = this.#store().get(id);
    if (p) p.consumed = Math.floor(Date.now() / 1000);
  }
  async destroy(id: string): Promise<void> {
    this.#store().delete(id);
  }
  async revokeByGrantId(grantId: string): Promise<void> {
    for (const store of MapAdapter.stores.values())
      for (const [id, p] of store) if (p.grantId === grantId) store.delete(id);
  }
}

export const CHANNEL = { id: 'UCoidcChannel0000000001', title: 'OIDC Test Channel' };

export async function startStrictServer(): Promise<StrictServer> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'dropline-desktop.apps.googleusercontent.com';
  const clientSecret = 'GOCSPX-oidc-test-secret';
  const scopes = [
    'https://www.googleapis.com/auth/youtube.upload',
    'https://www.googleapis.com/auth/youtube',
    'https://www.googleapis.com/auth/youtube.force-ssl',
  ];
  MapAdapter.stores.clear();
  const base = {
    client_id: clientId,
    client_secret: clientSecret,
    application_type: 'native',
    token_endpoint_auth_method: 'client_secret_post',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
  };
  MapAdapter.clients = [{ ...base, redirect_uris: ['http://127.0.0.1/unused'] }];
  const provider = new Provider(url, {
    adapter: MapAdapter as never,
    scopes,
    pkce: { required: () => true },
    routes: { authorization: '/o/oauth2/v2/auth', token: '/token', revocation: '/revoke' },
    features: { devInteractions: { enabled: false }, revocation: { enabled: true } },
    // Google's access_type=offline: a refresh token with every consent.
    issueRefreshToken: async () => true,
    findAccount: async (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: async () => ({ sub }),
    }),
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
    },
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 60,
      Interaction: 600,
      Session: 600,
      Grant: 3600,
      RefreshToken: 86400,
    },
  } as never);
  const callback = provider.callback();
  server.on('request', async (req, res) => {
    const path = new URL(req.url ?? '/', url).pathname;
    try {
      if (path.startsWith('/interaction/')) {
        // The user signs in as user-1 and clicks Allow for everything asked.
        const details = await provider.interactionDetails(req, res);
        const { prompt, params, session, grantId } = details as unknown as {
          prompt: { name: string; details: Record<string, string[] | undefined> };
          params: { client_id: string };
          session?: { accountId: string };
          grantId?: string;
        };
        let result: Record<string, unknown>;
        if (prompt.name === 'login') result = { login: { accountId: 'user-1' } };
        else {
          const grant = grantId
            ? await provider.Grant.find(grantId)
            : new provider.Grant({
                accountId: session?.accountId ?? 'user-1',
                clientId: params.client_id,
              });
          if (!grant) throw new Error('grant vanished');
          if (prompt.details.missingOIDCScope)
            grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
          result = { consent: { grantId: await grant.save() } };
        }
        await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: true });
        return;
      }
      if (path === '/youtube/v3/channels') {
        const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
        const at = await provider.AccessToken.find(token);
        res.setHeader('content-type', 'application/json');
        if (!at) {
          res.statusCode = 401;
          res.end(JSON.stringify({ error: { code: 401, errors: [{ reason: 'authError' }] } }));
          return;
        }
        res.end(
          JSON.stringify({
            items: [
              {
                id: CHANNEL.id,
                snippet: {
                  title: CHANNEL.title,
                  customUrl: '@oidctest',
                  thumbnails: { default: { url: 'https://yt3.example/a.jpg' } },
                },
                status: { longUploadsStatus: 'allowed' },
              },
            ],
          }),
        );
        return;
      }
      callback(req, res);
    } catch (error) {
      res.statusCode = 500;
      res.end(String(error));
    }
  });
  return {
    url,
    clientId,
    clientSecret,
    provider,
    allowRedirects(uris) {
      MapAdapter.clients = [{ ...base, redirect_uris: uris }];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A browser without a window: follows redirects, keeps cookies, stops at
 * the first redirect to `stopAtOrigin` (the loopback listener) and returns that URL.
 */
export async function browseUntil(start: string, stopAtOrigin: string): Promise<string> {
  const jar = new Map<string, string>();
  let url = start;
  for (let hop = 0; hop < 20; hop++) {
    if (new URL(url).origin === stopAtOrigin) return url;
    const res = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = (pair ?? '').indexOf('=');
      if (eq > 0) jar.set((pair as string).slice(0, eq).trim(), (pair as string).slice(eq + 1));
    }
    const location = res.headers.get('location');
    if (!location)
      throw new Error(
        `stopped at ${url} with HTTP ${res.status}: ${(await res.text()).slice(0, 300)}`,
      );
    await res.arrayBuffer();
    url = new URL(location, url).toString();
  }
  throw new Error('too many redirects');
}
