import { z } from 'zod';
import { AppErrorSchema } from './app-error.ts';

/**
 * A channel's health as the user sees it. `refreshing` and `locked` are
 * never stored: one is shown while a token refresh is in flight, the other
 * while the vault holding its tokens is locked (it needs the passphrase or
 * the original key, not a reconnect).
 */
export const ChannelStatusSchema = z.enum([
  'connected',
  'refreshing',
  'needs_reconsent',
  'disconnected',
  'locked',
]);
export type ChannelStatus = z.infer<typeof ChannelStatusSchema>;

export const ChannelSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** The public handle (`@name`), when the channel has one. */
  handle: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  /** Whether the channel may set custom thumbnails; null when Google did not say. */
  customThumbnails: z.boolean().nullable(),
  /** The Google account (or OAuth client) the channel was connected through, for grouping. */
  googleAccount: z.string().nullable(),
  clientId: z.string().nullable(),
  status: ChannelStatusSchema,
  /** When the access token held in memory expires; null when none is held. */
  accessTokenExpiresAt: z.string().nullable(),
  connectedAt: z.string(),
  lastRefreshAt: z.string().nullable(),
  lastRefreshOutcome: z.enum(['ok', 'failed']).nullable(),
  /** When Google said the sign-in ends (apps in Testing mode: 7 days); null when it gave no end. */
  grantExpiresAt: z.string().nullable(),
  /** The last health check of the sign-in and what it found. */
  lastCheckAt: z.string().nullable(),
  lastCheckOutcome: z.enum(['ok', 'needs_reconsent', 'unreachable']).nullable(),
});
export type Channel = z.infer<typeof ChannelSchema>;

/** One channel's health check result (`dropline channels check`). */
export const ChannelCheckSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** `ok`: Google refreshed the sign-in; `needs_reconsent`: it refused (invalid_grant); `unreachable`: no verdict, checked again later; `skipped`: not connected. */
  result: z.enum(['ok', 'needs_reconsent', 'unreachable', 'skipped']),
  status: ChannelStatusSchema,
  message: z.string(),
  grantExpiresAt: z.string().nullable(),
});
export type ChannelCheck = z.infer<typeof ChannelCheckSchema>;

/** The CLI's stable shape for `dropline channels`. */
export const ChannelSummarySchema = ChannelSchema.pick({
  id: true,
  title: true,
  status: true,
  accessTokenExpiresAt: true,
  grantExpiresAt: true,
});
export type ChannelSummary = z.infer<typeof ChannelSummarySchema>;

export const AuditActionSchema = z.enum([
  'consent',
  'refresh',
  'reconsent_needed',
  'revoke',
  'client_set',
]);
export type AuditAction = z.infer<typeof AuditActionSchema>;

/** One audit line: when, what, outcome; never a secret. */
export const AuditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  channelId: z.string().nullable(),
  action: z.string(),
  outcome: z.enum(['ok', 'failed']),
  detail: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const TokenStatsSchema = z.object({
  byStatus: z.record(ChannelStatusSchema, z.number()),
  refreshesLast24h: z.number(),
  refreshFailuresLast24h: z.number(),
  accessTokensInMemory: z.number(),
});
export type TokenStats = z.infer<typeof TokenStatsSchema>;

/** The OAuth client as shown to the user: never its secret. */
export const OAuthClientInfoSchema = z.object({
  configured: z.boolean(),
  clientId: z.string().nullable(),
  projectId: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type OAuthClientInfo = z.infer<typeof OAuthClientInfoSchema>;

/** How a sign-in ended. */
export const ConnectOutcomeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('connected'), channel: ChannelSchema, reconnected: z.boolean() }),
  z.object({ status: z.literal('failed'), error: AppErrorSchema }),
]);
export type ConnectOutcome = z.infer<typeof ConnectOutcomeSchema>;
