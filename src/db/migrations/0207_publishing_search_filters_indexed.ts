/**
 * Search filters become index terms (publishing/search.filters.ts): each indexed item gets its
 * filter tokens (organization, year, kind, validity), stored in `meta_tokens` and indexed in a
 * field of their own. SQLite: the FTS5 table is made again with a third column `meta` and filled
 * from the stored tokens. PostgreSQL: `meta_tsv`, a small vector kept in the row.
 * Measured for a million items, "公开" (580,691 hits) filtered to 2022 took 1.3 s on SQLite and
 * 0.5–0.7 s on PostgreSQL when the filters were a join with the items table.
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.ts';
import { filterTokens } from '../../publishing/search.filters.ts';

const BATCH = 2000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = dialectOf(db) === 'sqlite';
  await sql`alter table publishing_search_docs add column meta_tokens text not null default ''`.execute(db);
  if (sqlite) {
    await sql`drop table publishing_search_fts`.execute(db);
    await sql`create virtual table publishing_search_fts using fts5(title, body, meta, tokenize = 'unicode61', content = '', contentless_delete = 1)`.execute(db);
  } else {
    await sql`alter table publishing_search_docs add column meta_tsv tsvector not null default ''::tsvector`.execute(db);
    await sql`alter table publishing_search_docs alter column meta_tsv set storage main`.execute(db);
  }
  for (let after = 0; ;) {
    const rows = (await sql<{ item_id: number; title_tokens: string; body_tokens: string; organization_id: number; publish_date: string | null; kind: string; validity: string }>`
      select d.item_id, ${sqlite ? sql`d.title_tokens, d.body_tokens,` : sql``} i.organization_id, i.publish_date, i.kind, i.validity
      from publishing_search_docs d join publishing_items i on i.id = d.item_id
      where d.item_id > ${after} order by d.item_id limit ${BATCH}`.execute(db)).rows;
    if (!rows.length) break;
    const ids = rows.map((r) => r.item_id);
    const meta = rows.map((r) => filterTokens({ organizationId: r.organization_id, publishDate: r.publish_date, kind: r.kind, validity: r.validity }));
    if (sqlite) {
      for (let i = 0; i < rows.length; i++) {
        await sql`update publishing_search_docs set meta_tokens = ${meta[i]} where item_id = ${ids[i]}`.execute(db);
      }
      await sql`insert into publishing_search_fts (rowid, title, body, meta) values ${sql.join(
        rows.map((r, i) => sql`(${r.item_id}, ${r.title_tokens}, ${r.body_tokens}, ${meta[i]})`),
      )}`.execute(db);
    } else {
      await sql`update publishing_search_docs d set meta_tokens = v.m, meta_tsv = array_to_tsvector(string_to_array(v.m, ' '))
        from unnest(${ids}::int[], ${meta}::text[]) as v(id, m) where d.item_id = v.id`.execute(db);
    }
    after = ids[ids.length - 1];
  }
}
