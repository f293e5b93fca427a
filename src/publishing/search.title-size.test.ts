/**
 * PostgreSQL: a large result listed newest first sizes its title set from the title's own vector
 * alone (search.match.ts `titleVectorOnly`), a superset that may count titles holding a term's
 * bigrams apart; the pages stay exactly those of the set: title hits, then the others, each
 * newest first.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { openTestDatabase, postgresSkipReason, type TestDatabase } from '../db/test-databases.ts';
import { bulkInsertPublishedItems, type PublishedItemInput } from './items.bulk.ts';
import { searchItems } from './search.repository.ts';
import { indexedCount, matchSql, searchSettings } from './search.match.ts';
import { parseQuery } from './search.query.ts';

const NOW = new Date('2022-12-30T02:00:00Z');
const ITEMS = 600;

/** Every 10th a title hit; among the newer half, every 10th (one later) a title holding 石龙 and 龙区 apart and no 石龙区 anywhere; every 4th else a body hit. */
function itemText(i: number): { title: string; body: string } {
  if (i % 10 === 0) return { title: `石龙区防汛预案第${i}号`, body: '其他事项' };
  if (i % 10 === 1 && i >= ITEMS / 2) return { title: `石龙、龙区第${i}号说明`, body: '其他事项' };
  if (i % 4 === 2) return { title: `第${i}号通知`, body: '石龙区防汛工作' };
  return { title: `第${i}号事项`, body: '其他事项' };
}

describe('the title set sized from the title vector alone [postgres]', { skip: postgresSkipReason() }, () => {
  let t: TestDatabase;
  let ids: number[];
  before(async () => {
    t = await openTestDatabase('postgres');
    const org = await t.db.insertInto('organizations').values({ code: 'sl', name: '石龙区人民政府', parent_id: null, kind: 'government', is_body: 1, disabled: 0, created_at: NOW.toISOString() }).returning('id').executeTakeFirstOrThrow();
    const items: PublishedItemInput[] = Array.from({ length: ITEMS }, (_, i) => {
      const { title, body } = itemText(i);
      return { organizationId: org.id, kind: 'announcement', publishDate: '2022-05-10', title, bodyHtml: `<p>${body}</p>` };
    });
    await bulkInsertPublishedItems(t.db, items, NOW);
    ids = (await t.db.selectFrom('publishing_items').select('id').orderBy('id').execute()).map((r) => r.id);
    await sql`analyze publishing_search_docs_p0, publishing_search_docs_p1`.execute(t.db);
  });
  after(async () => {
    await t?.close();
  });

  it('counts the titles holding the bigrams apart in the size, and only there', async () => {
    const p = parseQuery('石龙区')!;
    const count = (titleVectorOnly: boolean) => t.db.transaction().execute(async (trx) => {
      await sql`select ${searchSettings()}`.execute(trx);
      return indexedCount(trx, matchSql(trx, p, {}, 'title', { titleVectorOnly }));
    });
    assert.equal(await count(false), 60, 'the title set: 60 title hits');
    assert.equal(await count(true), 90, 'its size for the plan: and the 30 titles 石龙、龙区');
  });

  it('lists every page exactly: title hits, then the others, each newest first, never a title that only holds the bigrams', async () => {
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
