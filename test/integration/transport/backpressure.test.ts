import assert from 'node:assert/strict';
import { once } from 'node:events';
import { afterEach, describe, test } from 'vitest';
import WebSocket from 'ws';
import { WS_PROTOCOL } from '../../../src-shared/api/wire.ts';
import type { Download } from '../../../src-shared/domain/cookie-file.ts';
import type { Core } from '../../../src-main/core/create-core.ts';
import { TOO_SLOW_CLOSE, type OutboxLimits } from '../../../src-main/transport/event-outbox.ts';
import { startHeadlessServer, type HeadlessServer } from '../../../src-main/transport/server.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { testCore } from '../../helpers/test-core.ts';

interface Received {
  event: string;
  payload: Record<string, unknown>;
}

const download = (id: string, state: Download['state'], percent: number | null): Download => ({
  id,
  url: `https://example.com/${id}`,
  label: null,
  outDir: '/tmp',
  state,
  percent,
  downloadedBytes: null,
  totalBytes: null,
  speedBytesPerSecond: null,
  etaSeconds: null,
  usedVersion: null,
  attempts: 1,
  file: null,
  error: null,
  createdAt: '2026-12-02T00:00:00.000Z',
  finishedAt: null,
});

/** A real client whose socket stops reading (paused) until `resume`. */
async function slowClient(server: HeadlessServer) {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/api`, [WS_PROTOCOL], {
    headers: { Authorization: `Bearer ${server.token}` },
  });
  await once(ws, 'open');
  ws.pause();
  const received: Received[] = [];
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as Received & { type: string };
    if (message.type === 'event') received.push(message);
  });
  return { ws, received };
}

// Several MB of state that a paused client cannot take: it fills the kernel's buffers, then ours.
function fillThePipe(core: Core): void {
  const order = Array.from({ length: 200_000 }, (_, i) => `job-${i}`);
  for (let i = 0; i < 3; i++) core.events.emit('jobs.reordered', { order });
}

describe('a slow WebSocket client', () => {
  const dir = tempDir();
  let core: Core | null = null;
  let server: HeadlessServer | null = null;
  const start = async (outbox: OutboxLimits) => {
    core = testCore(dir.path, {}, { startUploads: false });
    server = await startHeadlessServer(core, { port: 0, rendererDir: dir.path, outbox });
    return { core, server };
  };
  afterEach(async () => {
    await server?.close();
    await core?.close();
    server = null;
    core = null;
  });

  test('gets each job’s latest progress, coalesced, and every state change in order', async () => {
    const { core, server } = await start({ slowClientBytes: 64 * 1024 });
    const { ws, received } = await slowClient(server);
    fillThePipe(core);
    const jobs = 10;
    const rounds = 5_000;
    for (let round = 0; round < rounds; round++) {
      for (let j = 0; j < jobs; j++)
        core.events.emit('jobs.progressed', {
          id: `job-${j}`,
          channelId: 'UC1',
          bytesSent: round,
          bytesTotal: rounds,
          rate: 1,
          etaSeconds: null,
        });
      // A download's life: queued, running (progress), done; each state change must arrive.
      if (round % 500 === 0)
        core.events.emit('downloads.progressed', download(`d${round}`, 'queued', null));
      if (round % 500 === 1)
        core.events.emit('downloads.progressed', download(`d${round - 1}`, 'running', 1));
      if (round % 500 === 2)
        core.events.emit('downloads.progressed', download(`d${round - 2}`, 'running', 50));
      if (round % 500 === 3)
        core.events.emit('downloads.progressed', download(`d${round - 3}`, 'done', 100));
    }
    core.events.emit('notices.changed', { unread: 42 });
    const last = new Promise<void>((resolve) =>
      ws.on('message', (data) => {
        if (String(data).includes('"notices.changed"')) resolve();
      }),
    );
    ws.resume();
    await last;
    ws.close();

    const progress = received.filter((m) => m.event === 'jobs.progressed');
    assert.ok(
      progress.length < (jobs * rounds) / 10,
      `progress coalesced: ${progress.length} of ${jobs * rounds} delivered`,
    );
    for (let j = 0; j < jobs; j++) {
      const ofJob = progress.filter((m) => m.payload.id === `job-${j}`);
      assert.equal(ofJob.at(-1)?.payload.bytesSent, rounds - 1, `job-${j} ends at its latest`);
      const sent = ofJob.map((m) => m.payload.bytesSent as number);
      assert.deepEqual(
        sent,
        [...sent].sort((a, b) => a - b),
        'progress never goes back',
      );
    }
    assert.equal(received.filter((m) => m.event === 'jobs.reordered').length, 3);
    for (let round = 0; round < rounds; round += 500) {
      const states = received
        .filter((m) => m.event === 'downloads.progressed' && m.payload.id === `d${round}`)
        .map((m) => m.payload.state);
      assert.deepEqual(
        states.filter((s) => s !== 'running'),
        ['queued', 'done'],
        `d${round}: every state change`,
      );
      assert.ok(states.indexOf('done') > states.lastIndexOf('running'), 'no progress after done');
    }
  }, 60_000);

  test('a client that never reads is dropped (1013) once too many changes wait: memory stays bounded', async () => {
    const { core, server } = await start({ slowClientBytes: 64 * 1024, maxWaitingEvents: 100 });
    const { ws } = await slowClient(server);
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    fillThePipe(core);
    for (let i = 0; i < 1_000; i++) core.events.emit('notices.changed', { unread: i });
    ws.resume();
    assert.equal(await closed, TOO_SLOW_CLOSE);
  }, 60_000);
});
