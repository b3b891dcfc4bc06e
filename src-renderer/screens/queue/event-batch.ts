import type { Job, JobProgress } from '../../../src-shared/domain/job.ts';

export interface JobsSlice {
  jobs: Record<string, Job>;
  order: string[];
  progress: Record<string, JobProgress>;
}

/**
 * Applies job changes and progress samples in one state update. A job that
 * leaves `uploading` drops its live sample, so a resumed job never shows the
 * bytes of its previous run; a sample for a job no longer uploading is stale.
 */
export function applyBatch(state: JobsSlice, changed: Job[], samples: JobProgress[]): JobsSlice {
  const jobs = { ...state.jobs };
  const progress = { ...state.progress };
  const added: string[] = [];
  for (const job of changed) {
    // The batcher keeps one change per job, so a job is new here at most once.
    if (!(job.id in jobs)) added.push(job.id);
    jobs[job.id] = job;
    if (job.state !== 'uploading') delete progress[job.id];
  }
  for (const sample of samples)
    if (jobs[sample.id]?.state === 'uploading') progress[sample.id] = sample;
  return {
    jobs,
    order: added.length ? [...state.order, ...added] : state.order,
    progress,
  };
}

/** Collects events and hands them over together, at most once per frame (~16 ms). */
export function createEventBatcher(
  flush: (jobs: Job[], progress: JobProgress[]) => void,
  schedule: (fn: () => void) => void = (fn) => setTimeout(fn, 16),
) {
  let jobs = new Map<string, Job>();
  let progress = new Map<string, JobProgress>();
  let pending = false;
  const run = () => {
    pending = false;
    const j = [...jobs.values()];
    const p = [...progress.values()];
    jobs = new Map();
    progress = new Map();
    flush(j, p);
  };
  const arm = () => {
    if (pending) return;
    pending = true;
    schedule(run);
  };
  return {
    job(job: Job) {
      // Map order is first-insert order: a job re-set keeps its place, so new jobs stay in queue order.
      jobs.set(job.id, job);
      arm();
    },
    progress(sample: JobProgress) {
      progress.set(sample.id, sample);
      arm();
    },
  };
}
