import { z } from 'zod';
import { AppInfoSchema } from './app.ts';
import { cookieEvents, cookieMethods } from './cookies.ts';
import { method } from './define.ts';
import { SettingsPatchSchema, SettingsSchema } from '../domain/settings.ts';
import { NoticeSchema } from '../domain/notice.ts';
import { channelEvents, channelMethods } from './channels.ts';
import { jobEvents, jobMethods } from './jobs.ts';
import { folderEvents, folderMethods } from './folders.ts';
import { vaultEvents, vaultMethods } from './vault.ts';
import { publishingEvents, publishingMethods } from './publishing.ts';
import { noticeEvents, noticeMethods } from './notices.ts';
import { updateEvents, updateMethods } from './updates.ts';
import { toolMethods } from './tools.ts';
import { jobEditEvents, jobEditMethods } from './job-edits.ts';
import { fileMethods } from './files.ts';
import { channelExtraMethods } from './channel-extras.ts';
import { uiLinkMethods } from './ui-links.ts';
import { historyMethods } from './history.ts';
import { tiktokEvents, tiktokMethods } from './tiktok.ts';

/** Methods that take no arguments accept `{}` (and nothing else). */
export const NoInput = z.object({}).strict();

/**
 * Every call the UI and the CLI can make, declared once. Both transports
 * (Electron IPC, WebSocket) carry exactly these names and shapes.
 */
export const methods = {
  'app.info': method(NoInput, AppInfoSchema, 'Version, data directory and mode of the engine'),
  'settings.get': method(NoInput, SettingsSchema, 'Read all settings'),
  'settings.set': method(SettingsPatchSchema, SettingsSchema, 'Change some settings'),
  ...channelMethods,
  ...jobMethods,
  ...folderMethods,
  ...cookieMethods,
  ...vaultMethods,
  ...publishingMethods,
  ...noticeMethods,
  ...updateMethods,
  ...toolMethods,
  ...jobEditMethods,
  ...fileMethods,
  ...channelExtraMethods,
  ...uiLinkMethods,
  ...historyMethods,
  ...tiktokMethods,
};

/** Every event the engine announces, with its payload. */
export const events = {
  'app.noticed': NoticeSchema,
  'settings.changed': SettingsSchema,
  ...channelEvents,
  ...jobEvents,
  ...folderEvents,
  ...cookieEvents,
  ...vaultEvents,
  ...publishingEvents,
  ...noticeEvents,
  ...updateEvents,
  ...jobEditEvents,
  ...tiktokEvents,
};

export type Methods = typeof methods;
export type Method = keyof Methods;
export type Events = typeof events;
export type EventName = keyof Events;

export type Input<M extends Method> = z.input<Methods[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Methods[M]['input']>;
export type Output<M extends Method> = z.output<Methods[M]['output']>;
export type Payload<E extends EventName> = z.output<Events[E]>;

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}
