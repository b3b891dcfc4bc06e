import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  checkCredentials,
  INVALID_CLIENT,
  parseClientSecretFile,
} from '../../../auth/client-secret-file.ts';
import { isAppError } from '../../../../src-shared/api/errors.ts';
import { ExitCode, usageError } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { withEngine } from '../engine-session.ts';

const USAGE = 'dropline client set --file client_secret.json | --id ID --secret S';

/** Checks the input here first, so a bad file is exit 2 even with no engine running. */
function readInput(values: { file?: string; id?: string; secret?: string }) {
  if (values.file !== undefined) {
    if (values.id !== undefined || values.secret !== undefined)
      throw usageError('--file: give either --file or --id and --secret, not both.');
    let text: string;
    try {
      text = readFileSync(values.file, 'utf8');
    } catch (error) {
      throw usageError(
        `--file: cannot read ${values.file} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
      );
    }
    parseClientSecretFile(text, values.file);
    return { fileText: text };
  }
  if (values.id === undefined) throw usageError(`--id: missing. Usage: ${USAGE}`);
  if (values.secret === undefined) throw usageError(`--secret: missing. Usage: ${USAGE}`);
  checkCredentials(values.id, values.secret, null, 'client');
  return { clientId: values.id, clientSecret: values.secret };
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
        options: { file: { type: 'string' }, id: { type: 'string' }, secret: { type: 'string' } },
      });
    } catch (error) {
      throw usageError((error as Error).message);
    }
    let input;
    try {
      input = readInput(parsed.values);
    } catch (error) {
      if (isAppError(error) && error.code === INVALID_CLIENT) throw usageError(error.message);
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
