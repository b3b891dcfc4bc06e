import { z } from 'zod';
import { method } from './define.ts';

export const uiLinkMethods = {
  'ui.newLink': method(
    z.object({}).strict(),
    z.object({
      /** Goes in the link's fragment (`#token=`): works once, for one browser. */
      key: z.string(),
      expiresAt: z.string(),
    }),
    'A fresh one-time access key for the web UI (`dropline ui` prints the link)',
  ),
};
