/**
 * PostgreSQL: the search index's GIN index also holds the item id (btree_gin's operator class for
 * integers), so that "this id or newer" is a condition of the index itself. A large set listed
 * newest first and sorted from the index read a table row for every hit only to learn its id; now
 * the page is looked for among the newest ids first and only their hits are read
 * (search.newest-first.ts `newestInRange`): the 12,569 title hits of "石龙区 防汛 预案" in five
 * million items, about 200 ms from the file cache, became a few milliseconds.
 * The index is built again inside this migration: on a large site it takes minutes (a million
 * items: about 5 minutes). Without btree_gin (not installed, or the role may not create it) the
 * index stays as it was, the migration says so, and the search sorts the whole set as before.
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.ts';
import { createExtensionIfAllowed } from '../extensions.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  if (!(await createExtensionIfAllowed(db, 'btree_gin', '搜索结果不变，但命中较多的查询按时间排序时需逐条读取命中行（见迁移 0249 的说明）'))) return;
  await sql`drop index publishing_search_docs_match`.execute(db);
  await sql`set local maintenance_work_mem = '1GB'`.execute(db);
  await sql`create index publishing_search_docs_match on publishing_search_docs using gin (tsv, gram_tsv, title_tsv, meta_tsv, item_id)`.execute(db);
}
