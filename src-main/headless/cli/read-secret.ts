import { readFileSync } from 'node:fs';
import { usageError } from './cli-error.ts';

/**
 * Where a command reads a secret from. Never from the command line itself:
 * arguments show up in `ps` and shell history.
 */
export interface SecretSource {
  /** `--passphrase-file FILE`: a service's secret file (systemd credentials, Docker secrets). */
  file?: string;
  /** The flag that named `file`, for messages (default `--passphrase-file`). */
  flag?: string;
  /** What is read, for messages (default `passphrase`). */
  noun?: string;
}

/** The first line of a file or of piped stdin, without its line ending. */
function firstLine(text: string): string {
  return text.split(/\r?\n/)[0] ?? '';
}

function nonEmpty(secret: string, from: string, noun: string): string {
  if (secret === '') throw usageError(`${from} holds no ${noun} (its first line is empty).`);
  return secret;
}

async function readPiped(stdin: NodeJS.ReadStream): Promise<string> {
  let text = '';
  for await (const chunk of stdin) text += String(chunk);
  return firstLine(text);
}

/** Asks on the terminal without echoing what is typed. */
function prompt(stdin: NodeJS.ReadStream, stderr: NodeJS.WriteStream, question: string) {
  return new Promise<string>((resolve, reject) => {
    stderr.write(question);
    let typed = '';
    stdin.setRawMode(true);
    stdin.resume();
    const done = (result: Error | string) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      stderr.write('\n');
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const onData = (data: Buffer) => {
      for (const char of data.toString('utf8')) {
        if (char === '\r' || char === '\n') return done(typed);
        if (char === '\u0003') return done(usageError('Cancelled.'));
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else if (char >= ' ') typed += char;
      }
    };
    stdin.on('data', onData);
  });
}

/**
 * The secret from `--passphrase-file`, else piped stdin, else a prompt on the
 * terminal (twice when `confirm`, so a typo does not lock the user out).
 */
export async function readSecret(
  source: SecretSource,
  what: string,
  opts: { confirm?: boolean } = {},
): Promise<string> {
  const flag = source.flag ?? '--passphrase-file';
  const noun = source.noun ?? 'passphrase';
  if (source.file !== undefined) {
    let text: string;
    try {
      text = readFileSync(source.file, 'utf8');
    } catch (error) {
      throw usageError(
        `${flag}: cannot read ${source.file} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
      );
    }
    return nonEmpty(firstLine(text), `${flag} ${source.file}`, noun);
  }
  const stdin = process.stdin;
  if (!stdin.isTTY) return nonEmpty(await readPiped(stdin), 'Standard input', noun);
  const first = nonEmpty(await prompt(stdin, process.stderr, `${what}: `), 'What was typed', noun);
  if (!opts.confirm) return first;
  const again = await prompt(stdin, process.stderr, `${what} again: `);
  if (again !== first) throw usageError(`The two ${noun}s differ; nothing was changed.`);
  return first;
}
