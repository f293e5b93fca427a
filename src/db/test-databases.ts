/**
 * Test helper: run a suite on a real SQLite file and on a real PostgreSQL database.
 *
 * PostgreSQL comes from TEST_DATABASE_URL (an administrative URL; a fresh database is created
 * per suite and dropped afterwards). Outside CI, a missing TEST_DATABASE_URL skips the
 * PostgreSQL half loudly; under CI=true it fails instead, so CI can never pass on SQLite alone.
 */
import { after, before, describe } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Kysely } from 'kysely';
import { openDatabase, type DialectName } from './dialect.ts';
import { migrateToLatest } from './migrate.ts';
import type { Database } from './database.ts';

export interface TestDatabase {
  kind: DialectName;
  db: Kysely<Database>;
  url: string;
  close(): Promise<void>;
}

const inCi = process.env.CI === 'true' || process.env.CI === '1';
let warned = false;

export function postgresSkipReason(): string | false {
  if (process.env.TEST_DATABASE_URL) return false;
  if (inCi) return false; // openTestDatabase then fails with a clear message
  if (!warned) {
    warned = true;
    console.warn(
      '\n⚠️  SKIPPING PostgreSQL tests: TEST_DATABASE_URL is not set (run scripts/pg-cluster.sh and export it).\n',
    );
  }
  return 'PostgreSQL 未配置 (TEST_DATABASE_URL)：已跳过';
}

export async function openTestDatabase(kind: DialectName): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-test-'));
    const url = `sqlite:${join(dir, 'test.db')}`;
    const db = openDatabase(url);
    await migrateToLatest(db);
    return {
      kind,
      db,
      url,
      close: async () => {
        await db.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('CI=true but TEST_DATABASE_URL is not set: the PostgreSQL suite cannot run');
  const name = `gk_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  const db = openDatabase(url);
  await migrateToLatest(db);
  return {
    kind,
    db,
    url,
    close: async () => {
      await db.destroy();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * `describeOnBothDatabases('users repository', (t) => { it(..., async () => { t().db … }) })`
 * registers the suite twice, once per database, each with its own fresh migrated database.
 */
export function describeOnBothDatabases(name: string, body: (get: () => TestDatabase, kind: DialectName) => void): void {
  for (const kind of ['sqlite', 'postgres'] as const) describeOn(kind, name, (get) => body(get, kind));
}

/** The suite once, on its own fresh migrated PostgreSQL database (what only PostgreSQL has or does). */
export function describeOnPostgres(name: string, body: (get: () => TestDatabase) => void): void {
  describeOn('postgres', name, body);
}

function describeOn(kind: DialectName, name: string, body: (get: () => TestDatabase) => void): void {
  const skip = kind === 'postgres' ? postgresSkipReason() : false;
  describe(`${name} [${kind}]`, { skip }, () => {
    let t: TestDatabase | undefined;
    before(async () => {
      t = await openTestDatabase(kind);
    });
    body(() => {
      if (!t) throw new Error('test database not open');
      return t;
    });
    // Registered after the suite's own hooks, so it runs after them: the suite closes its app
    // (and its connections) before the database is dropped.
    after(async () => {
      await t?.close();
    });
  });
}
