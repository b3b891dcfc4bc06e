import { resolveDataDir } from '../../../core/config.ts';
import { runningEnginePid } from '../../../engine-process/engine-lock.ts';
import { ExitCode, usageError } from '../cli-error.ts';
import { clearDone } from './queue-clear.ts';
import type { Command } from '../command.ts';
import { withEngine } from '../engine-session.ts';
import { cliJob, jobLine } from '../job-view.ts';
import { readJobs } from './status.ts';

export const queueCommand: Command = {
  name: 'queue',
  usage: 'dropline queue [clear]',
  summary: 'List every job with its state and bytes; `clear` clears done jobs (history keeps them)',
  async run(ctx) {
    if (ctx.args[0] === 'clear') return clearDone(ctx);
    if (ctx.args.length) throw usageError(`Unknown argument "${ctx.args[0]}" for queue.`);
    const dataDir = resolveDataDir({ flag: ctx.dataDir, env: ctx.env });
    // No engine: the database still tells the truth about every job.
    if (runningEnginePid(dataDir) === null) {
      const rows = readJobs(dataDir);
      if (ctx.json) ctx.io.out(JSON.stringify(rows));
      else if (rows.length === 0) ctx.io.out('No jobs.');
      else
        for (const r of rows)
          ctx.io.out(`${r.id}  ${r.state.padEnd(10)} ${r.channelId}  ${r.file}`);
      return ExitCode.ok;
    }
    return withEngine(ctx, async ({ api }) => {
      const jobs = await api.invoke('jobs.list', {});
      if (ctx.json) ctx.io.out(JSON.stringify(jobs.map(cliJob)));
      else if (jobs.length === 0) ctx.io.out('No jobs.');
      else for (const job of jobs) ctx.io.out(jobLine(job));
      return ExitCode.ok;
    });
  },
};
