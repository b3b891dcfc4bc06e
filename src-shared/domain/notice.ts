import { z } from 'zod';

/** Something the user should see: a toast in the UI, an OS notification on desktop. */
export const NoticeSchema = z.object({
  id: z.string(),
  level: z.enum(['info', 'warning', 'error']),
  title: z.string(),
  message: z.string(),
  at: z.string(),
});
export type Notice = z.infer<typeof NoticeSchema>;
