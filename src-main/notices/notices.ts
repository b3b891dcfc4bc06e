import { randomUUID } from 'node:crypto';
import { MAX_STORED_NOTICES, type NoticeList } from '../../src-shared/api/notices.ts';
import type { Notice, NoticeInput } from '../../src-shared/domain/notice.ts';
import type { Clock } from '../base/clock.ts';
import type { Db } from '../db/database.ts';
import type { EventHub } from '../rpc/event-hub.ts';
import { NoticeRepository } from './notice-repository.ts';

/**
 * The notification centre. Every notice is stored (read or unread) before it
 * is announced, so one posted while no window is open is still in the bell
 * later; the desktop shell also turns `app.noticed` into an OS notification.
 */
export class Notices {
  readonly #events: EventHub;
  readonly #clock: Clock;
  readonly #repo: NoticeRepository;

  constructor(db: Db, events: EventHub, clock: Clock, keep = MAX_STORED_NOTICES) {
    this.#events = events;
    this.#clock = clock;
    this.#repo = new NoticeRepository(db, keep);
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
      action: input.action ?? null,
      read: false,
      at: new Date(this.#clock.now()).toISOString(),
    };
    this.#repo.insert(notice);
    this.#events.emit('app.noticed', notice);
    this.#changed();
    return notice;
  }

  list(opts: { unreadOnly?: boolean; limit?: number } = {}): NoticeList {
    return {
      notices: this.#repo.list({ unreadOnly: opts.unreadOnly ?? false, limit: opts.limit ?? 100 }),
      unread: this.#repo.unreadCount(),
    };
  }

  get(id: string): Notice | null {
    return this.#repo.get(id);
  }

  markRead(ids: readonly string[] | 'all'): { unread: number } {
    const changed = this.#repo.markRead(ids, new Date(this.#clock.now()).toISOString());
    if (changed > 0) this.#changed();
    return { unread: this.#repo.unreadCount() };
  }

  #changed(): void {
    this.#events.emit('notices.changed', { unread: this.#repo.unreadCount() });
  }
}
