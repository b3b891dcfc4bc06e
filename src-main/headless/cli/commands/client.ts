import { parseArgs } from 'node:util';
import {
  checkClientId,
  checkCredentials,
  INVALID_CLIENT,
  WEB_CLIENT,
  parseClientSecretFile,
} from '../../../auth/client-secret-file.ts';
import { isAppError } from '../../../../src-shared/api/errors.ts';
import { inputLimits } from '../../../../src-shared/domain/input-limits.ts';
import { FileRefusal, readRegularFileSync } from '../../../base/regular-file.ts';
import { ExitCode, usageError } from '../cli-error.ts';
import type { CommandContext, Command } from '../command.ts';
import { withEngine } from '../engine-session.ts';
import { readSecret } from '../read-secret.ts';

const USAGE =
  'dropline client set --file client_secret.json | --id ID [--secret-file FILE | --secret S]';

interface Values {
  file?: string;
  id?: string;
  secret?: string;
  'secret-file'?: string;
}

/** Checks the file here first, so a bad or oversized one is exit 2 even with no engine running. */
function readClientFile(file: string): { fileText: string } {
  let bytes: Buffer;
  try {
    bytes = readRegularFileSync(file, {
      what: 'client secret file',
      maxBytes: inputLimits.clientSecretBytes,
    });
  } catch (error) {
    if (error instanceof FileRefusal) throw usageError(`--file: ${error.message}`);
    throw error;
  }
  const text = bytes.toString('utf8');
  parseClientSecretFile(text, file);
  return { fileText: text };
}

/**
 * The secret from `--secret-file`, piped stdin, or a prompt that does not
 * echo: an argument shows in `ps` and shell history. `--secret` still works
 * (cli.md), with a warning.
 */
async function readClientSecret(ctx: CommandContext, values: Values): Promise<string> {
  if (values.secret !== undefined) {
    if (values['secret-file'] !== undefined)
      throw usageError('--secret: give either --secret or --secret-file, not both.');
    ctx.io.err(
      'Warning: --secret shows the client secret to every user of this machine (ps, shell history); use --secret-file FILE, or pipe it in.',
    );
    return values.secret;
  }
  return readSecret(
    { file: values['secret-file'], flag: '--secret-file', noun: 'client secret' },
    'Client secret',
  );
}

async function readInput(ctx: CommandContext, values: Values) {
  if (values.file !== undefined) {
    if (
      values.id !== undefined ||
      values.secret !== undefined ||
      values['secret-file'] !== undefined
    )
      throw usageError('--file: give either --file or --id with its secret, not both.');
    return readClientFile(values.file);
  }
  if (values.id === undefined) throw usageError(`--id: missing. Usage: ${USAGE}`);
  // The id first: a wrong one is refused before anyone types a secret.
  checkClientId(values.id, '--id');
  const secret = await readClientSecret(ctx, values);
  checkCredentials(values.id, secret, null, '--id');
  return { clientId: values.id, clientSecret: secret };
}

export const clientCommand: Command = {
  name: 'client',
  usage: USAGE,
  summary: 'Store your Google OAuth client (a "Desktop app" client_secret.json)',
  async run(ctx) {
    const [sub, ...rest] = ctx.args;
    if (sub !== 'set') throw usageError(`Unknown subcommand "${sub ?? ''}". Usage: ${USAGE}`);
    let parsed;
    try {
      parsed = parseArgs({
        args: rest,
        options: {
          file: { type: 'string' },
          id: { type: 'string' },
          secret: { type: 'string' },
          'secret-file': { type: 'string' },
        },
      });
    } catch (error) {
      throw usageError((error as Error).message);
    }
    let input;
    try {
      input = await readInput(ctx, parsed.values);
    } catch (error) {
      if (isAppError(error) && (error.code === INVALID_CLIENT || error.code === WEB_CLIENT))
        throw usageError(error.message);
      throw error;
    }
    const info = await withEngine(ctx, (engine) => engine.api.invoke('client.set', input));
    ctx.io.out(
      ctx.json
        ? JSON.stringify({ clientId: info.clientId, projectId: info.projectId })
        : `OAuth client set: ${info.clientId}${info.projectId ? ` (project ${info.projectId})` : ''}`,
    );
    return ExitCode.ok;
  },
};
