import type { ScreenId } from '../../src-renderer/state/screens.ts';

/**
 * Every scene `npm run screenshots` renders, with the screen it is on (null:
 * a banner or dialog over whichever screen). Pure data, so a unit test can
 * check that each screen of the navigation has at least one scene.
 */
export const sceneNames = {
  // A fresh install: nothing connected, nothing queued.
  'queue-empty': 'queue',
  'add-upload-error': 'queue',
  'channels-none': 'channels',
  'tiktok-none': 'channels',
  'folders-none': 'folders',
  'cookies-empty': 'cookies',
  'publishing-empty': 'publishing',
  settings: 'settings',
  'session-expired-banner': null,
  // A creator's working day: every job state, a channel to reconnect, folders, downloads.
  'queue-populated': 'queue',
  'queue-bulk-edit': 'queue',
  'queue-job-detail': 'queue',
  'channels-connected': 'channels',
  'folders-watched': 'folders',
  'cookies-failed-download': 'cookies',
  'publishing-schedules': 'publishing',
  'drop-preview': null,
  // A project out of quota (its own world: every job of the project waits).
  'queue-quota-wait': 'queue',
} as const satisfies Record<string, ScreenId | null>;

export type SceneName = keyof typeof sceneNames;
