import { z } from 'zod';

export const AppModeSchema = z.enum(['desktop', 'headless']);
export type AppMode = z.infer<typeof AppModeSchema>;

export const AppInfoSchema = z.object({
  name: z.literal('Dropline'),
  version: z.string(),
  dataDir: z.string(),
  mode: AppModeSchema,
  /** Where Google requests go: real Google or a local sandbox. */
  googleBaseUrl: z.string().nullable(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;
