import type { WebSocket } from 'ws';
import type { EventName } from '../../src-shared/api/contract.ts';

/** How far a client may fall behind before its events wait here instead of in the socket. */
export const SLOW_CLIENT_BYTES = 512 * 1024;

/**
 * Events that may wait for a slow client. Past this the client is too far
 * behind to catch up event by event: the socket closes (1013, try again) and
 * the UI reconnects and reloads what it shows. Memory per client stays bounded.
 */
export const MAX_WAITING_EVENTS = 2_000;

/** Close code for a client dropped for reading too slowly (RFC 6455 "try again later"). */
export const TOO_SLOW_CLOSE = 1013;

export interface OutboxLimits {
  slowClientBytes?: number;
  maxWaitingEvents?: number;
}

interface Waiting {
  data: string;
  /** Set while a newer progress of the same subject may replace this one. */
  coalesceKey: string | null;
}

/**
 * Progress is replaceable: only its latest value matters. A download's
 * progress is replaceable only while it runs; its other states are changes.
 */
function progressKey(event: EventName, payload: unknown): string | null {
  const p = payload as { id?: string; state?: string };
  if (event === 'jobs.progressed') return `job:${p.id}`;
  if (event === 'downloads.progressed' && p.state === 'running') return `download:${p.id}`;
  return null;
}

/** The subject a state change is about: progress queued before it must not jump after it. */
function subjectOf(event: EventName, payload: unknown): string | null {
  const p = payload as { id?: string };
  if (event === 'jobs.changed') return `job:${p.id}`;
  if (event === 'downloads.progressed') return `download:${p.id}`;
  return null;
}

/**
 * One socket's outgoing messages. While the client keeps up they go straight
 * to the socket. When its `bufferedAmount` passes the limit they wait here,
 * in order, where a job's newer progress replaces its older one still
 * waiting; state changes are never dropped. Each completed write drains the
 * queue again, so a client that resumes reading gets the latest progress.
 */
export class EventOutbox {
  readonly #socket: WebSocket;
  readonly #slowBytes: number;
  readonly #maxWaiting: number;
  readonly #waiting: Waiting[] = [];
  // The waiting entry a newer progress of the same subject replaces.
  readonly #latest = new Map<string, Waiting>();
  #head = 0;

  constructor(socket: WebSocket, limits: OutboxLimits = {}) {
    this.#socket = socket;
    this.#slowBytes = limits.slowClientBytes ?? SLOW_CLIENT_BYTES;
    this.#maxWaiting = limits.maxWaitingEvents ?? MAX_WAITING_EVENTS;
  }

  /** Events waiting for the client (not yet handed to the socket). */
  get waitingCount(): number {
    return this.#waiting.length - this.#head;
  }

  /** A call's answer: never dropped, and kept in order with the events around it. */
  pushResult(data: string): void {
    this.#enqueue(data, null, null);
  }

  pushEvent(event: EventName, payload: unknown, data: string): void {
    const key = progressKey(event, payload);
    this.#enqueue(data, key, key ?? subjectOf(event, payload));
  }

  #enqueue(data: string, key: string | null, subject: string | null): void {
    if (this.#socket.readyState !== this.#socket.OPEN) return;
    if (this.waitingCount === 0 && this.#socket.bufferedAmount <= this.#slowBytes) {
      this.#write(data);
      return;
    }
    const older = key ? this.#latest.get(key) : undefined;
    if (older) {
      older.data = data;
      return;
    }
    if (subject) this.#latest.delete(subject);
    if (this.waitingCount >= this.#maxWaiting) {
      this.#dropClient();
      return;
    }
    const entry: Waiting = { data, coalesceKey: key };
    this.#waiting.push(entry);
    if (key) this.#latest.set(key, entry);
  }

  #write(data: string): void {
    this.#socket.send(data, () => this.#drain());
  }

  #drain(): void {
    while (
      this.waitingCount > 0 &&
      this.#socket.readyState === this.#socket.OPEN &&
      this.#socket.bufferedAmount <= this.#slowBytes
    ) {
      const entry = this.#waiting[this.#head++]!;
      if (entry.coalesceKey && this.#latest.get(entry.coalesceKey) === entry)
        this.#latest.delete(entry.coalesceKey);
      this.#write(entry.data);
    }
    if (this.#head > 1024 && this.#head * 2 > this.#waiting.length) {
      this.#waiting.splice(0, this.#head);
      this.#head = 0;
    }
  }

  #dropClient(): void {
    this.#waiting.length = 0;
    this.#head = 0;
    this.#latest.clear();
    this.#socket.close(TOO_SLOW_CLOSE, 'Dropline: the client read events too slowly; reconnect');
  }
}
