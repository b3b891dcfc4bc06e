import { runCli } from './main.ts';

/** Process glue: real stdio, real env, real signals. */
export async function main(): Promise<void> {
  const stopSignal = new Promise<string>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const)
      process.once(signal, () => resolve(signal));
  });
  const code = await runCli(
    process.argv.slice(2),
    {
      out: (text) => process.stdout.write(`${text}\n`),
      err: (text) => process.stderr.write(`${text}\n`),
    },
    process.env,
    stopSignal,
  );
  process.exitCode = code;
  // Stdio may still be flushing; exit once it is, without waiting on stray handles.
  process.stdout.write('', () => process.exit(code));
}
