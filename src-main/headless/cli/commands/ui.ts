import { resolveDataDir } from '../../../core/config.ts';
import { readServiceFile } from '../../../engine-process/service-file.ts';
import { usageError, ExitCode } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { withEngine } from '../engine-session.ts';

/**
 * A new link to the running engine's web UI. A link's key works once, for one
 * browser: a second browser, or one whose session expired, needs a new link.
 */
export const uiCommand: Command = {
  name: 'ui',
  usage: 'dropline ui',
  summary: "Print a new one-time link to the running engine's web UI",
  async run(ctx) {
    if (ctx.args.length > 0)
      throw usageError(`dropline ui takes no arguments, got "${ctx.args[0]}".`);
    const link = await withEngine(ctx, (engine) => engine.api.invoke('ui.newLink', {}));
    // withEngine has read service.json already: the engine is there.
    const service = readServiceFile(resolveDataDir({ flag: ctx.dataDir, env: ctx.env }));
    const url = `${service?.url ?? ''}/#token=${link.key}`;
    if (ctx.json) ctx.io.out(JSON.stringify({ url, expiresAt: link.expiresAt }));
    else
      ctx.io.out(
        `Open this link in the browser to use Dropline (it works once, until ${link.expiresAt}):\n${url}`,
      );
    return ExitCode.ok;
  },
};
