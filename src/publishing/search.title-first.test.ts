/**
 * PostgreSQL: a ranked result's pages that its title hits fill are ranked among the title hits
 * alone (search.title-first.ts), and are the very pages the ranking of every hit gives, although
 * items without the term in their title hold it many more times in their bodies.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeOnPostgres } from '../db/test-databases.ts';
import { bulkInsertPublishedItems, type PublishedItemInput } from './items.bulk.ts';
import { searchItems } from './search.repository.ts';
import { removeFromIndex } from './search.index.ts';
import { titleHitsPage } from './search.title-first.ts';
import { uncachedCounts } from './search.counts.ts';
import { parseQuery } from './search.query.ts';

const NOW = new Date('2022-12-30T02:00:00Z');

describeOnPostgres('ranked results whose title hits fill the page', (t) => {
  it('give the pages the ranking of every hit gives, ranking the title hits alone while they fill the page', async () => {
    const { db } = t();
    const org = await db.insertInto('organizations').values({ code: 'zz', name: '石龙区张庄村', parent_id: null, kind: 'government', is_body: 1, disabled: 0, created_at: NOW.toISOString() }).returning('id').executeTakeFirstOrThrow();
    const item = (title: string, body: string, publishDate: string): PublishedItemInput => ({ organizationId: org.id, kind: 'announcement', title, bodyHtml: `<p>${body}</p>`, publishDate });
    const items: PublishedItemInput[] = [];
    // 12 title hits, their bodies holding the term up to 5 times more; 30 body hits holding it 1 to 30 times.
    for (let i = 0; i < 12; i++) items.push(item(`张庄村第${i}号公告`, `${'张庄道路。'.repeat(i % 6)}其他事项`, `2022-0${1 + (i % 9)}-10`));
    for (let i = 0; i < 30; i++) items.push(item(`道路建设公示${i}`, '张庄至李楼。'.repeat(1 + i), '2022-06-01'));
    for (let i = 0; i < 10; i++) items.push(item(`防汛预案${i}`, '无关内容', '2022-07-01'));
    await bulkInsertPublishedItems(db, items, NOW);

    const ranked = (await sql<{ id: number }>`select item_id as id from publishing_search_docs d where d.tsv @@ to_tsquery('simple', '''张庄''')
      order by ts_rank('{0.1, 0.2, 0.4, 1.0}', d.tsv, to_tsquery('simple', '''张庄''')) desc, item_id desc`.execute(db)).rows.map((r) => Number(r.id));
    assert.equal(ranked.length, 42);
    for (const page of [1, 2, 3, 4, 9]) {
      const r = await searchItems(db, { q: '张庄', page, pageSize: 5 });
      assert.equal(r.total, 42, `page ${page}`);
      assert.equal(r.order, 'relevance');
      assert.deepEqual(r.hits.map((h) => h.id), ranked.slice((page - 1) * 5, page * 5), `page ${page}`);
    }

    // Which pages the title hits fill, with the search's settings (the index's count needs its plan).
    await db.transaction().execute(async (trx) => {
      await sql`select set_config('enable_seqscan', 'off', true)`.execute(trx);
      const counts = uncachedCounts(trx);
      const page = (q: string, offset: number) => titleHitsPage(trx, counts, parseQuery(q)!, {}, offset, 5);
      assert.deepEqual(await page('张庄', 5), ranked.slice(5, 10));
      assert.equal(await page('张庄', 10), undefined, '12 title hits do not fill page 3');
      // A term of several lexemes is ranked by their distances: always in full.
      assert.equal(await page('张庄村', 0), undefined);
    });

    // Withdrawn title hits stay in the index's count until a vacuum: the page they leave short is ranked in full.
    const titleIds = ranked.slice(0, 12);
    await removeFromIndex(db, titleIds.slice(0, 3));
    const left = ranked.filter((id) => !titleIds.slice(0, 3).includes(id));
    for (const page of [1, 2]) {
      const r = await searchItems(db, { q: '张庄', page, pageSize: 5 });
      assert.equal(r.total, 39);
      assert.deepEqual(r.hits.map((h) => h.id), left.slice((page - 1) * 5, page * 5), `page ${page} after withdrawals`);
    }
  });
});
