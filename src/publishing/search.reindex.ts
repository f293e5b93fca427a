/**
 * Rebuilds the whole search index from the published items, in one transaction: searches
 * running meanwhile see the old index, and a failure leaves the old index in place.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { dialectOf } from '../db/dialect.ts';
import { indexItems } from './search.index.ts';

const BATCH = 1000;

export async function reindexAll(db: Kysely<Database>, onProgress?: (done: number, total: number) => void): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const total = Number((await trx.selectFrom('publishing_items').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'published').executeTakeFirstOrThrow()).n);
    await trx.deleteFrom('publishing_search_docs').execute();
    if (dialectOf(trx) === 'sqlite') await sql`insert into publishing_search_fts (publishing_search_fts) values ('delete-all')`.execute(trx);
    let done = 0;
    let after = 0;
    onProgress?.(0, total);
    for (;;) {
      const ids = (await trx.selectFrom('publishing_items').select('id').where('status', '=', 'published').where('id', '>', after).orderBy('id').limit(BATCH).execute()).map((r) => r.id);
      if (!ids.length) break;
      await indexItems(trx, ids);
      done += ids.length;
      after = ids[ids.length - 1];
      onProgress?.(done, total);
    }
    return done;
  });
}

/**
 * After a rebuild or a large import: SQLite merges the FTS5 segments into one (fewer b-trees to
 * read per term); PostgreSQL vacuums and analyzes the index table, clearing the rows that the
 * rebuild replaced and giving the planner figures for the new ones.
 * Runs outside a transaction; searches keep working meanwhile.
 */
export async function optimizeSearchIndex(db: Kysely<Database>): Promise<void> {
  if (dialectOf(db) === 'sqlite') await sql`insert into publishing_search_fts (publishing_search_fts) values ('optimize')`.execute(db);
  else await sql`vacuum analyze publishing_search_docs, publishing_items`.execute(db);
}

/** A one-line text progress bar, redrawn with a carriage return. */
export function progressBar(done: number, total: number, width = 30): string {
  const ratio = total ? Math.min(1, done / total) : 1;
  const filled = Math.round(ratio * width);
  return `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}% ${done}/${total}`;
}
