/** Builds the usecase dependencies for a CLI command from the configuration. */
import { loadConfig } from '../config/config.ts';
import { useAuditKey } from '../auth/audit.chain.ts';
import { usePasswordCost } from '../auth/password.hash.ts';
import { openDatabase } from '../db/dialect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { systemClock } from '../shared/clock.ts';
import type { AppDeps } from '../shared/deps.ts';
import type { CliIo } from './command.ts';

export async function openDeps(io: CliIo, { migrate = true } = {}): Promise<AppDeps & { close(): Promise<void> }> {
  const config = loadConfig(io.env, io.cwd);
  useAuditKey(config.auditKey); // every audit row a command writes is keyed like the server's
  usePasswordCost(config.passwordScrypt);
  const db = openDatabase(config.databaseUrl, { poolSize: config.databasePoolSize });
  if (migrate) await migrateToLatest(db);
  return { config, db, clock: systemClock, close: () => db.destroy() };
}
