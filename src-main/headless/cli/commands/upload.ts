import { basename, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isFinalJobState, type Job } from '../../../../src-shared/domain/job.ts';
import { mergeMetadata, type ScheduleChoice } from '../../../../src-shared/publishing/preset.ts';
import { describeInstant } from '../../../../src-shared/publishing/zoned-time.ts';
import { localTimeZone } from '../../../../src-shared/publishing/plain-date.ts';
import { captionFlags, explicitFields, publishAtFlag } from '../upload-publishing.ts';
import type { ExistingJob } from '../../../../src-shared/api/jobs.ts';
import { CliError, ExitCode, usageError } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { withEngine } from '../engine-session.ts';
import { cliJob, jobLine } from '../job-view.ts';
import { reportWaitProgress } from '../wait-progress.ts';
import { tiktokFlags, tiktokOptions } from '../tiktok-flags.ts';

const options = {
  channel: { type: 'string' },
  thumbnail: { type: 'string' },
  title: { type: 'string' },
  description: { type: 'string' },
  tags: { type: 'string' },
  privacy: { type: 'string' },
  'publish-at': { type: 'string' },
  playlist: { type: 'string' },
  category: { type: 'string' },
  'made-for-kids': { type: 'boolean' },
  synthetic: { type: 'boolean' },
  language: { type: 'string' },
  schedule: { type: 'boolean' },
  preset: { type: 'string' },
  caption: { type: 'string', multiple: true },
  wait: { type: 'boolean' },
  again: { type: 'boolean' },
  ...tiktokOptions,
} as const;

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Said on stderr when a (file, channel) already had a job: nothing new was queued for it. */
export function describeExisting(e: ExistingJob): string {
  const where =
    e.state === 'done'
      ? `is already uploaded to ${e.channelId}${e.url ? `: ${e.url}` : ''} (job ${e.jobId})`
      : `is already ${e.state === 'queued' ? 'queued' : `in the queue (${e.state})`} for ${e.channelId} (job ${e.jobId})`;
  const details = e.sameMetadata
    ? ''
    : ' The new title, description and other details were not applied to it.';
  return `${e.file} ${where}.${details} To upload it again as a new video, add --again.`;
}

export const uploadCommand: Command = {
  name: 'upload',
  usage:
    'dropline upload FILE... --channel ID[,ID...|tiktok:ACCOUNT] [--thumbnail IMG] [--title T] [--description D] [--tags a,b] [--privacy private|unlisted|public] [--publish-at WHEN | --schedule] [--preset NAME] [--caption FILE[:LANG]]... [--language LANG] [--playlist ID] [--category N] [--wait] [--again] [--tiktok-caption T] [--tiktok-privacy LEVEL] [--tiktok-no-comments|duets|stitches] [--tiktok-cover-ms N] [--tiktok-draft]',
  summary: 'Queue one upload per (file, channel); --wait returns when all are final',
  async run(ctx) {
    let parsed;
    try {
      parsed = parseArgs({ args: ctx.args, options, allowPositionals: true });
    } catch (error) {
      throw usageError((error as Error).message);
    }
    const { values, positionals } = parsed;
    if (positionals.length === 0) throw usageError('FILE: give at least one video file.');
    const channelIds = list(values.channel);
    if (channelIds.length === 0) throw usageError('--channel: give at least one channel id.');
    if (values.schedule && values['publish-at'] !== undefined)
      throw usageError('--schedule and --publish-at: give one (the schedule picks the time).');
    if (values.privacy !== undefined && !['private', 'unlisted', 'public'].includes(values.privacy))
      throw usageError(`--privacy: "${values.privacy}" is not private, unlisted or public.`);
    const publishAt =
      values['publish-at'] === undefined
        ? null
        : publishAtFlag(values['publish-at'], Date.now(), ctx.io.err);
    const captions = captionFlags(values.caption ?? []);
    const explicit = explicitFields(values, list);
    const tiktok = tiktokFlags(values);
    if (publishAt !== null) explicit.publishAt = publishAt;
    const jobIds: string[] = [];
    // The engine runs elsewhere (another working directory): paths go as this shell means them.
    const files = positionals.map((file) => resolve(file));
    const thumbnail = values.thumbnail === undefined ? null : resolve(values.thumbnail);
    return withEngine(ctx, async ({ api }) => {
      // A preset can differ per channel (its own before the global one): one request per channel then.
      const groups = values.preset === undefined ? [channelIds] : channelIds.map((c) => [c]);
      for (const file of files)
        for (const group of groups) {
          const preset = values.preset
            ? (
                await api.invoke('presets.get', {
                  name: values.preset,
                  channelId: group[0] ?? null,
                })
              ).fields
            : null;
          const schedule: ScheduleChoice | null = values.schedule
            ? 'channel'
            : publishAt === null
              ? (preset?.schedule ?? null)
              : null;
          const merged = mergeMetadata({
            base: { title: basename(file, extname(file)) },
            preset,
            explicit,
          });
          const metadata = tiktok ? { ...merged, tiktok } : merged;
          const out = await api.invoke('jobs.enqueue', {
            files: [file],
            channelIds: group,
            metadata,
            thumbnail,
            captions,
            schedule,
            again: values.again ?? false,
          });
          jobIds.push(...out.jobIds);
          for (const existing of out.existing) ctx.io.err(describeExisting(existing));
        }
      const mine = async (): Promise<Job[]> =>
        (await api.invoke('jobs.list', {})).filter((j) => jobIds.includes(j.id));
      let jobs = await mine();
      for (const job of jobs)
        if (job.slotAt)
          ctx.io.err(
            `${basename(job.file)} on ${job.channelId}: slot ${describeInstant(Date.parse(job.slotAt), localTimeZone())} = ${job.slotAt}`,
          );
      for (const job of jobs) for (const warning of job.warnings) ctx.io.err(`Warning: ${warning}`);
      const refused = jobs.filter(
        (j) => j.error?.code === 'invalid_metadata' || j.error?.code === 'invalid_file',
      );
      if (values.wait && refused.length === 0) {
        const stopReporting = reportWaitProgress(api, () => jobs, ctx.io.err);
        try {
          while (!jobs.every((j) => isFinalJobState(j.state))) {
            const stop = await Promise.race([
              ctx.stopSignal.then(() => true),
              new Promise<false>((r) => setTimeout(() => r(false), 1000)),
            ]);
            if (stop) throw new CliError(ExitCode.failed, 'Stopped waiting; the uploads go on.');
            jobs = await mine();
          }
        } finally {
          stopReporting();
        }
      }
      if (ctx.json) ctx.io.out(JSON.stringify({ jobs: jobs.map(cliJob) }));
      else for (const job of jobs) ctx.io.out(jobLine(job));
      if (refused.length) {
        ctx.io.err(refused[0]?.error?.message ?? 'refused');
        return ExitCode.usage;
      }
      if (values.wait && !jobs.every((j) => j.state === 'done')) return ExitCode.failed;
      return ExitCode.ok;
    });
  },
};
