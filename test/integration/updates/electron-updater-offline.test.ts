import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, test } from 'vitest';
import { NodeHttpExecutor } from 'builder-util';
import {
  configureRequestOptions,
  configureRequestUrl,
  type DownloadOptions,
} from 'builder-util-runtime';
import electronUpdater from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter.js';
import { stringify } from 'yaml';
import type { Notice } from '../../../src-shared/domain/notice.ts';
import { createLogger, memorySink } from '../../../src-main/logging/logger.ts';
import { EventHub } from '../../../src-main/rpc/event-hub.ts';
import {
  CHECK_EVERY_MS,
  RETRY_AFTER_FAILURE_MS,
  UpdateService,
} from '../../../src-main/updates/update-service.ts';
import type { UpdaterLike } from '../../../src-main/updates/updater-like.ts';
import { FakeClock } from '../../helpers/fake-clock.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

const { DebUpdater } = electronUpdater;

/**
 * electron-updater's own Linux updater, driven as an installed Dropline 1.0.0
 * would drive it, against a release server on 127.0.0.1: a test AppAdapter
 * stands in for Electron's `app` (paths, version, quit), Node's HTTP stands
 * in for Electron's `net`. Nothing of electron-updater is replaced.
 */
class TestAppAdapter implements AppAdapter {
  readonly version = '1.0.0';
  readonly name = 'Dropline';
  readonly isPackaged = true;
  readonly appUpdateConfigPath: string;
  readonly userDataPath: string;
  readonly baseCachePath: string;
  quits = 0;
  constructor(dir: string, feedUrl: string) {
    this.userDataPath = join(dir, 'userData');
    this.baseCachePath = join(dir, 'cache');
    mkdirSync(this.userDataPath, { recursive: true });
    this.appUpdateConfigPath = join(dir, 'app-update.yml');
    // What electron-builder writes into resources/ from `publish` (generic provider).
    writeFileSync(
      this.appUpdateConfigPath,
      stringify({ provider: 'generic', url: feedUrl, updaterCacheDirName: 'dropline-updater' }),
    );
  }
  whenReady() {
    return Promise.resolve();
  }
  relaunch() {}
  quit() {
    this.quits++;
  }
  onQuit() {}
}

/**
 * Node's HTTP with the one method electron-updater's Electron executor adds
 * (download to a file), built on the shared HttpExecutor.doDownload: the
 * sha512 check is builder-util-runtime's own, as in the app.
 */
class NodeDownloadExecutor extends NodeHttpExecutor {
  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise((resolve, reject, onCancel) => {
      const requestOptions = { headers: options.headers ?? undefined };
      configureRequestUrl(url, requestOptions);
      configureRequestOptions(requestOptions);
      this.doDownload(
        requestOptions,
        {
          destination,
          options,
          onCancel,
          callback: (error) => (error == null ? resolve(destination) : reject(error)),
          responseHandler: null,
        },
        0,
      );
    });
  }
}

interface Release {
  version: string;
  bytes: Buffer;
  /** What latest-linux.yml claims; the artifact's real digest unless a test lies. */
  sha512?: string;
}

/** A release server: latest-linux.yml and the .deb it names, counting every request. */
class ReleaseServer {
  readonly requests: string[] = [];
  release: Release | null = null;
  #server: Server | null = null;
  port = 0;

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      this.requests.push(req.url ?? '');
      const r = this.release;
      const file = r ? `Dropline_${r.version}_amd64.deb` : '';
      if (r && req.url?.startsWith('/latest-linux.yml')) {
        const sha512 = r.sha512 ?? createHash('sha512').update(r.bytes).digest('base64');
        res.setHeader('Content-Type', 'text/yaml');
        res.end(
          stringify({
            version: r.version,
            files: [{ url: file, sha512, size: r.bytes.length }],
            path: file,
            sha512,
            releaseDate: '2026-01-05T12:00:00.000Z',
          }),
        );
      } else if (r && req.url === `/${file}`) {
        res.setHeader('Content-Length', String(r.bytes.length));
        res.end(r.bytes);
      } else {
        res.statusCode = 404;
        res.end('not found');
      }
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.#server = server;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

function setUp(dir: string, server: ReleaseServer) {
  const app = new TestAppAdapter(dir, `http://127.0.0.1:${server.port}/`);
  const updater = new DebUpdater(null, app);
  // As electron-builder's own tests do: Node's HTTP instead of Electron's net, Linux files, no blockmaps.
  const internals = updater as unknown as {
    httpExecutor: unknown;
    _testOnlyOptions: { platform: 'linux'; isUseDifferentialDownload: boolean };
  };
  internals.httpExecutor = new NodeDownloadExecutor();
  internals._testOnlyOptions = { platform: 'linux', isUseDifferentialDownload: false };
  const clock = new FakeClock();
  const sink = memorySink();
  const log = createLogger(sink, 'info');
  const notices: Notice[] = [];
  let busy = false;
  const service = new UpdateService({
    source: { kind: 'updater', updater: updater as unknown as UpdaterLike },
    currentVersion: app.version,
    clock,
    log,
    events: new EventHub(),
    notices: {
      post: (input) => {
        const n = { ...input, id: String(notices.length), read: false, at: '' } as Notice;
        notices.push(n);
        return n;
      },
    },
    autoCheck: () => true,
    busy: () => busy,
  });
  const pending = () => {
    const cache = join(app.baseCachePath, 'dropline-updater', 'pending');
    return existsSync(cache) ? readdirSync(cache).filter((f) => f.endsWith('.deb')) : [];
  };
  return {
    app,
    updater,
    service,
    clock,
    lines: sink.lines,
    notices,
    pending,
    setBusy: (b: boolean) => (busy = b),
  };
}

describe('self-update through electron-updater, offline', () => {
  const server = new ReleaseServer();
  const dirs: ReturnType<typeof tempDir>[] = [];
  const fresh = () => {
    const d = tempDir('dropline-updater-');
    dirs.push(d);
    return d.path;
  };
  beforeAll(() => server.start());
  afterEach(() => {
    server.requests.length = 0;
  });
  afterAll(async () => {
    await server.stop();
    for (const d of dirs) d.remove();
  });

  test('no newer version: nothing is downloaded and nothing is said', async () => {
    server.release = { version: '1.0.0', bytes: randomBytes(1000) };
    const t = setUp(fresh(), server);
    t.service.start();
    await t.clock.advance(0);
    await waitFor(() => t.service.status().checkedAt !== null);
    assert.equal(t.service.status().state, 'idle');
    assert.deepEqual(t.notices, []);
    assert.deepEqual(t.pending(), []);
    assert.ok(server.requests.some((r) => r.startsWith('/latest-linux.yml')));
    assert.ok(!server.requests.some((r) => r.endsWith('.deb')));
    t.service.stop();
  });

  test('a newer version: downloaded in the background, sha512 verified, the ready notice posted', async () => {
    const bytes = randomBytes(300 * 1024);
    server.release = { version: '1.1.0', bytes };
    const t = setUp(fresh(), server);
    t.service.start();
    await t.clock.advance(0);
    await waitFor(
      () => t.service.status().state === 'ready' || t.service.status().state === 'error',
    );
    assert.equal(t.service.status().state, 'ready', t.service.status().message ?? '');
    assert.equal(t.service.status().version, '1.1.0');
    assert.deepEqual(t.pending(), ['Dropline_1.1.0_amd64.deb']);
    assert.equal(t.notices.length, 1);
    assert.equal(t.notices[0]?.title, 'Update ready: restart to install');
    assert.equal(t.notices[0]?.kind, 'update_ready');
    assert.equal(t.notices[0]?.action, 'install_update');

    // Never by itself while an upload runs: "when uploads finish" waits.
    t.setBusy(true);
    const quitAndInstall: boolean[] = [];
    (t.updater as unknown as { quitAndInstall: () => void }).quitAndInstall = () =>
      void quitAndInstall.push(true);
    assert.equal(t.service.install('when_idle').installWhenIdle, true);
    assert.deepEqual(quitAndInstall, []);
    t.service.install('now');
    assert.deepEqual(quitAndInstall, [true], 'the user chose now');
    t.service.stop();
  });

  test('a wrong sha512: the download is refused, with a message, and nothing is ready', async () => {
    server.release = {
      version: '1.2.0',
      bytes: randomBytes(200 * 1024),
      sha512: createHash('sha512').update('something else').digest('base64'),
    };
    const t = setUp(fresh(), server);
    t.service.start();
    await t.clock.advance(0);
    await waitFor(
      () => t.service.status().state === 'error' || t.service.status().state === 'ready',
    );
    const status = t.service.status();
    assert.equal(status.state, 'error');
    assert.match(status.message ?? '', /did not match its published sha512 checksum/);
    assert.deepEqual(t.notices, []);
    assert.deepEqual(t.pending(), [], 'no update waits to be installed');
    assert.equal(t.lines.filter((l) => l.includes('update failed: checksum')).length, 1);
    t.service.stop();
  });

  test('the server down: one quiet log line, then a retry later that succeeds', async () => {
    server.release = { version: '1.3.0', bytes: randomBytes(100 * 1024) };
    const t = setUp(fresh(), server);
    await server.stop();
    t.service.start();
    await t.clock.advance(0);
    await waitFor(() => t.service.status().message !== null);
    const offline = t.lines.filter((l) => l.includes('update server unreachable'));
    assert.equal(offline.length, 1);
    assert.equal(JSON.parse(offline[0]!).level, 'info', 'quiet: info, not an error');
    assert.equal(t.lines.length, 1, `only that line: ${t.lines.join('')}`);
    assert.equal(t.service.status().state, 'idle', 'an automatic check stays quiet');
    assert.deepEqual(t.notices, []);

    await server.start();
    await t.clock.advance(RETRY_AFTER_FAILURE_MS - 1000);
    assert.equal(server.requests.length, 0, 'not before the retry time');
    await t.clock.advance(1000);
    await waitFor(() => t.service.status().state === 'ready');
    assert.equal(t.notices.length, 1);
    assert.ok(RETRY_AFTER_FAILURE_MS < CHECK_EVERY_MS);
    t.service.stop();
  });

  test('checks every 6 hours', async () => {
    server.release = { version: '1.0.0', bytes: randomBytes(10) };
    const t = setUp(fresh(), server);
    t.service.start();
    await t.clock.advance(0);
    await waitFor(() => t.service.status().checkedAt !== null);
    const checks = () => server.requests.filter((r) => r.startsWith('/latest-linux.yml')).length;
    assert.equal(checks(), 1);
    await t.clock.advance(CHECK_EVERY_MS - 1);
    assert.equal(checks(), 1);
    await t.clock.advance(1);
    await waitFor(() => checks() === 2);
    t.service.stop();
  });
});

/** The updater does real HTTP and file work: wait for its outcome (bounded), never a fixed sleep. */
async function waitFor(ok: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the updater');
    await new Promise((r) => setTimeout(r, 10));
  }
}
