/**
 * PostgreSQL: the search index table is two halves by a hash of the item id (migration 0248), so
 * that a bulk load builds its GIN index on two cores. Queries name the parent; what is read from
 * the catalog — the rows, the statistics, the index's own count — is read per half, because
 * autovacuum keeps the halves' figures and never the parent's.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.ts';

export const SEARCH_DOCS_HALVES = ['publishing_search_docs_p0', 'publishing_search_docs_p1'] as const;

/** The planner's figure of the index table's rows (kept by ANALYZE and VACUUM), undefined if none yet. */
export async function indexRows(db: Kysely<Database>): Promise<number | undefined> {
  const r = await sql<{ n: number | null }>`select sum(reltuples)::float8 as n from pg_class
    where relnamespace = current_schema()::regnamespace and relname in (${sql.join([...SEARCH_DOCS_HALVES])}) and reltuples > 0
    having count(*) = ${SEARCH_DOCS_HALVES.length}`.execute(db);
  const n = Number(r.rows[0]?.n);
  return n > 0 ? n : undefined;
}
