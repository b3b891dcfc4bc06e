import { ExitCode, usageError } from '../cli-error.ts';
import type { CommandContext } from '../command.ts';
import { withEngine } from '../engine-session.ts';

/** `dropline queue clear`: done jobs leave the queue; `dropline history` still lists them. */
export async function clearDone(ctx: CommandContext): Promise<number> {
  if (ctx.args.length > 1) throw usageError('queue clear takes no arguments.');
  const { cleared } = await withEngine(ctx, (e) => e.api.invoke('jobs.clearDone', {}));
  if (ctx.json) ctx.io.out(JSON.stringify({ cleared }));
  else
    ctx.io.out(
      cleared.length
        ? `Cleared ${cleared.length} done job${cleared.length === 1 ? '' : 's'}; \`dropline history\` keeps them.`
        : 'No done jobs to clear.',
    );
  return ExitCode.ok;
}
