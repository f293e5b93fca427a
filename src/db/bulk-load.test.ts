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

describeOnBothDatabases('loading with indexes deferred', (get, kind) => {
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

  if (kind === 'postgres') it('rebuilds the index of each half of the search table and attaches it to the parent index', async () => {
    const { db } = get();
    const halves = async () => (await sql<{ parent: string; half: string; valid: boolean }>`select pi.relname as parent, ci.relname as half, px.indisvalid as valid
      from pg_inherits h join pg_class ci on ci.oid = h.inhrelid join pg_class pi on pi.oid = h.inhparent join pg_index px on px.indexrelid = pi.oid
      where pi.relname in ('publishing_search_docs_match', 'publishing_search_docs_long', 'publishing_search_docs_sample') order by 1, 2`.execute(db)).rows;
    assert.equal((await halves()).length, 6, 'three indexes, each in two halves');
    let during: Awaited<ReturnType<typeof halves>> = [];
    const built: string[] = [];
    await withIndexesDeferred(db, ['publishing_search_docs'], async () => { during = await halves(); }, (name) => built.push(name), 2);
    assert.deepEqual(during, []);
    assert.deepEqual(built.sort(), ['long', 'match', 'sample'].flatMap((ix) => [0, 1].map((i) => `publishing_search_docs_${ix}_part${i}`)));
    assert.deepEqual(await halves(), [
      { parent: 'publishing_search_docs_long', half: 'publishing_search_docs_long_part0', valid: true },
      { parent: 'publishing_search_docs_long', half: 'publishing_search_docs_long_part1', valid: true },
      { parent: 'publishing_search_docs_match', half: 'publishing_search_docs_match_part0', valid: true },
      { parent: 'publishing_search_docs_match', half: 'publishing_search_docs_match_part1', valid: true },
      { parent: 'publishing_search_docs_sample', half: 'publishing_search_docs_sample_part0', valid: true },
      { parent: 'publishing_search_docs_sample', half: 'publishing_search_docs_sample_part1', valid: true },
    ]);
    // Partial indexes are built again with their predicate (the sample's: migration 0250).
    const partial = await sql<{ name: string }>`select c.relname as name from pg_index x join pg_class c on c.oid = x.indexrelid
      where x.indpred is not null and c.relname like 'publishing_search_docs_%_part_' order by 1`.execute(db);
    assert.deepEqual(partial.rows.map((r) => r.name), ['long', 'sample'].flatMap((ix) => [0, 1].map((i) => `publishing_search_docs_${ix}_part${i}`)));
  });
});
