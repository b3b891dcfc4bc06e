import type { Clock } from '../base/clock.ts';
import type { Db } from '../db/database.ts';
import type { Notices } from '../notices/notices.ts';
import type { EventHub } from '../rpc/event-hub.ts';
import { JobRepository } from '../uploads/job-repository.ts';
import type { PostStepSource } from '../uploads/post-step.ts';
import { CaptionsClient } from '../youtube/captions-client.ts';
import type { GoogleEndpoints } from '../auth/google-endpoints.ts';
import type { Http } from '../youtube/google-http.ts';
import { captionSteps } from './caption-steps.ts';
import { PresetRepository } from './preset-repository.ts';
import { PresetService } from './preset-service.ts';
import { ScheduleRepository } from './schedule-repository.ts';
import { ScheduleService, type JobRescheduler } from './schedule-service.ts';
import { ChannelSlots } from './slot-planner.ts';

export interface Publishing {
  slots: ChannelSlots;
  presets: PresetService;
  captionSteps: PostStepSource;
  /** Needs the upload engine, which needs the slots: built in a second step. */
  schedules(jobs: JobRescheduler): ScheduleService;
}

/** Schedules, presets and the caption step, for the composition root. */
export function createPublishing(deps: {
  db: Db;
  clock: Clock;
  events: EventHub;
  notices: Notices;
  http: Http;
  endpoints: GoogleEndpoints;
}): Publishing {
  const scheduleRepo = new ScheduleRepository(deps.db);
  const slots = new ChannelSlots(scheduleRepo, new JobRepository(deps.db));
  return {
    slots,
    presets: new PresetService({
      repo: new PresetRepository(deps.db),
      clock: deps.clock,
      events: deps.events,
    }),
    captionSteps: captionSteps({
      client: new CaptionsClient(deps.http, deps.endpoints),
      notices: deps.notices,
    }),
    schedules: (jobs) =>
      new ScheduleService({
        repo: scheduleRepo,
        slots,
        jobs,
        clock: deps.clock,
        events: deps.events,
      }),
  };
}
