import { parseArgs } from 'node:util';
import { MAX_WAITING_SIGN_INS } from '../../../../src-shared/api/channels.ts';
import type { ConnectOutcome } from '../../../../src-shared/domain/channel.ts';
import { CliError, ExitCode, usageError } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { withEngine } from '../engine-session.ts';
import { openInBrowser } from './serve.ts';

export const connectCommand: Command = {
  name: 'connect',
  usage: 'dropline connect [--no-browser] [--login-hint EMAIL_OR_CHANNEL]',
  summary: 'Connect a YouTube channel: Google sign-in in your browser (PKCE, loopback)',
  async run(ctx) {
    let values;
    try {
      ({ values } = parseArgs({
        args: ctx.args,
        options: { 'no-browser': { type: 'boolean' }, 'login-hint': { type: 'string' } },
      }));
    } catch (error) {
      throw usageError((error as Error).message);
    }
    const browser = !values['no-browser'];
    return withEngine(ctx, async (engine) => {
      const info = await engine.api.invoke('app.info', {});
      const started = await engine.api.invoke('channels.connect', {
        openBrowser: browser,
        loginHint: values['login-hint'],
      });
      if (started.alreadyWaiting)
        ctx.io.err(
          `A sign-in is already waiting: ${started.alreadyWaiting.authorizationUrl}\nFinish that one or this new one; Dropline keeps the newest ${MAX_WAITING_SIGN_INS} and ends older ones.`,
        );
      ctx.io.out(
        ctx.json
          ? JSON.stringify({ authorizationUrl: started.authorizationUrl })
          : `Open this URL to connect a channel: ${started.authorizationUrl}`,
      );
      // The desktop app opens the browser itself; a headless engine runs on this machine, so we do.
      if (browser && info.mode === 'headless') openInBrowser(started.authorizationUrl);
      const stopped = ctx.stopSignal.then(() => 'stopped' as const);
      const result = await Promise.race([
        engine.api.invoke('channels.connectResult', { flowId: started.flowId }),
        stopped,
      ]);
      if (result === 'stopped') {
        await engine.api.invoke('channels.cancelConnect', { flowId: started.flowId });
        throw new CliError(ExitCode.failed, 'Sign-in cancelled.');
      }
      return report(ctx, result);
    });
  },
};

function report(ctx: Parameters<Command['run']>[0], outcome: ConnectOutcome): number {
  if (outcome.status === 'failed') throw new CliError(ExitCode.failed, outcome.error.message);
  const { channel, reconnected } = outcome;
  if (ctx.json)
    ctx.io.out(
      JSON.stringify({
        id: channel.id,
        title: channel.title,
        status: channel.status,
        accessTokenExpiresAt: channel.accessTokenExpiresAt,
        handle: channel.handle,
        reconnected,
      }),
    );
  else
    ctx.io.out(
      `${reconnected ? 'Reconnected' : 'Connected'} "${channel.title}"${channel.handle ? ` ${channel.handle}` : ''} (${channel.id}).`,
    );
  return ExitCode.ok;
}
