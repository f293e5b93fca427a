/**
 * The admin item list's title search (`q`, a substring anywhere in the title) read every row:
 * 0.4–0.5 s on PostgreSQL and 25 s on SQLite at 1,000,000 items. An index of the titles'
 * trigrams finds the candidates of a string of 3 or more characters; the list still checks each
 * with LIKE, so the results are exactly LIKE's (items.title-search.ts).
 * PostgreSQL: a GIN index with pg_trgm's operator class, which LIKE uses by itself. pg_trgm is
 * a contrib extension (shipped with Debian's postgresql package, "trusted": a database owner may
 * create it). When it cannot be created the migration goes on without the index, says so, and
 * the search stays exact but reads every row; `CREATE EXTENSION pg_trgm` and
 * `CREATE INDEX publishing_items_title_trgm ON publishing_items USING gin (title gin_trgm_ops)`
 * add it later.
 * SQLite: an FTS5 table with the trigram tokenizer (case folded, so its candidates include every
 * case-insensitive LIKE match), holding only the index (contentless) and kept by triggers, so
 * that every write of a title, whichever code path makes it, is in it in the same transaction.
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.ts';
import { createExtensionIfAllowed } from '../extensions.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    if (await createExtensionIfAllowed(db, 'pg_trgm', '信息列表的标题搜索结果不变，但会逐行查找（见迁移 0242 的说明）')) {
      await sql`create index publishing_items_title_trgm on publishing_items using gin (title gin_trgm_ops)`.execute(db);
    }
    return;
  }
  await sql`create virtual table publishing_items_title_fts using fts5(title, tokenize = 'trigram', content = '', contentless_delete = 1)`.execute(db);
  await sql`insert into publishing_items_title_fts (rowid, title) select id, title from publishing_items`.execute(db);
  await sql`create trigger publishing_items_title_fts_insert after insert on publishing_items begin
    insert into publishing_items_title_fts (rowid, title) values (new.id, new.title);
  end`.execute(db);
  await sql`create trigger publishing_items_title_fts_update after update of title on publishing_items begin
    delete from publishing_items_title_fts where rowid = old.id;
    insert into publishing_items_title_fts (rowid, title) values (new.id, new.title);
  end`.execute(db);
  await sql`create trigger publishing_items_title_fts_delete after delete on publishing_items begin
    delete from publishing_items_title_fts where rowid = old.id;
  end`.execute(db);
}
