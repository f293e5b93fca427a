/**
 * Loading many rows at once (benchmarks, a province's first import): a table's secondary
 * indexes are dropped before the load and built again afterwards, from their own definitions.
 * Building a GIN index once from sorted entries is many times cheaper than inserting every row's
 * lexemes into it (the search index of a million items: about 130 rows/s maintained under load,
 * thousands per second without it). Indexes that back a constraint (primary key, unique) stay,
 * so the load is checked as usual.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './database.ts';
import { dialectOf } from './dialect.ts';

interface DeferredIndex {
  name: string;
  definition: string;
}

async function secondaryIndexes(db: Kysely<Database>, tables: string[]): Promise<DeferredIndex[]> {
  if (dialectOf(db) === 'postgres') {
    const rows = await sql<DeferredIndex>`select i.relname as name, pg_get_indexdef(x.indexrelid) as definition
      from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
      where t.relname in (${sql.join(tables)}) and t.relnamespace = current_schema()::regnamespace
        and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)`.execute(db);
    return rows.rows;
  }
  // SQLite: indexes created by CREATE INDEX have their statement in sqlite_master; automatic ones
  // (primary key, UNIQUE) have none.
  const rows = await sql<DeferredIndex>`select name, sql as definition from sqlite_master
    where type = 'index' and sql is not null and tbl_name in (${sql.join(tables)})`.execute(db);
  return rows.rows;
}

/**
 * Runs `load` with the secondary indexes of `tables` absent, then creates them again (also when
 * `load` fails, so the schema is never left without them). `onBuild` is told each index built.
 * `lanes` indexes are built at once, each on a connection of its own (PostgreSQL 15 builds a GIN
 * index on one core: the search table's and the items' indexes side by side take the time of
 * the longest instead of their sum); GIN indexes, the slow ones, start first.
 */
export async function withIndexesDeferred<T>(
  db: Kysely<Database>,
  tables: string[],
  load: () => Promise<T>,
  onBuild?: (name: string, seconds: number) => void,
  lanes = 1,
): Promise<T> {
  const indexes = await secondaryIndexes(db, tables);
  for (const ix of indexes) await sql`drop index ${sql.id(ix.name)}`.execute(db);
  try {
    return await load();
  } finally {
    const queue = [...indexes].sort((a, b) => Number(/ using gin /i.test(b.definition)) - Number(/ using gin /i.test(a.definition)));
    const lane = () => db.connection().execute(async (c) => {
      // Sorting the entries of a large GIN index in memory instead of in many merged runs.
      if (dialectOf(c) === 'postgres') await sql`set maintenance_work_mem = '2GB'`.execute(c);
      for (let ix = queue.shift(); ix; ix = queue.shift()) {
        const started = Date.now();
        await sql.raw(ix.definition).execute(c);
        onBuild?.(ix.name, (Date.now() - started) / 1000);
      }
      if (dialectOf(c) === 'postgres') await sql`reset maintenance_work_mem`.execute(c);
    });
    await Promise.all(Array.from({ length: dialectOf(db) === 'postgres' ? Math.max(1, lanes) : 1 }, lane));
  }
}
