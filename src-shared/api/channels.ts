import { z } from 'zod';
import { method } from './define.ts';
import { formatBytes, inputLimits } from '../domain/input-limits.ts';
import {
  AuditEntrySchema,
  ChannelSchema,
  ConnectOutcomeSchema,
  OAuthClientInfoSchema,
  TokenStatsSchema,
  ChannelCheckSchema,
} from '../domain/channel.ts';

/** Sign-ins waiting at once; each holds a loopback listener until it ends. */
export const MAX_WAITING_SIGN_INS = 3;

const Empty = z.object({}).strict();
const ChannelRef = z.object({ channelId: z.string().min(1) }).strict();
const FlowRef = z.object({ flowId: z.string().min(1) }).strict();

/** Either the text of a downloaded client_secret.json, or id and secret typed in. */
export const ClientSetInputSchema = z.union([
  z
    .object({
      fileText: z
        .string()
        .min(1)
        .max(
          inputLimits.clientSecretBytes,
          `a client_secret.json is under 1 KB; this text is over ${formatBytes(inputLimits.clientSecretBytes)}, so it is not one`,
        ),
    })
    .strict(),
  z.object({ clientId: z.string().min(1), clientSecret: z.string().min(1) }).strict(),
]);
export type ClientSetInput = z.infer<typeof ClientSetInputSchema>;

export const ConnectInputSchema = z
  .object({
    /** Pre-selects an account on Google's chooser (an e-mail address or channel id). */
    loginHint: z.string().max(320).optional(),
    /** Desktop: open the URL in the default browser (the CLI's --no-browser turns it off). */
    openBrowser: z.boolean().default(true),
  })
  .strict();

const WaitingSignInSchema = z.object({
  flowId: z.string(),
  authorizationUrl: z.string(),
  expiresAt: z.string(),
});

export const ConnectStartedSchema = WaitingSignInSchema.extend({
  /**
   * The newest earlier sign-in still waiting (started from another window or
   * the CLI), so the user can finish that one; null when none. Only a few
   * wait at once: a new one ends the oldest beyond MAX_WAITING_SIGN_INS.
   */
  alreadyWaiting: WaitingSignInSchema.nullable(),
});
export type ConnectStarted = z.infer<typeof ConnectStartedSchema>;

export const DisconnectResultSchema = z.object({
  channel: ChannelSchema,
  /** False when Google could not be reached; the tokens are deleted here either way. */
  revokedAtGoogle: z.boolean(),
});

export const channelMethods = {
  'channels.list': method(Empty, z.array(ChannelSchema), 'Every channel with its status'),
  'channels.check': method(
    z.object({ channelId: z.string().min(1).optional() }).strict(),
    z.array(ChannelCheckSchema),
    "Check each connected channel's sign-in now (one refresh each)",
  ),
  'channels.connect': method(
    ConnectInputSchema,
    ConnectStartedSchema,
    'Start a Google sign-in; returns the URL to open',
  ),
  'channels.connectResult': method(
    FlowRef,
    ConnectOutcomeSchema,
    'Wait for a sign-in started with channels.connect to end',
  ),
  'channels.cancelConnect': method(
    FlowRef,
    z.object({ cancelled: z.boolean() }),
    'Cancel a sign-in',
  ),
  'channels.disconnect': method(
    ChannelRef,
    DisconnectResultSchema,
    'Revoke a channel at Google and delete its tokens; keeps its history',
  ),
  'channels.audit': method(
    ChannelRef.extend({ limit: z.number().int().min(1).max(1000).default(100) }),
    z.array(AuditEntrySchema),
    "A channel's audit log, newest first",
  ),
  'channels.stats': method(Empty, TokenStatsSchema, 'Channels by status, refreshes and failures'),
  'client.get': method(Empty, OAuthClientInfoSchema, 'The Google OAuth client in use (no secret)'),
  'client.set': method(
    ClientSetInputSchema,
    OAuthClientInfoSchema,
    'Store the Google OAuth client (client_secret.json or id and secret)',
  ),
};

export const channelEvents = {
  'channels.changed': z.array(ChannelSchema),
  'channels.connectEnded': z.object({ flowId: z.string(), outcome: ConnectOutcomeSchema }),
  'client.changed': OAuthClientInfoSchema,
};
