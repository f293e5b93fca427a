/**
 * PostgreSQL: the search index table is split into two halves by a hash of the item id, so that
 * after a bulk load (db/bulk-load.ts) its GIN index is built as two halves side by side on two
 * cores. PostgreSQL 15 builds a GIN index on one core: for a million items that was 276 s of a
 * 573 s load, and two halves at once take 133–151 s. Searches measure the same or faster (the
 * planner runs each half's index and appends; bench/search.bench.ts at a million items: cold p95
 * of several words 86 ms, 120 with one index; warm p95 within a few ms either way).
 * Queries keep naming `publishing_search_docs`; counts read from the index's plan, the rows and
 * the statistics are taken per half (search.partitions.ts), since autovacuum analyzes the halves,
 * never the parent. Two halves, not more: each is one more index scan per query, and the build
 * gains only as many halves as the machine has cores to build them.
 * The rows are copied into the new table, and its indexes built, inside this migration: on a
 * large site it takes minutes (a million items: about 80 s of copying and 5 minutes of index).
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`alter table publishing_search_docs rename to publishing_search_docs_whole`.execute(db);
  // Index names are the schema's: free them for the new table's indexes.
  await sql`drop index publishing_search_docs_match`.execute(db);
  await sql`drop index publishing_search_docs_long`.execute(db);
  await sql`create table publishing_search_docs
    (like publishing_search_docs_whole including defaults including storage including compression)
    partition by hash (item_id)`.execute(db);
  // Every vector out of line (migration 0203): the rows stay narrow, a walk reads few pages.
  for (const half of [0, 1]) {
    await sql`create table ${sql.id(`publishing_search_docs_p${half}`)} partition of publishing_search_docs
      for values with (modulus 2, remainder ${sql.lit(half)}) with (toast_tuple_target = 128)`.execute(db);
  }
  // A unique index, not a primary key: pg_restore --clean (ops/restore.usecases.ts) cannot drop a
  // partition's share of a primary key constraint, and fails; an index it drops with its table.
  await sql`create unique index publishing_search_docs_item on publishing_search_docs (item_id)`.execute(db);
  await sql`insert into publishing_search_docs select * from publishing_search_docs_whole`.execute(db);
  await sql`drop table publishing_search_docs_whole`.execute(db);
  await sql`alter table publishing_search_docs add constraint publishing_search_docs_item_id_fkey
    foreign key (item_id) references publishing_items (id)`.execute(db);
  await sql`set local maintenance_work_mem = '1GB'`.execute(db);
  await sql`create index publishing_search_docs_match on publishing_search_docs using gin (tsv, gram_tsv, title_tsv, meta_tsv)`.execute(db);
  await sql`create index publishing_search_docs_long on publishing_search_docs (item_id) where long_doc = 1`.execute(db);
  // The index version's trigger (migrations 0246, 0247) went with the old table.
  await sql`create trigger publishing_search_docs_version after insert or update or delete or truncate on publishing_search_docs
    for each statement execute function publishing_search_changed()`.execute(db);
  await sql`analyze publishing_search_docs`.execute(db);
}
