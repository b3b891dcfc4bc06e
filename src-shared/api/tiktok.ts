import { z } from 'zod';
import { method } from './define.ts';
import { TikTokAccountSchema } from '../domain/tiktok.ts';

const AppView = z.object({ clientKey: z.string(), audited: z.boolean() });
const OpenIdRef = z.object({ openId: z.string().min(1).max(200) }).strict();

export const tiktokMethods = {
  'tiktok.app.get': method(
    z.object({}).strict(),
    AppView.nullable(),
    "The TikTok app's client key and audit status.",
  ),
  'tiktok.app.set': method(
    z
      .object({
        clientKey: z.string().min(1).max(100),
        clientSecret: z.string().min(1).max(200).optional(),
        audited: z.boolean().default(false),
      })
      .strict(),
    AppView,
    "Store the TikTok app (client key, secret in the vault, whether it passed TikTok's audit).",
  ),
  'tiktok.accounts.list': method(
    z.object({}).strict(),
    z.array(TikTokAccountSchema),
    'Connected TikTok accounts.',
  ),
  'tiktok.connect': method(
    z.object({ openBrowser: z.boolean().default(true) }).strict(),
    z.object({ flowId: z.string(), authorizationUrl: z.string(), expiresAt: z.string() }),
    'Start the PKCE loopback sign-in for a TikTok account.',
  ),
  'tiktok.connectResult': method(
    z.object({ flowId: z.string().min(1) }).strict(),
    TikTokAccountSchema,
    'Wait for a TikTok sign-in to finish.',
  ),
  'tiktok.disconnect': method(
    OpenIdRef,
    TikTokAccountSchema,
    'Revoke at TikTok and forget the tokens; history stays.',
  ),
  'tiktok.check': method(
    z.object({ openId: z.string().min(1).optional() }).strict(),
    z.array(z.object({ openId: z.string(), status: z.string(), message: z.string() })),
    "Refresh each account's sign-in now and report it.",
  ),
  'tiktok.creatorInfo': method(
    OpenIdRef,
    TikTokAccountSchema,
    "Ask TikTok for the account's posting options now.",
  ),
};

export const tiktokEvents = {
  'tiktok.changed': z.object({}),
};
