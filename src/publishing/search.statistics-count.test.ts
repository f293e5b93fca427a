import { it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { bulkInsertPublishedItems, type PublishedItemInput } from './items.bulk.ts';
import { searchItems } from './search.repository.ts';
import { roughly } from './search.sample.ts';

const NOW = new Date('2022-12-30T02:00:00Z');
const ITEMS = 3_000;
/** Items whose text holds 公开 (and 通知): not a round number, so an exact count is told apart. */
const HOLDING = 2_001;

describeOnBothDatabases('a common term counted from statistics', (t, kind) => {
  // Limits lowered so that 2,001 hits are "large" (the product's: 5,000, 10,000 and 100,000).
  const large = { rankLimit: 50, exactCountLimit: 100, statisticsCountFrom: 1_000, pageSize: 10 };

  it('counts a term of one common lexeme from the statistics on PostgreSQL, to three figures and marked as an estimate', async () => {
    const { db } = t();
    const org = await db.insertInto('organizations').values({ code: 'sl', name: '石龙区人民政府', parent_id: null, kind: 'government', is_body: 1, disabled: 0, created_at: NOW.toISOString() }).returning('id').executeTakeFirstOrThrow();
    const items: PublishedItemInput[] = Array.from({ length: ITEMS }, (_, i) => ({
      organizationId: org.id,
      kind: 'announcement',
      publishDate: '2022-05-10',
      title: `第${i + 1}号事项`,
      bodyHtml: i < HOLDING ? '<p>政务公开通知</p>' : '<p>其他事项说明</p>',
    }));
    await bulkInsertPublishedItems(db, items, NOW);
    // The halves of the table analyzed, not their parent: what autovacuum does (search.partitions.ts).
    if (kind === 'postgres') await sql`analyze publishing_search_docs_p0, publishing_search_docs_p1`.execute(db);
    const r = await searchItems(db, { q: '公开', ...large });
    assert.equal(r.order, 'newest');
    assert.equal(r.hits.length, 10, 'the page is listed as before');
    if (kind === 'sqlite') {
      assert.equal(r.total, HOLDING, 'SQLite counts exactly');
      return;
    }
    assert.equal(r.estimated, true);
    assert.notEqual(r.total, HOLDING, 'counted from the statistics, not the index');
    assert.equal(r.total, roughly(r.total), 'to three significant figures');
    assert.ok(Math.abs(r.total - HOLDING) <= HOLDING * 0.1, `${r.total} is near ${HOLDING}`);
  });

  it('counts a term of several lexemes, or one below the threshold, from the index (both halves of it) as before', async () => {
    const { db } = t();
    // 公开 and 通知: two lexemes, whose rows the statistics cannot tell.
    assert.equal((await searchItems(db, { q: '公开 通知', ...large })).total, HOLDING);
    assert.equal((await searchItems(db, { q: '公开', ...large, statisticsCountFrom: 10_000 })).total, HOLDING);
  });

  it('rounds to three significant figures', () => {
    assert.deepEqual([0, 7, 999, 1_234, 2_001, 99_950, 1_743_051].map(roughly), [0, 7, 999, 1_230, 2_000, 100_000, 1_740_000]);
  });
});
