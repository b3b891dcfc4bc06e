import type { SandboxClock } from './clock.ts';
import type { SandboxConfig } from './config.ts';
import type { Faults } from './faults.ts';
import type { OAuthStore } from './oauth-store.ts';
import type { QuotaLedger } from './quota.ts';
import type { World } from './world.ts';

/** The sandbox's state, shared by every handler. */
export interface SandboxContext {
  config: SandboxConfig;
  clock: SandboxClock;
  oauth: OAuthStore;
  world: World;
  quota: QuotaLedger;
  faults: Faults;
  /** Where uploaded videos and thumbnails are streamed. */
  filesDir: string;
  baseUrl: string;
}

export const SCOPE_PREFIX = 'https://www.googleapis.com/auth/';

/** Scopes the sandbox knows; anything else is invalid_scope. */
export const knownScopes = new Set([
  'openid',
  'email',
  'profile',
  `${SCOPE_PREFIX}youtube`,
  `${SCOPE_PREFIX}youtube.upload`,
  `${SCOPE_PREFIX}youtube.readonly`,
  `${SCOPE_PREFIX}youtube.force-ssl`,
  `${SCOPE_PREFIX}youtubepartner`,
  `${SCOPE_PREFIX}userinfo.email`,
  `${SCOPE_PREFIX}userinfo.profile`,
]);
