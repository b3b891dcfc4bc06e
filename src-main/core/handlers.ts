import type { HandlerMap } from '../rpc/router.ts';
import type { CoreConfig } from './config.ts';
import type { Services } from './create-core.ts';
import { channelHandlers } from '../channels/channel-handlers.ts';
import { uploadHandlers } from '../uploads/upload-handlers.ts';
import { vaultHandlers } from '../vault/vault-handlers.ts';
import { publishingHandlers } from '../publishing/publishing-handlers.ts';
import { noticeHandlers } from '../notices/notice-handlers.ts';
import { jobEditHandlers } from '../uploads/job-edit-handlers.ts';
import { fileHandlers } from '../files/file-handlers.ts';
import { rememberingFolders } from '../files/last-folder.ts';
import { channelExtraHandlers } from '../youtube/channel-extra-handlers.ts';
import { folderHandlers } from '../watch/folder-handlers.ts';
import { cookieHandlers } from '../cookies/cookie-handlers.ts';
import { downloadHandlers } from '../cookies/download-handlers.ts';
import { settingsHandlers } from '../settings/settings-handlers.ts';
import { updateHandlers } from '../updates/update-handlers.ts';
import { historyHandlers } from '../uploads/history-handlers.ts';
import { tiktokHandlers } from '../providers/tiktok/tiktok-handlers.ts';

/** Maps every contract method onto a service call. */
export function createHandlers(config: CoreConfig, services: Services): HandlerMap {
  const handlers: HandlerMap = {
    'app.info': () => ({
      name: 'Dropline',
      version: config.version,
      dataDir: config.dataDir,
      mode: config.mode,
      googleBaseUrl: config.googleBaseUrl,
    }),
    ...settingsHandlers(services.settings),
    ...channelHandlers(services.channels),
    ...uploadHandlers(services.uploads),
    ...folderHandlers(services.watch, services.drops),
    ...cookieHandlers(services.cookies),
    ...downloadHandlers(services.downloads),
    ...vaultHandlers(services.security),
    ...publishingHandlers(services),
    ...noticeHandlers(services.notices),
    ...updateHandlers(services.updates),
    'tools.status': () => services.tools.status(),
    ...jobEditHandlers(services.uploads, services.jobEditor),
    ...fileHandlers(services.watchRepo, services.lastFolder),
    ...channelExtraHandlers(services.channelExtras),
    ...historyHandlers(services.history, services.jobEditor),
    ...tiktokHandlers(services.tiktok),
    'ui.newLink': () => services.uiLinks.issue(),
  };
  // What Add upload and a drop queue names the folder a browser drop is looked for in.
  return rememberingFolders(handlers, services.lastFolder);
}
