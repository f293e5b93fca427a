/**
 * PostgreSQL: the search vector (`tsv`) is kept in the row, compressed, with the title's tokens and
 * vector and the filter vector, instead of out of line. A ranked result scores every hit with
 * `ts_rank` over its vector: out of line, that was a lookup in the TOAST index and one or two TOAST
 * pages per hit, read one after another, which the bitmap scan's read-ahead does not reach. Read
 * from disk that was most of a ranked search (a million items, file cache dropped: 442–497 ms for the
 * 2,609 hits of "教育 招生｜2020年｜announcement", about four TOAST buffers per hit). In the row,
 * the vector comes with the table page the bitmap scan reads ahead anyway.
 * The table grows from about 190 to 4,200 bytes per item and the TOAST table shrinks as much; counts
 * that read a table page per hit read as many pages as before (hits are sparse), and counts of large
 * results never read the table (search.match.ts `indexedCount`). The title's vector and the filter
 * vector stay in the row too: a walk of the newest rows tests them on each row it passes (with the
 * large vector in the row, PostgreSQL would otherwise move these small ones out of line first).
 * The token text and the 4-character pieces stay out of line: only rare paths read them per row.
 *
 * New and re-indexed rows take the new layout; `gongkai search reindex` rewrites existing ones.
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`alter table publishing_search_docs
    alter column tsv set storage main, alter column title_tsv set storage main,
    alter column title_tokens set storage main, alter column meta_tsv set storage main`.execute(db);
}
