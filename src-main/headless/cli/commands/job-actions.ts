import { AppError } from '../../../../src-shared/api/errors.ts';
import { CliError, ExitCode, usageError } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { withEngine } from '../engine-session.ts';
import { cliJob, jobLine } from '../job-view.ts';

type Action = 'pause' | 'resume' | 'cancel' | 'retry';

const summaries: Record<Action, string> = {
  pause: 'Pause a job; an upload keeps the bytes already sent',
  resume: 'Resume a paused job where it stopped',
  cancel: 'Cancel a job',
  retry: 'Try a failed or cancelled job again (a step after the upload never re-uploads the video)',
};

function actionCommand(action: Action): Command {
  return {
    name: action,
    usage: `dropline ${action} JOB_ID`,
    summary: summaries[action],
    async run(ctx) {
      const [id, ...extra] = ctx.args;
      if (!id || extra.length) throw usageError(`JOB_ID: give exactly one job id.`);
      return withEngine(ctx, async ({ api }) => {
        try {
          const job = await api.invoke(`jobs.${action}`, { id });
          ctx.io.out(ctx.json ? JSON.stringify(cliJob(job)) : jobLine(job));
          return ExitCode.ok;
        } catch (error) {
          if (error instanceof AppError && error.code === 'not_found')
            throw usageError(`JOB_ID: ${error.message}`);
          if (error instanceof AppError) throw new CliError(ExitCode.failed, error.message);
          throw error;
        }
      });
    },
  };
}

export const jobActionCommands: Command[] = (['pause', 'resume', 'cancel', 'retry'] as const).map(
  actionCommand,
);
