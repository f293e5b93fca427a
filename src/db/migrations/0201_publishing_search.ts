/**
 * Search index of published items. Tokens are made in the app (search.tokenize.ts): bigrams of
 * CJK runs closed by the run's last character, and lower-cased ASCII words, joined by spaces.
 * SQLite: a contentless FTS5 table (unicode61 splits on the spaces; rowid = item id).
 * PostgreSQL: to_tsvector('simple', …) of title (weight A) and body (weight D) with a GIN index.
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('publishing_search_docs')
    .addColumn('item_id', 'integer', (c) => c.primaryKey().references('publishing_items.id'))
    .addColumn('title_tokens', 'text', (c) => c.notNull())
    .addColumn('body_tokens', 'text', (c) => c.notNull())
    .addColumn('long_doc', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  if (dialectOf(db) === 'postgres') {
    await sql`alter table publishing_search_docs add column tsv tsvector generated always as
      (setweight(to_tsvector('simple', title_tokens), 'A') || setweight(to_tsvector('simple', body_tokens), 'D')) stored`.execute(db);
    await sql`create index publishing_search_docs_tsv on publishing_search_docs using gin (tsv)`.execute(db);
    await sql`create index publishing_search_docs_long on publishing_search_docs (item_id) where long_doc = 1`.execute(db);
  } else {
    await sql`create virtual table publishing_search_fts using fts5(title, body, tokenize = 'unicode61', content = '', contentless_delete = 1)`.execute(db);
  }
}
