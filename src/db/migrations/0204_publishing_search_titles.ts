/**
 * PostgreSQL: a GIN index on the title's own vector, so that a large result can count and list
 * its title hits (search.newest-first.ts) from the index instead of testing every hit's row.
 * SQLite's FTS5 index already answers a query on the title column alone.
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`create index publishing_search_docs_title on publishing_search_docs using gin (title_tsv)`.execute(db);
}
