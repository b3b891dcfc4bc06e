// What the component tests (in Chromium) and the engine server (in Node) say to each other.
// Pure types and constants: both sides import this file.

/** What a fresh engine holds before the screen is rendered; every part goes through the real core. */
export interface EngineSeed {
  /** Sandbox channels to connect, through the real sign-in flow. */
  channels?: string[];
  /** Queued jobs: real files, enqueued on one channel; uploads stay off so they stay queued. */
  jobs?: { count: number; channelId: string; title?: string };
  /** Watched folders (real empty directories) on the first connected channel. */
  folders?: number;
  /** Cookie files imported under these labels. */
  cookies?: string[];
  /** Start the upload engine (default false: jobs stay as seeded). */
  uploads?: boolean;
  /** A TikTok sandbox, the app (audited or not) and these accounts connected by the real sign-in. */
  tiktok?: { audited: boolean; accounts: string[] };
}

export interface AppErrorJson {
  code: string;
  message: string;
  retryable: boolean;
}

export type ClientMessage =
  | { type: 'open'; seed: EngineSeed }
  | { type: 'call'; id: number; method: string; input: unknown }
  /** A call from "another client" (the CLI, a second window): never held nor failed. */
  | { type: 'invoke'; id: number; method: string; input: unknown }
  /** Calls to `method` wait until it is released: the screen's loading state. */
  | { type: 'hold'; method: string }
  | { type: 'release'; method: string }
  /** Calls to `method` answer with this error until cleared: the screen's error state. */
  | { type: 'fail'; method: string; error: AppErrorJson | null }
  /** The engine posts this notice to its notification centre (as an upload or a check would). */
  | { type: 'notice'; notice: TestNotice };

/** A notice as a service posts it (`notices.post`). */
export interface TestNotice {
  level: 'info' | 'warning' | 'error';
  kind: 'upload_done' | 'upload_failed' | 'needs_reconnect' | 'quota_wait' | 'general';
  title: string;
  message: string;
}

export type ServerMessage =
  | { type: 'opened'; dataDir: string; files: string[] }
  | { type: 'open-failed'; message: string }
  | { type: 'result'; id: number; result: unknown }
  | { type: 'event'; event: string; payload: unknown }
  /** A call reached the engine server and is being held (so a test knows it is loading). */
  | { type: 'held'; method: string };

export const ENGINE_URL_KEY = 'componentEngineUrl';
