import { z } from 'zod';

/**
 * What a notice is about. Settings can turn OS notifications off per kind;
 * `general` is everything else.
 */
export const NoticeKindSchema = z.enum([
  'upload_done',
  'upload_failed',
  'needs_reconnect',
  'sign_in_ending',
  'quota_wait',
  'cookie_expiring',
  'update_ready',
  'general',
]);
export type NoticeKind = z.infer<typeof NoticeKindSchema>;

/** Something the user should see: a toast in the UI, an OS notification on desktop. */
export const NoticeSchema = z.object({
  id: z.string(),
  kind: NoticeKindSchema,
  level: z.enum(['info', 'warning', 'error']),
  title: z.string(),
  message: z.string(),
  /** The channel or job it concerns, so a click can open the right screen. */
  channelId: z.string().nullable(),
  jobId: z.string().nullable(),
  at: z.string(),
});
export type Notice = z.infer<typeof NoticeSchema>;

/** What a service hands to `notices.post`; the centre adds id and time. */
export interface NoticeInput {
  level: Notice['level'];
  kind?: NoticeKind;
  title: string;
  message: string;
  channelId?: string | null;
  jobId?: string | null;
}
