import type { SlotView } from '../../src-shared/api/publishing.ts';
import type { ScheduleChoice } from '../../src-shared/publishing/preset.ts';
import {
  compileSchedule,
  nextFreeSlots,
  type CompiledSchedule,
  type ScheduleSpec,
} from '../../src-shared/publishing/schedule.ts';
import { holdsSlot } from '../../src-shared/publishing/slots.ts';
import type { JobRepository } from '../uploads/job-repository.ts';
import type { SlotPlanner } from '../uploads/upload-request.ts';
import type { ScheduleRepository } from './schedule-repository.ts';

/**
 * Slots are per channel: a time is taken on a channel when one of its jobs
 * holds it (see holdsSlot), whichever schedule gave it.
 */
export class ChannelSlots implements SlotPlanner {
  readonly #schedules: ScheduleRepository;
  readonly #jobs: JobRepository;

  constructor(schedules: ScheduleRepository, jobs: JobRepository) {
    this.#schedules = schedules;
    this.#jobs = jobs;
  }

  #compiled(channelId: string, choice: ScheduleChoice): CompiledSchedule | null {
    if (choice === 'channel') {
      const own = this.#schedules.get(channelId);
      return own ? compileSchedule(own, Date.parse(own.createdAt)) : null;
    }
    return compileSchedule(choice as ScheduleSpec, 0);
  }

  #taken(channelId: string) {
    return this.#jobs.slotted(channelId).filter(holdsSlot);
  }

  nextSlot(channelId: string, choice: ScheduleChoice, nowMs: number): number | null {
    const schedule = this.#compiled(channelId, choice);
    if (!schedule) return null;
    const taken = new Set(this.#taken(channelId).map((j) => j.slotMs as number));
    return nextFreeSlots(schedule, nowMs, taken, 1)[0] ?? null;
  }

  /** The next `count` slots of the channel's schedule, each with the job holding it, plus held times off the schedule. */
  upcoming(channelId: string, count: number, nowMs: number): SlotView[] {
    const schedule = this.#compiled(channelId, 'channel');
    const holders = new Map(
      this.#taken(channelId)
        .filter((j) => (j.slotMs as number) > nowMs)
        .map((j) => [j.slotMs as number, j]),
    );
    const slots = schedule ? schedule.slotsAfter(nowMs, count) : [];
    const last = slots[slots.length - 1] ?? Infinity;
    const onSchedule = new Set(slots);
    const times = [
      ...slots,
      ...[...holders.keys()].filter((at) => !onSchedule.has(at) && at <= last),
    ].sort((a, b) => a - b);
    return times.map((at) => {
      const job = holders.get(at) ?? null;
      return {
        at: new Date(at).toISOString(),
        jobId: job?.id ?? null,
        title: job?.title ?? null,
        file: job?.file ?? null,
        state: job?.state ?? null,
        offSchedule: !onSchedule.has(at),
      };
    });
  }
}
