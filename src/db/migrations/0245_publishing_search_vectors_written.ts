/**
 * PostgreSQL: the search rows' token vectors (`tsv`, `title_tsv`) stop being generated columns.
 * `to_tsvector('simple', …)` ran the server's text parser over every item written, about half a
 * millisecond each: most of a bulk load's time on the server. The writer (search.index.ts) sends
 * the same vectors as tsvector text (search.vectors.ts), which the server only reads. Existing
 * rows keep their vectors.
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`alter table publishing_search_docs alter column tsv drop expression, alter column title_tsv drop expression`.execute(db);
}
