import { afterEach, expect, test, vi } from 'vitest';
import * as wireModule from '../../src-shared/api/wire.ts';
import { wsTransport, type Wire } from '../../src-renderer/api/ws-transport.ts';

// The headless transport loads the wire module (the message schemas, zod) only when its caller
// says so: no socket opens before it, and every message received is still parsed with it.

class FakeSocket {
  static readonly OPEN = 1;
  static made: FakeSocket[] = [];
  readyState = 0;
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((message: { data: string }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  readonly protocols: string[];
  constructor(_url: string, protocols: string[]) {
    this.protocols = protocols;
    FakeSocket.made.push(this);
  }
  send(text: string): void {
    this.sent.push(text);
  }
  open(): void {
    this.readyState = FakeSocket.OPEN;
    this.onopen?.();
  }
  receive(message: unknown): void {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
}

// A macrotask: every promise the transport chained (the session check, the wire) has settled.
const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.unstubAllGlobals();
  FakeSocket.made = [];
});

test('the socket waits for the wire module, and messages that fail its schemas are dropped', async () => {
  vi.stubGlobal('WebSocket', FakeSocket);
  vi.stubGlobal('fetch', async () => ({ ok: true }));
  let release!: () => void;
  const wireLoaded = new Promise<Wire>((resolve) => (release = () => resolve(wireModule)));
  const location = {
    hash: '',
    pathname: '/',
    search: '',
    protocol: 'http:',
    host: '127.0.0.1:1',
  } as Location;
  const transport = wsTransport(
    location,
    { replaceState() {} } as unknown as History,
    () => wireLoaded,
  );

  await flush();
  expect(FakeSocket.made.length, 'no socket before the wire module is in').toBe(0);
  release();
  await flush();
  expect(FakeSocket.made.length).toBe(1);
  const socket = FakeSocket.made[0]!;
  expect(socket.protocols).toEqual([wireModule.WS_PROTOCOL]);
  socket.open();

  const events: unknown[] = [];
  transport.subscribe((event, payload) => events.push([event, payload]));
  let settled: unknown = null;
  void transport.call('jobs.list', {}).then((result) => (settled = result));
  expect(JSON.parse(socket.sent[0]!).id).toBe(1);

  // An error without a code, an event without a name: neither is what the engine sends.
  socket.receive({
    type: 'result',
    id: 1,
    result: { ok: false, error: { code: '', message: 'x', retryable: false } },
  });
  socket.receive({ type: 'event', event: 5, payload: null });
  await flush();
  expect(settled, 'a malformed result does not settle the call').toBe(null);
  expect(events).toEqual([]);

  socket.receive({ type: 'event', event: 'jobs.changed', payload: { n: 1 } });
  socket.receive({ type: 'result', id: 1, result: { ok: true, output: [] } });
  await flush();
  expect(events).toEqual([['jobs.changed', { n: 1 }]]);
  expect(settled).toEqual({ ok: true, output: [] });
});
