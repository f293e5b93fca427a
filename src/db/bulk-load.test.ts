import { it } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import { describeOnBothDatabases } from './test-databases.ts';
import type { Database } from './database.ts';
import { withIndexesDeferred } from './bulk-load.ts';
import { dialectOf } from './dialect.ts';

async function indexNames(db: Kysely<Database>): Promise<string[]> {
  const rows = dialectOf(db) === 'postgres'
    ? await sql<{ name: string }>`select indexname as name from pg_indexes where tablename = 'publishing_items'`.execute(db)
    : await sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = 'publishing_items'`.execute(db);
  return rows.rows.map((r) => r.name).sort();
}

describeOnBothDatabases('loading with indexes deferred', (get) => {
  it('drops the secondary indexes during the load and builds the same ones again, even after a failure', async () => {
    const { db } = get();
    const before = await indexNames(db);
    let during: string[] = [];
    await withIndexesDeferred(db, ['publishing_items'], async () => { during = await indexNames(db); });
    assert.ok(before.includes('publishing_items_search_filter'));
    assert.ok(!during.includes('publishing_items_search_filter'), 'no secondary index during the load');
    assert.ok(during.includes('publishing_items_index_no_key') || during.some((n) => n.startsWith('sqlite_autoindex')), 'unique constraints stay');
    assert.deepEqual(await indexNames(db), before);
    await assert.rejects(withIndexesDeferred(db, ['publishing_items'], async () => { throw new Error('load failed'); }), /load failed/);
    assert.deepEqual(await indexNames(db), before);
  });
});
