import { z } from 'zod';
import { method } from './define.ts';
import { NoticeSchema } from '../domain/notice.ts';

/** How many notices the centre keeps; older ones go when a new one arrives. */
export const MAX_STORED_NOTICES = 500;

export const NoticeListSchema = z.object({
  notices: z.array(NoticeSchema),
  unread: z.number().int().nonnegative(),
});
export type NoticeList = z.infer<typeof NoticeListSchema>;

export const noticeMethods = {
  'notices.list': method(
    z
      .object({
        unreadOnly: z.boolean().default(false),
        limit: z.number().int().min(1).max(MAX_STORED_NOTICES).default(100),
      })
      .strict(),
    NoticeListSchema,
    'The notification centre, newest first, with the unread count',
  ),
  'notices.markRead': method(
    z.union([
      z.object({ ids: z.array(z.string().min(1)).min(1).max(MAX_STORED_NOTICES) }).strict(),
      z.object({ all: z.literal(true) }).strict(),
    ]),
    z.object({ unread: z.number().int().nonnegative() }),
    'Mark some notices (or all) as read',
  ),
};

export const noticeEvents = {
  /** Something was posted or read: the unread count to show on the bell. */
  'notices.changed': z.object({ unread: z.number().int().nonnegative() }),
};
