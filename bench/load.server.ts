/**
 * The server under test of bench/load.bench.ts, in its own process (as in production, the load
 * generator must not share the server's event loop): the demo dataset on the database named by
 * DATABASE_URL, behind a trusted proxy on loopback (TRUST_PROXY=127.0.0.1), so that each simulated
 * applicant has its own X-Forwarded-For address and the public form's per-address limit applies
 * to each as it would in production. Prints one JSON line: the port and the clerk's credentials.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/config.ts';
import { openDatabase } from '../src/db/dialect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { systemClock } from '../src/shared/clock.ts';
import { seedDemo } from '../src/demo/demo.seed.ts';
import { createServer } from '../src/http/server.ts';
import { useAuditKey } from '../src/auth/audit.chain.ts';
import { countStatements } from './statement-count.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-load-bench-'));
const config = loadConfig({ DATABASE_URL: process.env.DATABASE_URL, GONGKAI_DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'silent', TRUST_PROXY: '127.0.0.1' }, dir);
const db = openDatabase(config.databaseUrl, { poolSize: config.databasePoolSize });
await migrateToLatest(db);
const deps = { config, db, clock: systemClock };
useAuditKey(config.auditKey);
const credentials = (await seedDemo({ deps })) ?? [];
const app = await createServer(deps, { logger: false });
await app.pageCacheSharing?.ready;
// --statements: SIGUSR2 prints the statements counted so far (one JSON line).
if (process.env.LOAD_COUNT_STATEMENTS) {
  const counted = countStatements(app.server);
  process.on('SIGUSR2', () => console.log(JSON.stringify({ statements: counted() })));
}
await app.listen({ port: 0, host: '127.0.0.1' });
const { username, password } = credentials.find((c) => c.username === 'gkb')!;
const clerk = { username, password };
console.log(JSON.stringify({ port: (app.server.address() as { port: number }).port, clerk }));
process.on('SIGTERM', () => {
  void app.close().then(() => db.destroy()).then(() => process.exit(0));
});
