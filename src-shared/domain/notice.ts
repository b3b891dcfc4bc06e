// zod/mini: the renderer's first screen loads this file (web notifications, the bell).
import * as z from 'zod/mini';

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

/** What a notice's button does. */
export const NoticeActionSchema = z.enum(['install_update']);
export type NoticeAction = z.infer<typeof NoticeActionSchema>;

/** Something the user should see: a toast in the UI, an OS notification on desktop. */
export const NoticeSchema = z.object({
  id: z.string(),
  kind: NoticeKindSchema,
  level: z.enum(['info', 'warning', 'error']),
  title: z.string(),
  message: z.string(),
  /** The channel or job it concerns, so a click can open the right screen. */
  channelId: z.nullable(z.string()),
  jobId: z.nullable(z.string()),
  /** A button the notice offers (the bell shows it; the OS notification opens the app). */
  action: z.nullable(NoticeActionSchema),
  /** Seen in the bell (or clicked as an OS notification). */
  read: z.boolean(),
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
  action?: NoticeAction | null;
}

/** The per-kind OS-notification switch in Settings that governs each kind. */
export const noticeKindSetting = {
  upload_done: 'notifyUploadDone',
  upload_failed: 'notifyUploadFailed',
  needs_reconnect: 'notifyNeedsReconnect',
  // An ending sign-in is the same call to action as a lost one: reconnect.
  sign_in_ending: 'notifyNeedsReconnect',
  quota_wait: 'notifyQuotaWait',
  cookie_expiring: 'notifyCookieExpiring',
  update_ready: 'notifyUpdateReady',
  general: null,
} as const satisfies Record<NoticeKind, string | null>;

/** The screen a notice is about (a click in the bell or on the OS notification opens it). */
export function noticeTarget(notice: Pick<Notice, 'kind' | 'jobId' | 'channelId'>): {
  screen: 'queue' | 'channels' | 'cookies' | 'settings';
  jobId?: string;
  channelId?: string;
} {
  const jobId = notice.jobId ?? undefined;
  const channelId = notice.channelId ?? undefined;
  switch (notice.kind) {
    case 'upload_done':
    case 'upload_failed':
    case 'quota_wait':
      return { screen: 'queue', jobId };
    case 'needs_reconnect':
    case 'sign_in_ending':
      return { screen: 'channels', channelId };
    case 'cookie_expiring':
      return { screen: 'cookies' };
    case 'update_ready':
      return { screen: 'settings' };
    case 'general':
      if (jobId) return { screen: 'queue', jobId };
      if (channelId) return { screen: 'channels', channelId };
      return { screen: 'queue' };
  }
}
