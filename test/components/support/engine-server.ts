// The Node side of the component tests: one real core per browser connection.
// better-sqlite3 cannot load in a browser, so the screens under test reach a real core the way
// the desktop window does (calls and events through a bridge), with this WebSocket in the
// middle. Each connection gets a fresh data directory, a real database and vault, channels
// signed in through the Google sandbox; it can hold a method (loading) or make it fail (error).
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { createApiClient } from '../../../src-shared/api/client.ts';
import type { Core } from '../../../src-main/core/create-core.ts';
import { memoryTransport } from '../../../src-main/rpc/memory-transport.ts';
import { startGoogleSandbox, type GoogleSandbox } from '../../fakes/google-sandbox/index.ts';
import { connectSandboxChannel } from '../../helpers/sandbox-channel.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { testCore } from '../../helpers/test-core.ts';
import { connectTikTok } from '../../helpers/tiktok-harness.ts';
import { startTikTokSandbox, type TikTokSandbox } from '../../fakes/tiktok-sandbox/index.ts';
import type { AppErrorJson, ClientMessage, EngineSeed, ServerMessage } from './protocol.ts';

export interface EngineServer {
  url: string;
  close(): Promise<void>;
}

export async function startEngineServer(): Promise<EngineServer> {
  let sandbox: Promise<GoogleSandbox> | null = null;
  const sandboxOnce = () => (sandbox ??= startGoogleSandbox({ autoApprove: true }));
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  const sessions = new Set<Promise<void>>();
  wss.on('connection', (socket) => {
    const done = serveOne(socket, sandboxOnce);
    sessions.add(done);
    void done.finally(() => sessions.delete(done));
  });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const { port } = wss.address() as { port: number };
  return {
    url: `ws://127.0.0.1:${port}`,
    async close() {
      for (const client of wss.clients) client.close();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await Promise.all(sessions);
      if (sandbox) await (await sandbox).close();
    },
  };
}

/** One browser test's engine, from `open` until the socket closes. */
async function serveOne(socket: WebSocket, sandbox: () => Promise<GoogleSandbox>): Promise<void> {
  const dir = tempDir('dropline-components-');
  const send = (message: ServerMessage) => socket.send(JSON.stringify(message));
  const held = new Map<string, Array<() => void>>();
  const failing = new Map<string, AppErrorJson>();
  // Set once `open` has built the core (assigned in a callback, hence the holder).
  const engine: { core: Core | null; offEvents: () => void; tiktok?: TikTokSandbox | null } = {
    core: null,
    offEvents: () => undefined,
  };

  const dispatch = async (method: string, input: unknown, guarded: boolean): Promise<unknown> => {
    const core = engine.core;
    if (!core)
      return { ok: false, error: { code: 'unavailable', message: 'no engine', retryable: true } };
    const waiting = guarded ? held.get(method) : undefined;
    if (waiting) {
      send({ type: 'held', method });
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
    const error = guarded ? failing.get(method) : undefined;
    if (error) return { ok: false, error };
    return memoryTransport(core.router, core.events).call(method, input);
  };

  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.on('message', (raw) => {
    const message = JSON.parse(String(raw)) as ClientMessage;
    switch (message.type) {
      case 'open':
        void openCore(dir.path, message.seed, sandbox).then(
          ({ opened, files, tiktok }) => {
            engine.core = opened;
            engine.tiktok = tiktok;
            engine.offEvents = memoryTransport(opened.router, opened.events).subscribe(
              (event, payload) => send({ type: 'event', event, payload }),
            );
            send({ type: 'opened', dataDir: opened.config.dataDir, files });
          },
          (error: Error) => send({ type: 'open-failed', message: error.stack ?? error.message }),
        );
        return;
      case 'call':
      case 'invoke':
        void dispatch(message.method, message.input, message.type === 'call').then((result) =>
          send({ type: 'result', id: message.id, result }),
        );
        return;
      case 'hold':
        if (!held.has(message.method)) held.set(message.method, []);
        return;
      case 'release': {
        const waiting = held.get(message.method) ?? [];
        held.delete(message.method);
        waiting.forEach((go) => go());
        return;
      }
      case 'fail':
        if (message.error) failing.set(message.method, message.error);
        else failing.delete(message.method);
        return;
      case 'notice':
        engine.core?.services.notices.post(message.notice);
        return;
    }
  });
  await closed;
  for (const waiting of held.values()) waiting.forEach((go) => go());
  engine.offEvents();
  await engine.core?.close();
  await engine.tiktok?.close();
  dir.remove();
}

async function openCore(
  dir: string,
  seed: EngineSeed,
  sandbox: () => Promise<GoogleSandbox>,
): Promise<{ opened: Core; files: string[]; tiktok: TikTokSandbox | null }> {
  const keyFile = join(dir, 'master.key');
  writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });
  const needsGoogle = (seed.channels?.length ?? 0) > 0;
  const google = needsGoogle ? await sandbox() : null;
  const tiktok = seed.tiktok ? await startTikTokSandbox() : null;
  const core = testCore(
    join(dir, 'data'),
    {
      googleBaseUrl: google?.baseUrl ?? null,
      tiktokBaseUrl: tiktok?.baseUrl ?? null,
      keyProvider: 'file',
      masterKeyFile: keyFile,
    },
    { startUploads: seed.uploads ?? false, videoProbe: null },
  );
  const api = createApiClient(memoryTransport(core.router, core.events));
  const connection = { api, transport: memoryTransport(core.router, core.events), close() {} };
  for (const channelId of seed.channels ?? [])
    if (google) await connectSandboxChannel(connection, google, channelId);
  const files: string[] = [];
  if (seed.jobs) {
    const videos = join(dir, 'videos');
    mkdirSync(videos);
    for (let i = 0; i < seed.jobs.count; i++) {
      const file = join(videos, `clip-${String(i).padStart(4, '0')}.mp4`);
      writeFileSync(file, randomBytes(64));
      files.push(file);
    }
    await api.invoke('jobs.enqueue', {
      files,
      channelIds: [seed.jobs.channelId],
      metadata: { title: seed.jobs.title ?? 'Clip', privacy: 'private' },
      thumbnail: null,
    });
  }
  for (let i = 0; i < (seed.folders ?? 0); i++) {
    const folder = join(dir, `watched-${i + 1}`);
    mkdirSync(folder);
    await api.invoke('folders.add', {
      path: folder,
      channelIds: seed.channels?.slice(0, 1) ?? [],
      template: { title: '{filename}', privacy: 'private' },
      recursive: false,
      polling: false,
      stabilitySeconds: 30,
    });
  }
  for (const label of seed.cookies ?? [])
    await api.invoke('cookies.import', { content: cookieFile(), fileName: `${label}.txt`, label });
  if (tiktok && seed.tiktok) {
    const app = seed.tiktok.audited ? tiktok.apps.audited : tiktok.apps.unaudited;
    core.services.tiktok.app.set({ ...app });
    for (const openId of seed.tiktok.accounts) await connectTikTok(core, openId);
  }
  return { opened: core, files, tiktok };
}

/** A signed-in cookies.txt whose auth cookies last 30 days. */
function cookieFile(): string {
  const expires = Math.floor(Date.now() / 1000) + 30 * 86_400;
  const line = (name: string, value: string) =>
    ['.youtube.com', 'TRUE', '/', 'TRUE', String(expires), name, value].join('\t');
  return [
    '# Netscape HTTP Cookie File',
    line('SID', randomBytes(16).toString('hex')),
    line('__Secure-3PSID', randomBytes(16).toString('hex')),
    line('PREF', 'f6=40000000'),
    '',
  ].join('\n');
}
