export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export interface CommandContext {
  args: string[];
  json: boolean;
  dataDir: string | undefined;
  env: Record<string, string | undefined>;
  io: CliIo;
  /** Resolves when the user asks the process to stop (SIGINT/SIGTERM). */
  stopSignal: Promise<string>;
}

export interface Command {
  name: string;
  usage: string;
  summary: string;
  run(ctx: CommandContext): Promise<number>;
}
