/** Thin wrapper over node:util parseArgs that reports problems as UsageError (exit code 2). */
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './command.ts';

export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** The one path a command takes, resolved against the working directory; `missing` says what to give. */
export function onePath(positionals: string[], cwd: string, missing: string): string {
  if (positionals.length !== 1) throw new UsageError(missing);
  return resolve(cwd, positionals[0]!);
}
