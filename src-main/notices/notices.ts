import { randomUUID } from 'node:crypto';
import type { Notice } from '../../src-shared/domain/notice.ts';
import type { EventHub } from '../rpc/event-hub.ts';
import type { Clock } from '../base/clock.ts';

/** Posts a notice to every window; the desktop shell also turns it into an OS notification. */
export class Notices {
  readonly #events: EventHub;
  readonly #clock: Clock;

  constructor(events: EventHub, clock: Clock) {
    this.#events = events;
    this.#clock = clock;
  }

  post(level: Notice['level'], title: string, message: string): Notice {
    const notice: Notice = {
      id: randomUUID(),
      level,
      title,
      message,
      at: new Date(this.#clock.now()).toISOString(),
    };
    this.#events.emit('app.noticed', notice);
    return notice;
  }
}
