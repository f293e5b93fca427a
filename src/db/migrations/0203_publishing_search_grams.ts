/**
 * PostgreSQL search speed (100,000 generated items): a 3- or 4-character term matched as the
 * AND of its bigrams must then be checked on every candidate's text, which read tens of
 * thousands of wide rows (about 0.6 s for "政府信息"). Its 3- and 4-character substrings become
 * lexemes of their own (`gram_tsv`, no positions, GIN-indexed), so the index answers such a term
 * exactly. The rows are also made narrow (`toast_tuple_target`): the body's token text and the
 * vectors are kept out of line, so counting many hits reads few pages; the title's tokens and
 * vector, read for every hit to order a large result, stay in the row (storage main).
 * SQLite (FTS5) needs none of this.
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.ts';
import { longGrams } from '../../publishing/search.tokenize.ts';

const BATCH = 2000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`alter table publishing_search_docs set (toast_tuple_target = 128)`.execute(db);
  await sql`alter table publishing_search_docs alter column title_tokens set storage main, alter column title_tsv set storage main`.execute(db);
  await sql`alter table publishing_search_docs add column gram_tsv tsvector not null default ''::tsvector`.execute(db);
  for (let after = 0; ;) {
    const rows = (await sql<{ item_id: number; title_tokens: string; body_tokens: string }>`select item_id, title_tokens, body_tokens
      from publishing_search_docs where item_id > ${after} order by item_id limit ${BATCH}`.execute(db)).rows;
    if (!rows.length) break;
    const ids = rows.map((r) => r.item_id);
    const grams = rows.map((r) => longGrams(`${r.title_tokens} ${r.body_tokens}`.split(' ')).join(' '));
    await sql`update publishing_search_docs d set gram_tsv = array_to_tsvector(string_to_array(v.g, ' '))
      from unnest(${ids}::int[], ${grams}::text[]) as v(id, g) where d.item_id = v.id`.execute(db);
    after = ids[ids.length - 1];
  }
  await sql`create index publishing_search_docs_grams on publishing_search_docs using gin (gram_tsv)`.execute(db);
}
