/**
 * pg_dump and pg_restore: on PATH, else the newest /usr/lib/postgresql/N/bin (Debian's packages
 * install them there), as scripts/pg-cluster.sh finds the server; PG_BIN_DIR names another
 * folder. Null when absent: the backup then falls back to a logical export.
 */
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export function findPgTool(name: 'pg_dump' | 'pg_restore', env: Record<string, string | undefined>): string | null {
  const dirs = env.PG_BIN_DIR !== undefined ? [env.PG_BIN_DIR] : [
    ...(env.PATH ?? '').split(delimiter).filter(Boolean),
    ...(existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a)).map((v) => `/usr/lib/postgresql/${v}/bin`)
      : []),
  ];
  for (const d of dirs) if (d && existsSync(join(d, name))) return join(d, name);
  return null;
}

/** Runs a PostgreSQL tool; its stderr becomes the error's message. */
export async function runPgTool(tool: string, args: string[]): Promise<void> {
  try {
    await run(tool, args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (e) {
    const err = e as Error & { stderr?: string };
    throw new Error(`${tool.split('/').pop()} 失败：${(err.stderr || err.message).trim()}`);
  }
}
