export { startTikTokSandbox } from './server.ts';
export type {
  TikTokSandbox,
  TikTokSandboxOptions,
  RequestLogEntry,
  UploadInspection,
} from './server.ts';
export type { FaultSpec, Post } from './state.ts';
export type { TikTokAccount, TikTokApp, PrivacyLevel } from './seed.ts';
export {
  MIN_CHUNK,
  MAX_CHUNK,
  MAX_LAST_CHUNK,
  MAX_CHUNKS,
  chunkRuleBroken,
} from './chunk-rules.ts';
