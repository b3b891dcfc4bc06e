import { appVersion } from '../../core/version.ts';
import { escapeTerminal, quoted } from '../../../src-shared/text/quote.ts';
import { CliError, ExitCode, usageError } from './cli-error.ts';
import type { CliIo, Command } from './command.ts';
import { cookiesCommand } from './commands/cookies.ts';
import { downloadCommand } from './commands/download.ts';
import { serveCommand } from './commands/serve.ts';
import { statusCommand } from './commands/status.ts';
import { channelsCommand } from './commands/channels.ts';
import { clientCommand } from './commands/client.ts';
import { connectCommand } from './commands/connect.ts';
import { disconnectCommand } from './commands/disconnect.ts';
import { jobActionCommands } from './commands/job-actions.ts';
import { queueCommand } from './commands/queue.ts';
import { uploadCommand } from './commands/upload.ts';
import { vaultCommand } from './commands/vault.ts';
import { watchCommand } from './commands/watch.ts';
import { scheduleCommand } from './commands/schedule.ts';
import { presetsCommand } from './commands/presets.ts';
import { noticesCommand } from './commands/notices.ts';
import { uiCommand } from './commands/ui.ts';
import { settingsCommand } from './commands/settings.ts';
import { historyCommand } from './commands/history.ts';
import { setupCommand } from './commands/setup.ts';
import { tiktokCommand } from './commands/tiktok.ts';

export const commands: Command[] = [
  serveCommand,
  statusCommand,
  clientCommand,
  connectCommand,
  channelsCommand,
  disconnectCommand,
  uploadCommand,
  queueCommand,
  ...jobActionCommands,
  watchCommand,
  cookiesCommand,
  downloadCommand,
  vaultCommand,
  scheduleCommand,
  presetsCommand,
  noticesCommand,
  uiCommand,
  settingsCommand,
  historyCommand,
  setupCommand,
  tiktokCommand,
];

function helpText(): string {
  // Short usages line up with their summary; a long one (upload) puts it on the next line.
  const width = 44;
  const line = (c: Command) =>
    c.usage.length <= width
      ? `  ${c.usage.padEnd(width)}  ${c.summary}`
      : `  ${c.usage}\n  ${''.padEnd(width)}  ${c.summary}`;
  return [
    `Dropline ${appVersion()}: upload finished videos to your YouTube channels.`,
    '',
    'Usage: dropline <command> [options]',
    '',
    'Commands:',
    ...commands.map(line),
    '',
    'Options for every command:',
    '  --json           print one JSON document on stdout, nothing else',
    '  --data-dir DIR   use DIR for the database, logs and service.json (default: DROPLINE_DATA_DIR or the OS app-data folder)',
    '  --help           show this help',
    '',
    'Exit codes: 0 ok, 1 failed, 2 bad usage or input, 3 no engine running.',
  ].join('\n');
}

/** Pulls the options every command shares out of argv. */
function splitGlobalOptions(argv: string[]): {
  rest: string[];
  json: boolean;
  help: boolean;
  dataDir?: string;
} {
  const rest: string[] = [];
  let json = false;
  let help = false;
  let dataDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--json') json = true;
    else if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--data-dir') {
      dataDir = argv[++i];
      if (!dataDir) throw usageError('--data-dir needs a directory.');
    } else if (arg.startsWith('--data-dir=')) dataDir = arg.slice('--data-dir='.length);
    else rest.push(arg);
  }
  return { rest, json, help, dataDir };
}

export async function runCli(
  argv: string[],
  io: CliIo,
  env: Record<string, string | undefined>,
  stopSignal: Promise<string>,
): Promise<number> {
  let json = argv.includes('--json');
  try {
    const parsed = splitGlobalOptions(argv);
    json = parsed.json;
    const [name, ...args] = parsed.rest;
    if (name === undefined || name === 'help' || (parsed.help && name === undefined)) {
      io.out(helpText());
      return ExitCode.ok;
    }
    if (name === 'version' || name === '--version') {
      io.out(json ? JSON.stringify({ version: appVersion() }) : appVersion());
      return ExitCode.ok;
    }
    const command = commands.find((c) => c.name === name);
    if (!command)
      throw usageError(
        `Unknown command ${quoted(name, 60)}. Run \`dropline --help\` for the list.`,
      );
    if (parsed.help) {
      io.out(`Usage: ${command.usage}\n${command.summary}`);
      return ExitCode.ok;
    }
    return await command.run({ args, json, dataDir: parsed.dataDir, env, io, stopSignal });
  } catch (error) {
    const exitCode = error instanceof CliError ? error.exitCode : ExitCode.failed;
    const message = error instanceof Error ? error.message : String(error);
    if (json)
      io.out(
        JSON.stringify({
          error: { code: exitCode === ExitCode.usage ? 'usage' : 'failed', message },
        }),
      );
    io.err(escapeTerminal(message.split('\n')[0] ?? message));
    return exitCode;
  }
}
