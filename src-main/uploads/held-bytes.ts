import type { RunnerDeps } from './runner-deps.ts';

/** How long a paused job waits for YouTube's answer about what it holds. */
const statusTimeoutMs = 30_000;

/**
 * After a pause the job shows the bytes of the last chunk YouTube confirmed,
 * which with large chunks can be far behind what it holds. Ask the session
 * once (the status query of google-facts.md, costs no quota) and record its
 * answer, so a paused job shows where it will resume. Best effort: a failure
 * changes nothing, and the next run asks again anyway.
 */
export async function recordHeldBytes(
  deps: RunnerDeps,
  jobId: string,
  /** Aborted when the engine stops: nothing is written after that. */
  engineStop: AbortSignal,
): Promise<void> {
  try {
    const job = deps.repo.get(jobId);
    if (!job || job.state !== 'paused' || job.sessionUri === null || job.videoId !== null) return;
    const sessionUri = job.sessionUri;
    const token = await deps.tokens.getAccessToken(job.channelId);
    const status = await deps.uploads.status({
      token,
      sessionUri: deps.repo.sessionUriOf(job),
      total: job.bytesTotal,
      signal: AbortSignal.any([AbortSignal.timeout(statusTimeoutMs), engineStop]),
    });
    if (engineStop.aborted) return;
    const now = deps.repo.get(jobId);
    // Resumed, cancelled or restarted meanwhile: that run has its own answer.
    if (!now || now.state !== 'paused' || now.sessionUri !== sessionUri) return;
    if (status.kind === 'complete')
      // The last bytes arrived as the pause came: the video exists; resuming goes on after it.
      deps.save(now, {
        videoId: status.videoId,
        bytesSent: now.bytesTotal,
        completedAt: new Date(deps.clock.now()).toISOString(),
      });
    // Only forward: a late answer from an earlier pause must not undo a newer one.
    else if (status.nextByte > now.bytesSent) deps.save(now, { bytesSent: status.nextByte });
  } catch (error) {
    deps.log.debug('could not ask a paused upload what YouTube holds', { jobId, error });
  }
}

/** The status queries after pauses still under way: stop() cuts them short and waits for them. */
export class HeldBytesChecks {
  readonly #deps: RunnerDeps;
  readonly #pending = new Set<Promise<void>>();
  #stop = new AbortController();

  constructor(deps: RunnerDeps) {
    this.#deps = deps;
  }

  /** Asks once `runDone` settles (the paused run has let go of the session). */
  after(runDone: Promise<void>, jobId: string): void {
    const stop = this.#stop.signal;
    const check = runDone.then(() => recordHeldBytes(this.#deps, jobId, stop));
    this.#pending.add(check);
    void check.finally(() => this.#pending.delete(check));
  }

  async stop(): Promise<void> {
    this.#stop.abort(new Error('engine stopping'));
    await Promise.all(this.#pending);
    this.#stop = new AbortController();
  }
}
