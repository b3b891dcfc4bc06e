import { AppError } from '../../src-shared/api/errors.ts';
import type { Clock } from '../base/clock.ts';
import { grantEnd } from './grant-end.ts';
import { setupHelpFor, setupHelpLine } from '../../src-shared/domain/google-setup.ts';
import type { AuditLog } from './audit-log.ts';
import type { ChannelRepository } from './channel-repository.ts';
import type { TokenManager } from './token-manager.ts';
import type { SecretStore } from '../vault/secret-store.ts';
import type { OAuthClientCredentials } from '../auth/client-secret-file.ts';
import type { HttpFetch } from '../auth/http.ts';
import type { AuthorizationGrant } from '../auth/loopback-flow.ts';
import { accountFromIdToken, fetchOwnChannel } from '../auth/own-channel.ts';
import { exchangeCode, revokeToken, TokenEndpointError } from '../auth/token-endpoint.ts';
import type { GoogleEndpoints } from '../auth/google-endpoints.ts';

export interface ProvisionDeps {
  clock: Clock;
  http: HttpFetch;
  endpoints: GoogleEndpoints;
  secrets: SecretStore;
  channels: ChannelRepository;
  tokens: TokenManager;
  audit: AuditLog;
}

/**
 * After the callback: code -> tokens, `channels.list(mine)` -> the channel
 * row, refresh token -> vault, access token -> memory. A reconnect replaces
 * the tokens of the existing row; it never adds a second one.
 */
export async function provisionChannel(
  deps: ProvisionDeps,
  client: OAuthClientCredentials,
  grant: AuthorizationGrant,
): Promise<{ channelId: string; reconnected: boolean }> {
  let tokens;
  try {
    tokens = await exchangeCode(
      deps.http,
      deps.endpoints.token,
      client,
      grant.code,
      grant.codeVerifier,
      grant.redirectUri,
    );
  } catch (error) {
    const message = (error as Error).message;
    deps.audit.record(null, 'consent', 'failed', message);
    if (error instanceof TokenEndpointError) {
      const help = error.googleCode ? setupHelpFor(error.googleCode) : null;
      throw new AppError(
        error.googleCode ?? 'token_exchange_failed',
        help ? setupHelpLine(help) : message,
        error.kind === 'transient',
      );
    }
    throw error;
  }
  const refreshToken = tokens.refresh_token;
  if (!refreshToken) {
    deps.audit.record(null, 'consent', 'failed', 'Google returned no refresh token');
    throw new AppError(
      'no_refresh_token',
      'Google returned no refresh token, so Dropline could not keep this channel connected. Try again; if it repeats, remove Dropline from your Google account permissions first.',
      true,
    );
  }
  let own;
  try {
    own = await fetchOwnChannel(deps.http, deps.endpoints.dataApi, tokens.access_token);
  } catch (error) {
    deps.audit.record(null, 'consent', 'failed', (error as Error).message);
    // Do not leave a grant behind that Dropline will never use.
    await revokeToken(deps.http, deps.endpoints.revoke, refreshToken, client);
    throw error;
  }
  const at = new Date(deps.clock.now()).toISOString();
  // Not revoking the previous refresh token on reconnect: Google revokes the whole grant, new token included.
  deps.tokens.forget(own.id);
  deps.secrets.put({ kind: 'refresh_token', id: own.id }, Buffer.from(refreshToken, 'utf8'));
  const { reconnected } = deps.channels.upsertConnected(
    { ...own, googleAccount: accountFromIdToken(tokens.id_token), clientId: client.clientId },
    at,
  );
  // Testing-mode apps: the grant ends on a date; a new consent starts a new one (or none).
  deps.channels.setGrantExpiry(own.id, grantEnd(deps.clock.now(), tokens.refresh_token_expires_in));
  deps.tokens.accept(own.id, tokens);
  deps.audit.record(own.id, 'consent', 'ok', reconnected ? 'reconnected' : 'connected');
  return { channelId: own.id, reconnected };
}
