import type { ConfigPatch, SandboxConfig } from './config.ts';
import type { FaultSpec, FaultsSnapshot } from './faults.ts';
import type {
  ChannelInspection,
  RequestLogEntry,
  SandboxState,
  SessionInspection,
  VideoInspection,
} from './inspect.ts';
import type { QuotaSnapshot } from './quota.ts';
import type { ClientRegistration, ClientRegistrationInput, SeedInput } from './seed.ts';

export interface GoogleSandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
  /** A seed object or a path to a seed JSON file; defaults to seed.default.json. */
  seed?: SeedInput | string;
  /** More OAuth clients, besides the seed's. */
  clients?: ClientRegistrationInput[];
  /** Shortcut for config.autoApprove. */
  autoApprove?: boolean;
  config?: ConfigPatch;
  /** Start the sandbox clock at this epoch ms. */
  startAt?: number;
  /** Where uploads are stored; a temp dir (removed on close) by default. */
  filesDir?: string;
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  scope: string;
}

export interface GoogleSandbox {
  baseUrl: string;
  port: number;
  filesDir: string;
  /** The first registered client: a Desktop-app client the sandbox accepts. */
  defaultClient: { clientId: string; clientSecret: string; projectId: string };
  clients(): ClientRegistration[];
  registerClient(client: ClientRegistrationInput): ClientRegistration;
  config: Readonly<SandboxConfig>;
  configure(patch: ConfigPatch): SandboxConfig;
  clock: {
    now(): number;
    advance(ms: number): number;
    set(epochMs: number): number;
    nextPacificMidnight(): number;
  };
  faults: {
    set(spec: FaultSpec): FaultsSnapshot;
    clear(): FaultsSnapshot;
    snapshot(): FaultsSnapshot;
    /** Revokes every grant of a channel (refresh and access tokens). Returns how many. */
    revokeChannelTokens(channelId: string): number;
    /** Expires one upload session, or all when no id is given. Returns how many. */
    expireUploadSession(uploadId?: string): number;
    /** Expires access tokens (of one channel, or all); refresh tokens keep working. */
    expireAccessTokens(channelId?: string): number;
  };
  inspect: {
    state(): SandboxState;
    channel(channelId: string): ChannelInspection;
    video(videoId: string): VideoInspection | null;
    sessions(): SessionInspection[];
    requests(): RequestLogEntry[];
  };
  quota: {
    /** Today's usage of a project (the default client's project when omitted). */
    snapshot(projectId?: string): QuotaSnapshot;
    setUsed(projectId: string | undefined, units: number, insertCalls?: number): void;
  };
  /** Skips the browser: a consent as if the channel clicked Allow (offline, prompt=consent). */
  issueTokens(opts: { channelId: string; clientId?: string; scopes?: string[] }): IssuedTokens;
  close(): Promise<void>;
}
