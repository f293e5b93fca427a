/**
 * One CLI command per file under ./commands. Exit codes: 0 success, 1 findings or failure,
 * 2 usage error. Commands call the same usecases as the HTTP API.
 */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The whole standard input as text. */
  readStdin(): Promise<string>;
  env: Record<string, string | undefined>;
  cwd: string;
}

export interface Command {
  /** e.g. `migrate`, or two words such as `user add`. */
  name: string;
  summary: string;
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export class UsageError extends Error {}
