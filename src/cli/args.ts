/** Thin wrapper over node:util parseArgs that reports problems as UsageError (exit code 2). */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './command.ts';

export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}
