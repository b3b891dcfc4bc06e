import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import type { TikTokAccount } from '../../../../src-shared/domain/tiktok.ts';
import { CliError, ExitCode, usageError } from '../cli-error.ts';
import type { Command, CommandContext } from '../command.ts';
import { withEngine } from '../engine-session.ts';
import { readSecret } from '../read-secret.ts';
import { openInBrowser } from './serve.ts';

const usage =
  'dropline tiktok app [--key KEY [--secret-file F]] [--audited|--unaudited] | tiktok connect [--no-browser] | tiktok accounts | tiktok check [ACCOUNT] | tiktok disconnect ACCOUNT';

function accountLine(a: TikTokAccount): string {
  const modes = a.privacyOptions.join(', ') || 'none';
  return `${a.id}  ${a.nickname} (@${a.username})  ${a.status}  may post: ${modes}${a.postingNote ? `\n    ${a.postingNote}` : ''}`;
}

function parse(args: string[], options: ParseArgsOptionsConfig) {
  try {
    return parseArgs({ args, options, allowPositionals: true });
  } catch (error) {
    throw usageError((error as Error).message);
  }
}

async function app(ctx: CommandContext, args: string[]): Promise<number> {
  const { values } = parse(args, {
    key: { type: 'string' },
    'secret-file': { type: 'string' },
    audited: { type: 'boolean' },
    unaudited: { type: 'boolean' },
  });
  if (values.audited && values.unaudited) throw usageError('--audited and --unaudited: give one.');
  return withEngine(ctx, async ({ api }) => {
    let view = await api.invoke('tiktok.app.get', {});
    if (values.key !== undefined || values.audited || values.unaudited) {
      const clientKey = (values.key as string | undefined) ?? view?.clientKey;
      if (!clientKey) throw usageError("--key: give the TikTok app's client key.");
      // A new key needs its secret: from --secret-file, piped stdin or a prompt, never an argument.
      const secret =
        values['secret-file'] !== undefined || values.key !== undefined
          ? await readSecret(
              {
                file: values['secret-file'] as string | undefined,
                flag: '--secret-file',
                noun: 'client secret',
              },
              'TikTok client secret',
            )
          : undefined;
      view = await api.invoke('tiktok.app.set', {
        clientKey,
        ...(secret !== undefined ? { clientSecret: secret } : {}),
        audited: values.audited ? true : values.unaudited ? false : (view?.audited ?? false),
      });
    }
    if (ctx.json) ctx.io.out(JSON.stringify(view));
    else if (!view)
      ctx.io.out('No TikTok app is set up: dropline tiktok app --key KEY --secret-file FILE');
    else
      ctx.io.out(
        `TikTok app ${view.clientKey}: ${view.audited ? 'audited (every privacy level the account offers)' : 'not audited (TikTok allows SELF_ONLY posts only until it audits the app)'}`,
      );
    return ExitCode.ok;
  });
}

export const tiktokCommand: Command = {
  name: 'tiktok',
  usage,
  summary: 'TikTok: your app, accounts (PKCE sign-in in your browser), their health',
  async run(ctx) {
    const [sub, ...rest] = ctx.args;
    if (sub === 'app') return app(ctx, rest);
    if (sub === 'accounts')
      return withEngine(ctx, async ({ api }) => {
        const accounts = await api.invoke('tiktok.accounts.list', {});
        ctx.io.out(
          ctx.json
            ? JSON.stringify(accounts)
            : accounts.map(accountLine).join('\n') || 'No TikTok account is connected.',
        );
        return ExitCode.ok;
      });
    if (sub === 'connect') {
      const { values } = parse(rest, { 'no-browser': { type: 'boolean' } });
      const browser = !values['no-browser'];
      return withEngine(ctx, async ({ api }) => {
        const info = await api.invoke('app.info', {});
        const started = await api.invoke('tiktok.connect', { openBrowser: browser });
        ctx.io.out(
          ctx.json
            ? JSON.stringify({ authorizationUrl: started.authorizationUrl })
            : `Open this URL to connect a TikTok account: ${started.authorizationUrl}`,
        );
        if (browser && info.mode === 'headless') openInBrowser(started.authorizationUrl);
        const account = await api.invoke('tiktok.connectResult', { flowId: started.flowId });
        ctx.io.out(ctx.json ? JSON.stringify(account) : `Connected ${accountLine(account)}`);
        return ExitCode.ok;
      });
    }
    if (sub === 'check' || sub === 'disconnect') {
      const { positionals } = parse(rest, {});
      const name = positionals[0]?.replace(/^tiktok:/, '');
      if (sub === 'disconnect' && !name)
        throw usageError('ACCOUNT: give the account (@username or open_id).');
      return withEngine(ctx, async ({ api }) => {
        const accounts = await api.invoke('tiktok.accounts.list', {});
        const target = name
          ? accounts.find((a) => a.openId === name || a.username === name.replace(/^@/, ''))
          : undefined;
        if (name && !target)
          throw new CliError(
            ExitCode.usage,
            `ACCOUNT: no TikTok account "${name}" is connected (dropline tiktok accounts).`,
          );
        if (sub === 'disconnect') {
          const gone = await api.invoke('tiktok.disconnect', { openId: target!.openId });
          ctx.io.out(
            ctx.json ? JSON.stringify(gone) : `Disconnected ${gone.nickname}; its history stays.`,
          );
          return ExitCode.ok;
        }
        const results = await api.invoke('tiktok.check', target ? { openId: target.openId } : {});
        ctx.io.out(
          ctx.json
            ? JSON.stringify(results)
            : results.map((r) => `tiktok:${r.openId}  ${r.status}  ${r.message}`).join('\n'),
        );
        return results.some((r) => r.status === 'needs_reconsent') ? ExitCode.failed : ExitCode.ok;
      });
    }
    throw usageError(`usage: ${usage}`);
  },
};
