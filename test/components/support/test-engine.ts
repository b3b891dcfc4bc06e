// The browser side of the component tests: `window.dropline` (the desktop bridge the renderer
// already speaks) backed by a real core in Node, reached through the engine server.
import { inject } from 'vitest';
import type { Input, Method, Output } from '../../../src-shared/api/contract.ts';
import type { Result } from '../../../src-shared/api/wire.ts';
import type { DesktopCalls, DroplineBridge } from '../../../src-shared/api/desktop.ts';
import {
  ENGINE_URL_KEY,
  type AppErrorJson,
  type ClientMessage,
  type EngineSeed,
  type ServerMessage,
  type TestNotice,
} from './protocol.ts';

const unavailable: Result = {
  ok: false,
  error: { code: 'unavailable', message: 'No test engine is open.', retryable: true },
};

export interface TestEngine {
  /** Where the engine keeps its data, and the video files the seed made. */
  dataDir: string;
  files: string[];
  /** A call as another client makes it (the CLI): never held, never failed. */
  invoke<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
  /** From now on the screen's calls to `method` wait (loading) until `release`. */
  hold(method: Method): void;
  /** Resolves once a call to a held method has arrived: the screen is loading now. */
  heldCall(method: Method): Promise<void>;
  release(method: Method): void;
  /** From now on the screen's calls to `method` fail with this message, until `recover`. */
  fail(method: Method, message: string, code?: string): void;
  recover(method: Method): void;
  /** The engine posts a notice, as a finished upload would. */
  postNotice(notice: TestNotice): void;
  close(): Promise<void>;
}

type Listener = (event: string, payload: unknown) => void;
const listeners = new Set<Listener>();
let current: Connection | null = null;

/**
 * What the renderer sees as `window.dropline`: the API half of the desktop bridge. The
 * desktop calls (pickFolder etc.) are absent unless a test adds them for a desktop case.
 */
export const bridge: Pick<DroplineBridge<File>, 'invoke' | 'onEvent'> &
  Partial<DesktopCalls<File>> = {
  invoke: (method, input) => (current ? current.call(method, input) : Promise.resolve(unavailable)),
  onEvent(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

class Connection {
  private nextId = 1;
  private readonly pending = new Map<number, (result: Result) => void>();
  private readonly heldWaiters = new Map<string, Array<() => void>>();
  private readonly heldSeen = new Set<string>();
  readonly closed: Promise<void>;
  private readonly socket: WebSocket;

  constructor(socket: WebSocket) {
    this.socket = socket;
    this.closed = new Promise((resolve) => socket.addEventListener('close', () => resolve()));
    socket.addEventListener('message', (raw) => {
      const message = JSON.parse(String(raw.data)) as ServerMessage;
      if (message.type === 'result') {
        this.pending.get(message.id)?.(message.result as Result);
        this.pending.delete(message.id);
      } else if (message.type === 'event') {
        listeners.forEach((l) => l(message.event, message.payload));
      } else if (message.type === 'held') {
        this.heldSeen.add(message.method);
        this.heldWaiters.get(message.method)?.forEach((go) => go());
        this.heldWaiters.delete(message.method);
      }
    });
  }

  send(message: ClientMessage): void {
    this.socket.send(JSON.stringify(message));
  }

  call(method: string, input: unknown, type: 'call' | 'invoke' = 'call'): Promise<Result> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.send({ type, id, method, input });
    });
  }

  heldCall(method: string): Promise<void> {
    if (this.heldSeen.has(method)) return Promise.resolve();
    return new Promise((resolve) => {
      const list = this.heldWaiters.get(method) ?? [];
      list.push(resolve);
      this.heldWaiters.set(method, list);
    });
  }

  close(): Promise<void> {
    // Calls still waiting (a test that failed while a method was held) answer now, as a dropped
    // link would: otherwise a store's shared in-flight load would wait into the next test.
    for (const resolve of this.pending.values()) resolve(unavailable);
    this.pending.clear();
    this.socket.close();
    return this.closed;
  }
}

/** A fresh real core holding `seed`, that the rendered screens talk to until `close`. */
export async function openEngine(seed: EngineSeed = {}): Promise<TestEngine> {
  if (current) await current.close();
  const socket = new WebSocket(inject(ENGINE_URL_KEY));
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('error', () => reject(new Error('engine server unreachable')), {
      once: true,
    });
  });
  const connection = new Connection(socket);
  const opened = await new Promise<{ dataDir: string; files: string[] }>((resolve, reject) => {
    socket.addEventListener('message', function onOpened(raw) {
      const message = JSON.parse(String(raw.data)) as ServerMessage;
      if (message.type !== 'opened' && message.type !== 'open-failed') return;
      socket.removeEventListener('message', onOpened);
      if (message.type === 'opened') resolve(message);
      else reject(new Error(`the test engine did not open: ${message.message}`));
    });
    connection.send({ type: 'open', seed });
  });
  current = connection;
  return {
    ...opened,
    async invoke(method, input) {
      const result = await connection.call(method, input, 'invoke');
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      return result.output as never;
    },
    hold: (method) => connection.send({ type: 'hold', method }),
    heldCall: (method) => connection.heldCall(method),
    release: (method) => connection.send({ type: 'release', method }),
    fail(method, message, code = 'internal') {
      const error: AppErrorJson = { code, message, retryable: false };
      connection.send({ type: 'fail', method, error });
    },
    recover: (method) => connection.send({ type: 'fail', method, error: null }),
    postNotice: (notice) => connection.send({ type: 'notice', notice }),
    async close() {
      if (current === connection) current = null;
      await connection.close();
    },
  };
}

/** Closes the engine a test left open. */
export async function closeEngine(): Promise<void> {
  const open = current;
  current = null;
  await open?.close();
}
