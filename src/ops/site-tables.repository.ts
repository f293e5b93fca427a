/**
 * What a site's database holds, read from the database's own catalogue (SQLite pragmas,
 * PostgreSQL's pg_catalog) so that a table a feature adds is backed up and exported without
 * being listed here: tables, their columns and primary keys, the tables they reference, and row
 * counts. Both dialects answer in the same shape.
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../db/dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export interface TableInfo {
  name: string;
  /** Columns as stored (generated columns left out), sorted by name. */
  columns: string[];
  primaryKey: string[];
  /** Other tables this one references. */
  references: string[];
  /** Columns referencing this same table (a tree such as organizations.parent_id). */
  selfReferences: string[];
}

/**
 * Kysely's own bookkeeping (the archive records the migrations separately) and the running
 * servers' heartbeats (state of processes, not of the site): not a site's data.
 */
const BOOKKEEPING = new Set(['kysely_migration', 'kysely_migration_lock', 'server_presence']);

/**
 * SQLite's index of the characters of item titles (migration 0244): derived from the items by
 * triggers, as FTS5's shadow tables are, and absent on PostgreSQL (a GIN index there).
 */
const SQLITE_DERIVED = new Set(['publishing_items_title_chars', 'publishing_title_positions']);

async function sqliteTables(db: AnyDb): Promise<TableInfo[]> {
  const names = (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and sql not like 'CREATE VIRTUAL TABLE%' order by name`.execute(db)).rows
    .map((r) => r.name);
  const virtuals = (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and sql like 'CREATE VIRTUAL TABLE%'`.execute(db)).rows.map((r) => r.name);
  const out: TableInfo[] = [];
  for (const name of names) {
    // FTS5 keeps its index in shadow tables named after the virtual table: derived, not data.
    if (virtuals.some((v) => name.startsWith(`${v}_`)) || SQLITE_DERIVED.has(name)) continue;
    const cols = (await sql<{ name: string; pk: number }>`select name, pk from pragma_table_info(${name})`.execute(db)).rows;
    const fks = (await sql<{ table: string; from: string }>`select "table", "from" from pragma_foreign_key_list(${name})`.execute(db)).rows;
    out.push(info(name, cols.map((c) => c.name), cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name), fks.map((f) => ({ table: f.table, column: f.from }))));
  }
  return out;
}

async function postgresTables(db: AnyDb): Promise<TableInfo[]> {
  // A partitioned table's partitions hold its rows: the table is listed, they are not.
  const names = (await sql<{ name: string }>`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition order by 1`.execute(db)).rows.map((r) => r.name);
  const out: TableInfo[] = [];
  for (const name of names) {
    const cols = (await sql<{ name: string }>`select column_name as name from information_schema.columns
      where table_schema = current_schema() and table_name = ${name} and is_generated = 'NEVER' order by ordinal_position`.execute(db)).rows;
    const pk = (await sql<{ name: string }>`select a.attname as name from pg_index i
      join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
      where i.indrelid = ${name}::regclass and i.indisprimary order by array_position(i.indkey::int2[], a.attnum)`.execute(db)).rows;
    const fks = (await sql<{ table: string; column: string }>`select cf.relname as table, a.attname as column from pg_constraint k
      join pg_class cf on cf.oid = k.confrelid
      join pg_attribute a on a.attrelid = k.conrelid and a.attnum = any(k.conkey)
      where k.contype = 'f' and k.conrelid = ${name}::regclass`.execute(db)).rows;
    out.push(info(name, cols.map((c) => c.name), pk.map((c) => c.name), fks));
  }
  return out;
}

function info(name: string, columns: string[], primaryKey: string[], fks: Array<{ table: string; column: string }>): TableInfo {
  return {
    name,
    columns: [...columns].sort(),
    primaryKey,
    references: [...new Set(fks.filter((f) => f.table !== name).map((f) => f.table))].sort(),
    selfReferences: fks.filter((f) => f.table === name).map((f) => f.column),
  };
}

/** Every table of the site (Kysely's bookkeeping and SQLite's full-text shadow tables left out). */
export async function listTables(db: AnyDb): Promise<TableInfo[]> {
  const all = dialectOf(db) === 'postgres' ? await postgresTables(db) : await sqliteTables(db);
  return all.filter((t) => !BOOKKEEPING.has(t.name));
}

export async function rowCounts(db: AnyDb, tables: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) {
    const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(t)}`.execute(db);
    out[t] = Number(r.rows[0]!.n);
  }
  return out;
}

/** Migrations applied to this database, by name. */
export async function appliedMigrations(db: AnyDb): Promise<string[]> {
  const r = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return r.rows.map((m) => m.name);
}

/** The audit chain's head (row count and last hash), as `gongkai audit verify` walks it. */
export async function auditHead(db: AnyDb): Promise<{ count: number; lastId: number; hash: string | null }> {
  const n = await sql<{ n: number | string }>`select count(*) as n from audit_log`.execute(db);
  const last = await sql<{ id: number; hash: string }>`select id, hash from audit_log order by id desc limit 1`.execute(db);
  return { count: Number(n.rows[0]!.n), lastId: Number(last.rows[0]?.id ?? 0), hash: last.rows[0]?.hash ?? null };
}
