/**
 * PostgreSQL: a large set listed newest first is looked for among the newest ids first, a range
 * the GIN index itself answers (migration 0249, search.newest-first.ts `newestInRange`), and its
 * pages are exactly those of the whole set sorted: title hits first, then the others, each newest
 * first; a set whose hits are all old fills no range and is sorted whole.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { postgresSkipReason } from '../db/test-databases.ts';
import { useSearchTestItems } from './search.testing.ts';
import { searchItems } from './search.repository.ts';
import { newestInRange, newestIndexedId } from './search.newest-first.ts';
import { matchSql, searchSettings } from './search.match.ts';
import { parseQuery } from './search.query.ts';

const ITEMS = 2_000;

/** Item `i`: every 20th a title hit of 石龙区 and 防汛 (spread over all ids), every 3rd of the rest a body hit; 老旧小区 in the 40 oldest titles. */
function itemText(i: number): { title: string; body: string } {
  if (i < 40) return { title: `老旧小区改造第${i}号`, body: '其他事项' };
  if (i % 20 === 0) return { title: `石龙区防汛预案第${i}号`, body: '其他事项' };
  if (i % 3 === 0) return { title: `第${i}号通知`, body: '石龙区防汛工作，老旧小区' };
  return { title: `第${i}号事项`, body: '其他事项' };
}

describe('a large set listed newest first, looked for among the newest ids [postgres]', { skip: postgresSkipReason() }, () => {
  const corpus = useSearchTestItems(ITEMS, itemText);

  /** The whole set in the large-result order, from the texts: title hits, then the others, each newest first. */
  function expected(term: string): number[] {
    const { ids } = corpus();
    const newest = (keep: (i: number) => boolean) => ids.map((id, i) => ({ id, i })).filter(({ i }) => keep(i)).map(({ id }) => id).reverse();
    const text = (i: number) => itemText(i);
    return [...newest((i) => text(i).title.includes(term)), ...newest((i) => !text(i).title.includes(term) && text(i).body.includes(term))];
  }

  it('gives the pages of the whole set sorted, title hits and then the others', async () => {
    // Limits lowered so that a few hundred hits are a large result (the product's: 5,000 and 10,000).
    const large = { rankLimit: 20, exactCountLimit: 50, pageSize: 10 };
    for (const term of ['石龙区', '防汛', '老旧小区']) {
      const all = expected(term);
      for (const page of [1, 2, 10, 11, 12, 30, 70]) {
        const r = await searchItems(corpus().t.db, { q: term, page, ...large });
        assert.equal(r.order, 'newest', term);
        assert.deepEqual(r.hits.map((h) => h.id), all.slice((page - 1) * 10, page * 10), `${term}, page ${page}`);
      }
    }
  });

  it('finds the page in a range of the newest ids when the set is spread over them, and not when its hits are old', async () => {
    const { t: { db }, ids } = corpus();
    await db.transaction().execute(async (trx) => {
      const top = await newestIndexedId(trx);
      assert.equal(top, ids.at(-1), 'the index holds the ids (btree_gin)');
      await sql`select ${searchSettings([['enable_indexscan', 'off']])}`.execute(trx);
      const page = (term: string, hits: number, offset: number) =>
        newestInRange(trx, (newerThan) => matchSql(trx, parseQuery(term)!, {}, 'title', { newerThan }), hits, top!, offset, 10);
      // 100 title hits, one in 20 ids: the newest 3 × 10 × 20 ids hold page 1 (30 hits).
      assert.deepEqual(await page('石龙区', 100, 0), expected('石龙区').slice(0, 10), 'a three-character term, its pieces tested on the rows');
      assert.deepEqual(await page('防汛', 100, 0), expected('防汛').slice(0, 10));
      assert.deepEqual(await page('防汛', 100, 10), expected('防汛').slice(10, 20), 'page 2: the newest 1,200 ids');
      // Told 350 hits, the newest 172 ids hold 8 of them: the range 8 times wider holds the page.
      assert.deepEqual(await page('防汛', 350, 0), expected('防汛').slice(0, 10), 'the wider range');
      assert.equal(await page('防汛', 100, 90), undefined, 'page 10 would need every id: the set is sorted whole');
      assert.equal(await page('老旧小区', 40, 0), undefined, 'the 40 oldest ids hold every title hit');
    });
  });
});
