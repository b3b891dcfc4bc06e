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
export async function recordHeldBytes(deps: RunnerDeps, jobId: string): Promise<void> {
  try {
    const job = deps.repo.get(jobId);
    if (!job || job.state !== 'paused' || job.sessionUri === null || job.videoId !== null) return;
    const sessionUri = job.sessionUri;
    const token = await deps.tokens.getAccessToken(job.channelId);
    const status = await deps.uploads.status({
      token,
      sessionUri,
      total: job.bytesTotal,
      signal: AbortSignal.timeout(statusTimeoutMs),
    });
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
    else if (status.nextByte !== now.bytesSent) deps.save(now, { bytesSent: status.nextByte });
  } catch (error) {
    deps.log.debug('could not ask a paused upload what YouTube holds', { jobId, error });
  }
}
