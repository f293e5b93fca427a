/**
 * PostgreSQL: a second, small GIN index of the search table holds one item in 32 (chosen by a hash
 * of its id, so that no pattern of the ids or of a bulk import makes it lean), from which a search
 * estimates the size of a very large result (search.sample.ts). The index's own count of a term in
 * most items decodes every hit, about 100 ms a half for the 968,000 prefix hits of "石龙区" in five
 * million items; the sample's count of the same term takes a few milliseconds and is within a
 * percent. The index holds the vectors stripped of their positions (which a GIN index does not
 * keep anyway), so that a query of the sample can be answered by this index alone and never by the
 * full one (search.sample-index.ts says why, and writes the predicate and the expressions as here).
 * Built inside this migration: on a large site about a minute per million items (a read of the
 * table and of one row in 32's vectors).
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`set local maintenance_work_mem = '256MB'`.execute(db);
  await sql`create index publishing_search_docs_sample on publishing_search_docs using gin (strip(tsv), strip(gram_tsv), strip(title_tsv), strip(meta_tsv))
    where (hashint4(item_id) & 31) = 0`.execute(db);
}
