/**
 * Loading many rows at once (benchmarks, a province's first import): a table's secondary
 * indexes are dropped before the load and built again afterwards, from their own definitions.
 * Building a GIN index once from sorted entries is many times cheaper than inserting every row's
 * lexemes into it (the search index of a million items: about 130 rows/s maintained under load,
 * thousands per second without it). Unique indexes and those that back a constraint (primary
 * key, unique) stay, so the load is checked as usual.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './database.ts';
import { dialectOf } from './dialect.ts';

interface DeferredIndex {
  name: string;
  definition: string;
  /** PostgreSQL: the partitions of a partitioned index's table (each has its own index), else empty. */
  partitions: string[];
}

/** One CREATE INDEX of the rebuild, and what follows it on the same connection. */
interface Build {
  name: string;
  sql: string;
  then?: string;
}

async function secondaryIndexes(db: Kysely<Database>, tables: string[]): Promise<DeferredIndex[]> {
  if (dialectOf(db) === 'postgres') {
    const rows = await sql<DeferredIndex>`select i.relname as name, pg_get_indexdef(x.indexrelid) as definition,
        case when i.relkind = 'I' then array(select p.relname::text from pg_inherits h join pg_class p on p.oid = h.inhrelid
          where h.inhparent = t.oid order by 1) else '{}'::text[] end as partitions
      from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
      where t.relname in (${sql.join(tables)}) and t.relnamespace = current_schema()::regnamespace
        and not x.indisunique and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)`.execute(db);
    return rows.rows;
  }
  // SQLite: indexes created by CREATE INDEX have their statement in sqlite_master; automatic ones
  // (primary key, UNIQUE) have none.
  const rows = await sql<{ name: string; definition: string }>`select name, sql as definition from sqlite_master
    where type = 'index' and sql is not null and tbl_name in (${sql.join(tables)})`.execute(db);
  return rows.rows.map((r) => ({ ...r, partitions: [] }));
}

/**
 * The builds of an index: itself, or for a partitioned one (its definition reads `ON ONLY`),
 * each partition's index, attached to it once built (the parent index, created first, is
 * valid when all are). Built apart, the partitions' indexes can be built at once.
 */
function buildsOf(ix: DeferredIndex): Build[] {
  if (!ix.partitions.length) return [{ name: ix.name, sql: ix.definition }];
  return ix.partitions.map((partition, i) => {
    const name = `${ix.name}_part${i}`;
    const sql = ix.definition
      .replace(/^CREATE (UNIQUE )?INDEX \S+ ON ONLY (\S+\.)?\S+ /, `CREATE $1INDEX ${name} ON $2${partition} `);
    return { name, sql, then: `ALTER INDEX ${ix.name} ATTACH PARTITION ${name}` };
  });
}

/**
 * Runs `load` with the secondary indexes of `tables` absent, then creates them again (also when
 * `load` fails, so the schema is never left without them). `onBuild` is told each index built.
 * `lanes` indexes are built at once, each on a connection of its own (PostgreSQL 15 builds a GIN
 * index on one core: the search table's and the items' indexes side by side take the time of
 * the longest instead of their sum; the search table's two halves build theirs side by side, see
 * migration 0248); GIN indexes, the slow ones, start first.
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
    for (const ix of indexes.filter((i) => i.partitions.length)) await sql.raw(ix.definition).execute(db);
    const queue = indexes.flatMap(buildsOf).sort((a, b) => Number(/ using gin /i.test(b.sql)) - Number(/ using gin /i.test(a.sql)));
    const lane = () => db.connection().execute(async (c) => {
      // Sorting the entries of a large GIN index in memory instead of in many merged runs.
      if (dialectOf(c) === 'postgres') await sql`set maintenance_work_mem = '2GB'`.execute(c);
      for (let build = queue.shift(); build; build = queue.shift()) {
        const started = Date.now();
        await sql.raw(build.sql).execute(c);
        if (build.then) await sql.raw(build.then).execute(c);
        onBuild?.(build.name, (Date.now() - started) / 1000);
      }
      if (dialectOf(c) === 'postgres') await sql`reset maintenance_work_mem`.execute(c);
    });
    await Promise.all(Array.from({ length: dialectOf(db) === 'postgres' ? Math.max(1, lanes) : 1 }, lane));
  }
}
