/** Test helper: a CliIo that records what a command prints, in a fresh working folder. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from './command.ts';

export function recordingIo(stdin = '', env: Record<string, string> = {}, cwd = mkdtempSync(join(tmpdir(), 'gk-cmd-'))) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readStdin: async () => stdin,
    env: { LOG_LEVEL: 'silent', ...env },
    cwd,
  };
  return { io, out, err, cwd, json: () => JSON.parse(out.join('\n')) as unknown };
}
