/** Exit codes of cli.md: 1 failed, 2 bad usage or input, 3 no engine running. */
export const ExitCode = { ok: 0, failed: 1, usage: 2, noEngine: 3 } as const;

export class CliError extends Error {
  readonly exitCode: number;
  constructor(exitCode: number, message: string) {
    super(message);
    this.exitCode = exitCode;
  }
}

export const usageError = (message: string): CliError => new CliError(ExitCode.usage, message);
