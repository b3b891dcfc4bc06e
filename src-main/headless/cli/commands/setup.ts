import { setupSteps } from '../../../../src-shared/domain/google-setup.ts';
import { ExitCode, usageError } from '../cli-error.ts';
import type { Command } from '../command.ts';

/** `dropline setup`: the Google Cloud steps, each with the console page to open. */
export const setupCommand: Command = {
  name: 'setup',
  usage: 'dropline setup',
  summary: 'The steps to create the Google Cloud project and its Desktop-app OAuth client',
  async run(ctx) {
    if (ctx.args.length) throw usageError(`Unexpected argument "${ctx.args[0]}" for setup.`);
    if (ctx.json) {
      ctx.io.out(JSON.stringify({ steps: setupSteps }));
      return ExitCode.ok;
    }
    ctx.io.out('Set up Google once (about 10 minutes), then connect your channels:');
    for (const step of setupSteps) {
      ctx.io.out('');
      ctx.io.out(`${step.n}. ${step.title}`);
      ctx.io.out(`   ${step.detail}`);
      ctx.io.out(`   Open: ${step.url}`);
    }
    ctx.io.out('');
    ctx.io.out('Then: `dropline client set --file client_secret.json` and `dropline connect`.');
    return ExitCode.ok;
  },
};
