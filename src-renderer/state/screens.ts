/** The screens of the sidebar, in its order. Pure data: scripts and unit tests read it too. */
export const screens = [
  'channels',
  'folders',
  'queue',
  'publishing',
  'cookies',
  'settings',
] as const;
export type ScreenId = (typeof screens)[number];
