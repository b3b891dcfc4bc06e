import { ExitCode, usageError } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { withEngine } from '../engine-session.ts';

export const disconnectCommand: Command = {
  name: 'disconnect',
  usage: 'dropline disconnect CHANNEL_ID',
  summary: 'Revoke a channel at Google and delete its tokens (keeps its history)',
  async run(ctx) {
    const [channelId, extra] = ctx.args;
    if (!channelId || channelId.startsWith('-'))
      throw usageError('CHANNEL_ID: missing. Usage: dropline disconnect CHANNEL_ID');
    if (extra !== undefined) throw usageError(`Unexpected argument "${extra}".`);
    const result = await withEngine(ctx, (engine) =>
      engine.api.invoke('channels.disconnect', { channelId }),
    );
    const { channel, revokedAtGoogle } = result;
    if (ctx.json)
      ctx.io.out(
        JSON.stringify({
          id: channel.id,
          title: channel.title,
          status: channel.status,
          revokedAtGoogle,
        }),
      );
    else
      ctx.io.out(
        revokedAtGoogle
          ? `Disconnected "${channel.title}": Google revoked its access and its tokens are deleted.`
          : `Disconnected "${channel.title}": its tokens are deleted, but Google could not be reached to revoke them; remove Dropline at https://myaccount.google.com/permissions.`,
      );
    return ExitCode.ok;
  },
};
