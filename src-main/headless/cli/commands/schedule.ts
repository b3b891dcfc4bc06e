import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { localTimeZone } from '../../../../src-shared/publishing/plain-date.ts';
import { describeInstant } from '../../../../src-shared/publishing/zoned-time.ts';
import { CliError, ExitCode, usageError } from '../cli-error.ts';
import type { Command, CommandContext } from '../command.ts';
import { withEngine } from '../engine-session.ts';

function parse<O extends ParseArgsOptionsConfig>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError((error as Error).message);
  }
}

function oneChannel(positionals: string[]): string {
  const [channelId, extra] = positionals;
  if (!channelId || extra !== undefined)
    throw usageError('CHANNEL_ID: give exactly one channel id.');
  return channelId;
}

async function set(ctx: CommandContext, args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    rrule: { type: 'string' },
    tz: { type: 'string' },
    start: { type: 'string' },
    except: { type: 'string', multiple: true },
  });
  const channelId = oneChannel(positionals);
  if (!values.rrule)
    throw usageError(
      "--rrule: give the rule, e.g. 'FREQ=WEEKLY;BYDAY=TU,TH;BYHOUR=15;BYMINUTE=0'.",
    );
  const tz = values.tz ?? localTimeZone();
  return withEngine(ctx, async ({ api }) => {
    const saved = await api.invoke('schedules.set', {
      channelId,
      rrule: values.rrule as string,
      tz,
      start: values.start ?? null,
      exceptions: (values.except ?? []).flatMap((e) =>
        e
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    });
    if (ctx.json) ctx.io.out(JSON.stringify(saved));
    else {
      ctx.io.out(`Schedule of ${channelId}: ${saved.rrule} in ${saved.tz}`);
      const [next] = await api.invoke('schedules.slots', { channelId, count: 1 });
      if (next) ctx.io.out(`Next slot: ${describeInstant(Date.parse(next.at), saved.tz)}`);
    }
    return ExitCode.ok;
  });
}

async function show(ctx: CommandContext, args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { next: { type: 'string' } });
  const channelId = oneChannel(positionals);
  const count = values.next === undefined ? 10 : Number(values.next);
  if (!Number.isInteger(count) || count < 1 || count > 500)
    throw usageError(`--next: "${values.next}" is not a whole number from 1 to 500.`);
  return withEngine(ctx, async ({ api }) => {
    const schedule = await api.invoke('schedules.get', { channelId });
    if (!schedule)
      throw new CliError(
        ExitCode.failed,
        `Channel ${channelId} has no publishing schedule; set one with \`dropline schedule set ${channelId} --rrule ... --tz ...\`.`,
      );
    const slots = await api.invoke('schedules.slots', { channelId, count });
    if (ctx.json) {
      ctx.io.out(JSON.stringify(slots.map((s) => ({ at: s.at, jobId: s.jobId }))));
      return ExitCode.ok;
    }
    const mine = localTimeZone();
    ctx.io.out(`${schedule.rrule} in ${schedule.tz}`);
    for (const s of slots) {
      const at = Date.parse(s.at);
      const there = describeInstant(at, schedule.tz);
      const here = mine === schedule.tz ? '' : `  (${describeInstant(at, mine)})`;
      const who = s.jobId ? `${s.title} [${s.state}] ${s.jobId}` : 'free';
      ctx.io.out(`${there}${here}  ${who}${s.offSchedule ? '  (off the schedule)' : ''}`);
    }
    return ExitCode.ok;
  });
}

async function clear(ctx: CommandContext, args: string[]): Promise<number> {
  const channelId = oneChannel(parse(args, {}).positionals);
  return withEngine(ctx, async ({ api }) => {
    const result = await api.invoke('schedules.clear', { channelId });
    if (ctx.json) ctx.io.out(JSON.stringify(result));
    else
      ctx.io.out(
        result.removed ? `Removed the schedule of ${channelId}.` : `${channelId} had no schedule.`,
      );
    return ExitCode.ok;
  });
}

export const scheduleCommand: Command = {
  name: 'schedule',
  usage:
    "dropline schedule set CHANNEL_ID --rrule 'FREQ=WEEKLY;BYDAY=TU,TH;BYHOUR=15;BYMINUTE=0' [--tz ZONE] [--start DATE] [--except DATE]... | schedule show CHANNEL_ID [--next N] | schedule clear CHANNEL_ID",
  summary: "A channel's publishing slots: new videos with --schedule take the next free one",
  async run(ctx) {
    const [sub, ...rest] = ctx.args;
    switch (sub) {
      case 'set':
        return set(ctx, rest);
      case 'show':
        return show(ctx, rest);
      case 'clear':
        return clear(ctx, rest);
      default:
        throw usageError(
          `schedule: expected set, show or clear${sub ? `, not "${sub}"` : ''}. Run \`dropline schedule --help\`.`,
        );
    }
  },
};
