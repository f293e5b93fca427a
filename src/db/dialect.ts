/**
 * Opens the one Kysely instance over SQLite (better-sqlite3, embedded default) or PostgreSQL (pg).
 * Settings measured on both: SQLite in WAL with foreign keys and a busy timeout; pg returns
 * int8/bigserial as JS numbers (our ids and counts stay far below 2^53) and numeric as text; the
 * pg driver itself loads on the first PostgreSQL connection (pg-module.ts).
 */
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, type Kysely as KyselyT } from 'kysely';
import type { Database } from './database.ts';
import { pgDriver } from './pg-module.ts';

export type DialectName = 'sqlite' | 'postgres';

export function openDatabase(databaseUrl: string, { poolSize = 10 }: { poolSize?: number } = {}): Kysely<Database> {
  if (databaseUrl.startsWith('sqlite:')) {
    const file = databaseUrl.slice('sqlite:'.length);
    if (file !== ':memory:') {
      // The data folder and the database hold personal data: owner only (0700/0600). SQLite
      // gives its -wal and -shm files the database file's mode.
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      if (!existsSync(file)) closeSync(openSync(file, 'wx', 0o600));
    }
    const sqlite = new BetterSqlite3(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  }
  // Two connections stay open however quiet the site: a new server process pays for its first
  // touch of every shared buffer it reads (the first count of a common term in 200,000 items took
  // 1 s instead of 0.1 s on a fresh connection, all pages in shared buffers), and the default pool
  // closed idle connections after 10 s. Idle connections do not keep a finished command alive.
  const pool = new (pgDriver().Pool)({ connectionString: databaseUrl, max: poolSize, min: Math.min(2, poolSize), idleTimeoutMillis: 300_000, allowExitOnIdle: true });
  // An idle connection the server closes (a restart, an administrator's terminate) is dropped
  // from the pool and the next query opens a new one; without a listener the pool's error
  // event would end the whole process.
  pool.on('error', (err) => console.warn(`PostgreSQL 空闲连接已断开，下次查询将重新连接：${err.message}`));
  pool.on('connect', (client) => {
    client.on('notice', keepIntakeNumber);
    // The pool listens only while a connection is idle in it. One the server ends while a caller
    // holds it between two statements (a transaction awaiting other work) would otherwise raise
    // an error nobody hears, and end the process; now its next statement fails, and the pool
    // drops it when it is released.
    client.on('error', (err) => console.warn(`PostgreSQL 连接在使用中断开：${err.message}`));
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  pools.set(db, pool);
  return db;
}

const pools = new WeakMap<object, pg.Pool>();

/**
 * Tracking numbers told by the commits that numbered an intake (migration 0016), by the case's
 * provisional marker, until its submission takes its own. A notice arrives before its COMMIT's
 * answer, so it is here when the commit returns. Bounded: one never taken (a process that failed
 * between commit and answer) is dropped with the oldest.
 */
const intakeNumbers = new Map<string, string>();
const INTAKE_NOTICE = /^gongkai-intake (#tracking-[0-9a-f]{24}#) (\S+)$/;

function keepIntakeNumber(notice: { message?: string }): void {
  const m = INTAKE_NOTICE.exec(notice.message ?? '');
  if (!m) return;
  if (intakeNumbers.size >= 1000) intakeNumbers.delete(intakeNumbers.keys().next().value!);
  intakeNumbers.set(m[1]!, m[2]!);
}

/** The tracking number the commit of the intake under `marker` gave, once (undefined if not told). */
export function takeIntakeNumber(marker: string): string | undefined {
  const tracking = intakeNumbers.get(marker);
  intakeNumbers.delete(marker);
  return tracking;
}

/** Connections of a PostgreSQL database's pool (for /metrics); null on SQLite. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function poolStats(db: KyselyT<any>): { total: number; idle: number; waiting: number } | null {
  const pool = pools.get(db);
  return pool ? { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount } : null;
}

/**
 * PostgreSQL: runs `work` on a second connection of `db`'s pool, beside a transaction that holds
 * one, in a read-only transaction of its own; undefined (nothing run) on SQLite or when the pool
 * has no connection idle right now. Never waits for one: a caller holding its connection while it
 * waits for another could, with every connection of the pool so held, wait forever; a connection
 * not handed over within SPARE_WAIT_MS goes back to the pool unused.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function onIdleConnection<T>(db: KyselyT<any>, work: (query: (text: string, parameters: readonly unknown[]) => Promise<unknown[]>) => Promise<T>): Promise<{ value: T } | undefined> {
  const pool = pools.get(db);
  if (!pool || pool.waitingCount > 0) return undefined;
  if (pool.idleCount === 0) {
    // Opened for the next caller: a new connection takes longer than most work done beside.
    if (pool.totalCount < (pool.options.max ?? 10)) pool.connect().then((c) => c.release(), () => undefined);
    return undefined;
  }
  const acquiring = pool.connect();
  let wake!: () => void;
  const waited = new Promise<undefined>((resolve) => { wake = () => resolve(undefined); });
  const timer = setTimeout(wake, SPARE_WAIT_MS);
  const client = await Promise.race([acquiring, waited]).catch(() => undefined);
  clearTimeout(timer);
  if (!client) {
    acquiring.then((c) => c.release(), () => undefined);
    return undefined;
  }
  let failed: Error | undefined;
  try {
    await client.query('begin read only');
    const value = await work(async (text, parameters) => (await client.query(text, parameters as unknown[])).rows);
    await client.query('commit');
    return { value };
  } catch (err) {
    failed = err as Error;
    throw err;
  } finally {
    // A connection that failed mid-transaction is closed rather than handed to the next caller.
    client.release(failed);
  }
}

const SPARE_WAIT_MS = 5;

/** Which database a Kysely instance talks to (migrations and a few queries differ). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function dialectOf(db: KyselyT<any>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
