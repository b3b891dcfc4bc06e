import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { EngineAlreadyRunningError } from '../../../engine-process/engine-lock.ts';
import { startEngine } from '../../serve.ts';
import { CliError, ExitCode, usageError } from '../cli-error.ts';
import type { Command } from '../command.ts';

export function openInBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(cmd as string, args as string[], { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No browser on this machine (a home server): the printed URL is enough.
  }
}

export const serveCommand: Command = {
  name: 'serve',
  usage: 'dropline serve [--port N] [--no-open]',
  summary: 'Start the engine, web UI and local API on 127.0.0.1',
  async run(ctx) {
    const { values } = parseArgs({
      args: ctx.args,
      options: { port: { type: 'string' }, 'no-open': { type: 'boolean' } },
    });
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw usageError(`--port: "${values.port}" is not a port number (0-65535).`);
    let engine;
    try {
      engine = await startEngine({ env: ctx.env, dataDir: ctx.dataDir, port });
    } catch (error) {
      if (error instanceof EngineAlreadyRunningError)
        throw new CliError(ExitCode.failed, error.message);
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
        throw new CliError(ExitCode.failed, `Port ${port} is in use; choose another with --port.`);
      throw error;
    }
    if (ctx.json)
      ctx.io.out(
        JSON.stringify({
          url: engine.server.url,
          openUrl: engine.openUrl,
          pid: process.pid,
          dataDir: engine.core.config.dataDir,
        }),
      );
    else
      ctx.io.out(
        `Dropline is running at ${engine.openUrl}\nData: ${engine.core.config.dataDir}\nPress Ctrl+C to stop.`,
      );
    if (!values['no-open']) openInBrowser(engine.openUrl);
    const signal = await ctx.stopSignal;
    engine.core.log.info('stopping on signal', { signal });
    await engine.stop();
    if (!ctx.json) ctx.io.err('Dropline stopped.');
    return ExitCode.ok;
  },
};
