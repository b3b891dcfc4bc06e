import { join } from 'node:path';
import type { Core, CoreDeps } from '../../src-main/core/create-core.ts';
import type { TikTokAccount } from '../../src-shared/domain/tiktok.ts';
import {
  startTikTokSandbox,
  type TikTokSandbox,
  type TikTokSandboxOptions,
} from '../fakes/tiktok-sandbox/index.ts';
import { tempDir } from './temp-dir.ts';
import { testCore } from './test-core.ts';
import { testKeyProviders } from './test-key-file.ts';

export interface TikTokHarness {
  sandbox: TikTokSandbox;
  dir: { path: string; remove(): void };
  core: Core;
  restart(): Promise<Core>;
  close(): Promise<void>;
}

/** A TikTok sandbox and a real core pointed at it (DROPLINE_TIKTOK_BASE_URL), on a temp data dir. */
export async function startTikTokHarness(
  opts: {
    sandbox?: TikTokSandboxOptions;
    audited?: boolean;
    core?: CoreDeps;
    googleBaseUrl?: string;
  } = {},
): Promise<TikTokHarness> {
  const sandbox = await startTikTokSandbox(opts.sandbox);
  const dir = tempDir('dropline-tiktok-');
  const open = () =>
    testCore(
      join(dir.path, 'data'),
      { tiktokBaseUrl: sandbox.baseUrl, googleBaseUrl: opts.googleBaseUrl ?? null },
      {
        keyProviders: testKeyProviders(dir.path),
        ...opts.core,
        uploads: { backoff: { baseMs: 20, capMs: 200 }, ...opts.core?.uploads },
      },
    );
  const h: TikTokHarness = {
    sandbox,
    dir,
    core: open(),
    async restart() {
      await h.core.close();
      h.core = open();
      return h.core;
    },
    async close() {
      await h.core.close();
      await sandbox.close();
      dir.remove();
    },
  };
  const app = opts.audited === false ? sandbox.apps.unaudited : sandbox.apps.audited;
  h.core.services.tiktok.app.set({
    clientKey: app.clientKey,
    clientSecret: app.clientSecret,
    audited: app.audited,
  });
  return h;
}

/**
 * The real PKCE loopback sign-in, with the sandbox's consent skipped by
 * `sandbox_account` (the browser's part: follow the authorization URL).
 */
export async function connectTikTok(core: Core, openId: string): Promise<TikTokAccount> {
  const started = await core.services.tiktok.accounts.connect({ openBrowser: false });
  const url = new URL(started.authorizationUrl);
  url.searchParams.set('sandbox_account', openId);
  await fetch(url);
  return core.services.tiktok.accounts.result(started.flowId);
}
