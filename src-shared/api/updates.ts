import { z } from 'zod';
import { method } from './define.ts';

/**
 * Where the desktop app's self-update stands. `unsupported`: this build
 * cannot update itself (headless, a development build, a package manager's
 * install); `message` says why and what to do instead.
 */
export const UpdateStatusSchema = z.object({
  state: z.enum(['unsupported', 'idle', 'checking', 'downloading', 'ready', 'error']),
  currentVersion: z.string(),
  /** The newer version being downloaded or ready to install. */
  version: z.string().nullable(),
  /** 0..1 while downloading. */
  progress: z.number().min(0).max(1).nullable(),
  checkedAt: z.string().nullable(),
  /** A plain sentence for people: the last error, or why updating is unsupported. */
  message: z.string().nullable(),
  /** The user chose "when uploads finish": Dropline restarts once none runs. */
  installWhenIdle: z.boolean(),
});
export type UpdateStatus = z.infer<typeof UpdateStatusSchema>;

export const updateMethods = {
  'updates.status': method(
    z.object({}).strict(),
    UpdateStatusSchema,
    'Where the self-update stands',
  ),
  'updates.check': method(
    z.object({}).strict(),
    UpdateStatusSchema,
    'Look for a newer Dropline now (it downloads in the background)',
  ),
  'updates.install': method(
    z.object({ when: z.enum(['now', 'when_idle']) }).strict(),
    UpdateStatusSchema,
    'Restart to install the downloaded update: now (running uploads pause and resume after) or once no upload runs',
  ),
};

export const updateEvents = {
  'updates.changed': UpdateStatusSchema,
};
