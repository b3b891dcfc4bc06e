import { randomUUID } from 'node:crypto';
import type { Notice, NoticeInput } from '../../src-shared/domain/notice.ts';
import type { Clock } from '../base/clock.ts';
import type { EventHub } from '../rpc/event-hub.ts';

/** Posts a notice to every window; the desktop shell also turns it into an OS notification. */
export class Notices {
  readonly #events: EventHub;
  readonly #clock: Clock;

  constructor(events: EventHub, clock: Clock) {
    this.#events = events;
    this.#clock = clock;
  }

  post(input: NoticeInput): Notice {
    const notice: Notice = {
      id: randomUUID(),
      kind: input.kind ?? 'general',
      level: input.level,
      title: input.title,
      message: input.message,
      channelId: input.channelId ?? null,
      jobId: input.jobId ?? null,
      at: new Date(this.#clock.now()).toISOString(),
    };
    this.#events.emit('app.noticed', notice);
    return notice;
  }
}
