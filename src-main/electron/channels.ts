/** IPC channel names shared by main and preload. */
export const IPC_INVOKE = 'dropline:invoke';
export const IPC_EVENT = 'dropline:event';
export const APP_SCHEME = 'app';
export const APP_HOST = 'dropline';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
