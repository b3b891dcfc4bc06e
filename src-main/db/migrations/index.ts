import type Database from 'better-sqlite3';
import { initial } from './001-initial.ts';
import { vault } from './002-vault.ts';
import { channels } from './003-channels.ts';
import { uploads } from './004-uploads.ts';
import { watchedFolders } from './005-watched-folders.ts';
import { cookieFiles } from './006-cookie-files.ts';
import { downloads } from './008-downloads.ts';
import { notices } from './009-notices.ts';
import { connected } from './010-connected.ts';
import { publishing } from './011-publishing.ts';
import { jobOrderTimeline } from './012-job-order-timeline.ts';
import { uiLinkKeys } from './013-ui-link-keys.ts';
import { tiktok } from './014-tiktok.ts';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/** In order; a shipped migration is never edited, only followed by a new one. */
export const migrations: readonly Migration[] = [
  initial,
  vault,
  channels,
  uploads,
  watchedFolders,
  cookieFiles,
  downloads,
  notices,
  connected,
  publishing,
  jobOrderTimeline,
  uiLinkKeys,
  tiktok,
];
