import { AppError } from '../../src-shared/api/errors.ts';
import type { Schedule, SlotView } from '../../src-shared/api/publishing.ts';
import type { Job } from '../../src-shared/domain/job.ts';
import {
  compileSchedule,
  describeScheduleProblems,
  scheduleProblems,
  type ScheduleSpec,
} from '../../src-shared/publishing/schedule.ts';
import type { Clock } from '../base/clock.ts';
import type { EventHub } from '../rpc/event-hub.ts';
import type { ScheduleRepository } from './schedule-repository.ts';
import type { ChannelSlots } from './slot-planner.ts';

/** What the schedule service needs of the upload engine. */
export interface JobRescheduler {
  reschedule(jobId: string, slotMs: number): Job;
}

/** Channel schedules: set, show, clear, and moving a job between slots. */
export class ScheduleService {
  readonly #repo: ScheduleRepository;
  readonly #slots: ChannelSlots;
  readonly #jobs: JobRescheduler;
  readonly #clock: Clock;
  readonly #events: EventHub;

  constructor(deps: {
    repo: ScheduleRepository;
    slots: ChannelSlots;
    jobs: JobRescheduler;
    clock: Clock;
    events: EventHub;
  }) {
    this.#repo = deps.repo;
    this.#slots = deps.slots;
    this.#jobs = deps.jobs;
    this.#clock = deps.clock;
    this.#events = deps.events;
  }

  list(): Schedule[] {
    return this.#repo.list();
  }

  get(channelId: string): Schedule | null {
    return this.#repo.get(channelId);
  }

  set(channelId: string, spec: ScheduleSpec): Schedule {
    const problems = scheduleProblems(spec);
    if (problems.length) throw new AppError('invalid_input', describeScheduleProblems(problems));
    const now = this.#clock.now();
    if (compileSchedule(spec, now).slotsAfter(now, 1).length === 0)
      throw new AppError(
        'invalid_input',
        'rrule: this rule has no slot after now; check COUNT, UNTIL, the start date and the exceptions.',
      );
    const saved = this.#repo.save(channelId, spec, new Date(now).toISOString());
    this.#events.emit('schedules.changed', { channelId });
    return saved;
  }

  clear(channelId: string): { removed: boolean } {
    const removed = this.#repo.remove(channelId);
    if (removed) this.#events.emit('schedules.changed', { channelId });
    return { removed };
  }

  slots(channelId: string, count: number): SlotView[] {
    return this.#slots.upcoming(channelId, count, this.#clock.now());
  }

  move(jobId: string, at: string): Job {
    const ms = Date.parse(at);
    if (Number.isNaN(ms))
      throw new AppError('invalid_input', `at: "${at}" is not an ISO 8601 time.`);
    const job = this.#jobs.reschedule(jobId, ms);
    this.#events.emit('schedules.changed', { channelId: job.channelId });
    return job;
  }
}
