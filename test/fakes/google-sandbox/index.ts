export { startGoogleSandbox } from './server.ts';
export type { GoogleSandbox, GoogleSandboxOptions, IssuedTokens } from './sandbox-types.ts';
export type { ConfigPatch, SandboxConfig } from './config.ts';
export type { FaultSpec, FaultsSnapshot } from './faults.ts';
export type {
  ChannelInspection,
  RequestLogEntry,
  SandboxState,
  SessionInspection,
  VideoInspection,
} from './inspect.ts';
export type { QuotaSnapshot } from './quota.ts';
export type { ClientRegistration, ClientRegistrationInput, Seed, SeedInput } from './seed.ts';
export { defaultSeedPath, loadSeedFile, parseSeed } from './seed.ts';
export { CHUNK_MULTIPLE } from './config.ts';
export { CONTROL_PREFIX } from './control.ts';
export { youtubeTagsLength } from './metadata.ts';
export { nextPacificMidnight, pacificDay } from './clock.ts';
