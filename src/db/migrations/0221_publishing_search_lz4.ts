/**
 * PostgreSQL: the search rows' out-of-line columns (token text and vectors, about 10 KB per item)
 * are compressed with LZ4 instead of pglz. Every row written is compressed once, and a search
 * decompresses the vectors of each row it tests (title hits of a large result, long terms, the
 * body set's "not in the title"): LZ4 does both several times faster. New and re-indexed rows take
 * it; `gongkai search reindex` rewrites existing ones. SQLite keeps its FTS5 index as it is.
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`alter table publishing_search_docs
    alter column title_tokens set compression lz4, alter column body_tokens set compression lz4,
    alter column tsv set compression lz4, alter column title_tsv set compression lz4, alter column gram_tsv set compression lz4`.execute(db);
}
