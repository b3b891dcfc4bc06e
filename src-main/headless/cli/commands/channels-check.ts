import { ExitCode, usageError } from '../cli-error.ts';
import type { CommandContext } from '../command.ts';
import { withEngine } from '../engine-session.ts';

/** `dropline channels check [CHANNEL_ID]`: one refresh per channel now; exit 1 if any needs reconsent. */
export async function channelsCheck(ctx: CommandContext): Promise<number> {
  if (ctx.args.length > 1) throw usageError('channels check takes at most one CHANNEL_ID.');
  const channelId = ctx.args[0];
  if (channelId !== undefined && channelId.startsWith('-'))
    throw usageError(`Unknown option "${channelId}" for channels check.`);
  const results = await withEngine(ctx, (engine) =>
    engine.api.invoke('channels.check', channelId === undefined ? {} : { channelId }),
  );
  const lost = results.some((r) => r.result === 'needs_reconsent');
  if (ctx.json) ctx.io.out(JSON.stringify(results));
  else {
    if (results.length === 0) ctx.io.out('No channels to check.');
    for (const r of results) ctx.io.out(`${r.id}  ${r.result.padEnd(15)} ${r.title}: ${r.message}`);
    if (lost) ctx.io.err('Reconnect the channels marked needs_reconsent: `dropline connect`.');
  }
  return lost ? ExitCode.failed : ExitCode.ok;
}
