/**
 * PostgreSQL: a large result listed newest first sizes its title set from the title's own vector
 * alone (search.match.ts `titleVectorOnly`), a superset that may count titles holding a term's
 * bigrams apart; the pages stay exactly those of the set: title hits, then the others, each
 * newest first.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { postgresSkipReason } from '../db/test-databases.ts';
import { useSearchTestItems } from './search.testing.ts';
import { searchItems } from './search.repository.ts';
import { indexedCount, matchSql, searchSettings } from './search.match.ts';
import { parseQuery } from './search.query.ts';

const ITEMS = 600;

/** Every 10th a title hit; among the newer half, every 10th (one later) a title holding 石龙 and 龙区 apart and no 石龙区 anywhere; every 4th else a body hit. */
function itemText(i: number): { title: string; body: string } {
  if (i % 10 === 0) return { title: `石龙区防汛预案第${i}号`, body: '其他事项' };
  if (i % 10 === 1 && i >= ITEMS / 2) return { title: `石龙、龙区第${i}号说明`, body: '其他事项' };
  if (i % 4 === 2) return { title: `第${i}号通知`, body: '石龙区防汛工作' };
  return { title: `第${i}号事项`, body: '其他事项' };
}

describe('the title set sized from the title vector alone [postgres]', { skip: postgresSkipReason() }, () => {
  const corpus = useSearchTestItems(ITEMS, itemText);

  it('counts the titles holding the bigrams apart in the size, and only there', async () => {
    const p = parseQuery('石龙区')!;
    const count = (titleVectorOnly: boolean) => corpus().t.db.transaction().execute(async (trx) => {
      await sql`select ${searchSettings()}`.execute(trx);
      return indexedCount(trx, matchSql(trx, p, {}, 'title', { titleVectorOnly }));
    });
    assert.equal(await count(false), 60, 'the title set: 60 title hits');
    assert.equal(await count(true), 90, 'its size for the plan: and the 30 titles 石龙、龙区');
  });

  it('lists every page exactly: title hits, then the others, each newest first, never a title that only holds the bigrams', async () => {
    const { t, ids } = corpus();
    const newest = (keep: (i: number) => boolean) => ids.filter((_, i) => keep(i)).reverse();
    const expected = [...newest((i) => itemText(i).title.includes('石龙区')), ...newest((i) => !itemText(i).title.includes('石龙区') && itemText(i).body.includes('石龙区'))];
    const listed: number[] = [];
    for (let page = 1; listed.length < expected.length + 10; page++) {
      const r = await searchItems(t.db, { q: '石龙区', page, pageSize: 10, rankLimit: 20, exactCountLimit: 50 });
      assert.equal(r.order, 'newest');
      assert.equal(r.total, expected.length);
      if (!r.hits.length) break;
      listed.push(...r.hits.map((h) => h.id));
    }
    assert.deepEqual(listed, expected);
  });
});
