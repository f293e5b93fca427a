import { it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { bulkInsertPublishedItems, type PublishedItemInput } from './items.bulk.ts';
import { searchItems } from './search.repository.ts';
import { removeFromIndex } from './search.index.ts';
import { setOrganizationIndexCode } from './index-numbers.ts';

const NOW = new Date('2022-12-30T02:00:00Z');

function item(over: Partial<PublishedItemInput> & { title: string }): PublishedItemInput {
  return { organizationId: 0, kind: 'announcement', publishDate: '2022-05-10', ...over };
}

describeOnBothDatabases('search of published items', (t, kind) => {
  let orgId = 0;
  const ids: number[] = [];
  it('bulk-inserts published items with 索引号 and indexes them at once', async () => {
    const { db } = t();
    const org = await db.insertInto('organizations').values({ code: 'sl', name: '石龙区人民政府', parent_id: null, kind: 'government', is_body: 1, disabled: 0, created_at: NOW.toISOString() }).returning('id').executeTakeFirstOrThrow();
    orgId = org.id;
    await setOrganizationIndexCode(db, orgId, '11410404MB0000000X');
    const inserted = await bulkInsertPublishedItems(db, [
      item({ organizationId: orgId, title: '关于做好2022年政府信息公开工作的通知', bodyHtml: '<p>各单位：现将有关事项通知如下。</p>', kind: 'policy_document', docNumber: '石政办〔2022〕15号' }),
      item({ organizationId: orgId, title: '防汛应急预案', bodyHtml: '<p>为做好信息公开和防汛工作<script>x()</script></p>' }),
      item({ organizationId: orgId, title: '张庄村道路建设公示', bodyHtml: '<p>李楼至张庄道路。息公告。</p>', publishDate: '2021-03-01' }),
      item({ organizationId: orgId, title: 'GDP 统计公报', bodyHtml: '<p>全区生产总值增长5%</p>', kind: 'key_area' }),
    ], NOW);
    ids.push(...inserted);
    const rows = await db.selectFrom('publishing_items').select(['index_no', 'body_html']).orderBy('id').execute();
    assert.deepEqual(rows.map((r) => r.index_no), [
      '11410404MB0000000X/2022-00001', '11410404MB0000000X/2022-00002', '11410404MB0000000X/2021-00001', '11410404MB0000000X/2022-00003',
    ]);
    assert.equal(rows[1].body_html.includes('script'), false);
  });

  it('finds every item containing the query, titles ranked first', async () => {
    const { db } = t();
    const r = await searchItems(db, { q: '信息公开' });
    assert.equal(r.total, 2);
    assert.deepEqual(r.hits.map((h) => h.id), [ids[0], ids[1]]);
    assert.ok(r.hits[1].snippet.some((s) => s.hit && s.text === '信息公开'));
  });

  it('finds unknown names, single characters, words and document numbers', async () => {
    const { db } = t();
    assert.deepEqual((await searchItems(db, { q: '张庄' })).hits.map((h) => h.id), [ids[2]]);
    assert.deepEqual((await searchItems(db, { q: '楼' })).hits.map((h) => h.id), [ids[2]]);
    assert.deepEqual((await searchItems(db, { q: 'gdp' })).hits.map((h) => h.id), [ids[3]]);
    assert.deepEqual((await searchItems(db, { q: '〔2022〕15号' })).hits.map((h) => h.id), [ids[0]]);
    for (const q of ['石政办[2022]15号', '石政办(2022)15号', '石政办（2022）15号', '[2022]15']) {
      const r = await searchItems(db, { q });
      assert.deepEqual(r.hits.map((h) => h.id), [ids[0]], q);
      // The snippet marks the number as printed.
      assert.ok(r.hits[0].snippet.some((s) => s.hit && s.text.includes('2022〕15')), q);
    }
    // "息公" spans two sentences in item 3 only as "。息公告": found; "信息公告" nowhere.
    assert.equal((await searchItems(db, { q: '信息公告' })).total, 0);
  });

  it('filters by year and kind, and pages', async () => {
    const { db } = t();
    assert.equal((await searchItems(db, { q: '公', filters: { year: 2021 } })).total, 1);
    assert.equal((await searchItems(db, { q: '公', filters: { kind: 'key_area' } })).total, 1);
    const all = await searchItems(db, { q: '公' });
    assert.equal(all.total, 4);
    const p2 = await searchItems(db, { q: '公', page: 2, pageSize: 3 });
    assert.equal(p2.hits.length, 1);
    // A page past the last hit still tells how many there are.
    const past = await searchItems(db, { q: '公', page: 9, pageSize: 3 });
    assert.deepEqual([past.total, past.hits.length], [4, 0]);
    assert.equal((await searchItems(db, { q: '公', filters: { organizationIds: [orgId] } })).total, 4);
    assert.equal((await searchItems(db, { q: '公', filters: { organizationIds: [orgId + 1000] } })).total, 0);
    assert.equal((await searchItems(db, { q: '公', filters: { year: 2022, kind: 'key_area' } })).total, 1);
  });

  it('counts a result beyond the exact-count limit from the index on PostgreSQL, marked as an estimate', async () => {
    const { db } = t();
    const exact = await searchItems(db, { q: '公', pageSize: 2 });
    const large = await searchItems(db, { q: '公', pageSize: 2, rankLimit: 1, exactCountLimit: 1 });
    assert.equal(exact.estimated, false);
    assert.equal(large.total, exact.total, 'no row was withdrawn: the index holds exactly the hits');
    assert.equal(large.estimated, kind === 'postgres');
    assert.equal(large.order, 'newest');
    const second = await searchItems(db, { q: '公', page: 2, pageSize: 2, rankLimit: 1, exactCountLimit: 1 });
    assert.equal(new Set([...large.hits, ...second.hits].map((h) => h.id)).size, 4, 'the pages hold every hit once');
  });

  it('counts a large result again after any write to the index, and not for its next page before', async () => {
    const { db } = t();
    const large = { q: '公', pageSize: 2, rankLimit: 1 };
    const before = await searchItems(db, large);
    assert.equal((await searchItems(db, { ...large, page: 2 })).total, before.total);
    const version = async () => (await db.selectFrom('publishing_search_version').select('version').executeTakeFirstOrThrow()).version;
    const unchanged = await version();
    const [added] = await bulkInsertPublishedItems(db, [item({ organizationId: orgId, title: '公示', publishDate: '2022-07-01' })], NOW);
    assert.notEqual(await version(), unchanged, 'a write to the index gives it a new version');
    assert.equal((await searchItems(db, large)).total, before.total + 1);
    assert.equal((await searchItems(db, { ...large, page: 2 })).total, before.total + 1);
    await removeFromIndex(db, [added]);
    assert.equal((await searchItems(db, { ...large, page: 2 })).total, before.total);
    assert.equal((await searchItems(db, large)).hits.some((h) => h.id === added), false);
  });

  if (kind === 'postgres') it('lets a write to the index go on while another transaction writing to it is open (PostgreSQL: the version changes at commit)', async () => {
    const { db } = t();
    const version = async () => (await db.selectFrom('publishing_search_version').select('version').executeTakeFirstOrThrow()).version;
    const before = await version();
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    let wrote!: () => void;
    const written = new Promise<void>((resolve) => { wrote = resolve; });
    const open = db.transaction().execute(async (trx) => {
      await removeFromIndex(trx, [ids[3]]);
      wrote();
      await held;
    });
    await written;
    try {
      // Before 0247 this waited for the open transaction's lock on the version row.
      await db.transaction().execute(async (trx) => {
        await sql`set local lock_timeout = '2s'`.execute(trx);
        await bulkInsertPublishedItems(trx, [item({ organizationId: orgId, title: '并行发布', publishDate: '2022-08-01' })], NOW);
      });
      const between = await version();
      assert.notEqual(between, before, 'the committed write gave the index a new version');
      release();
      await open;
      assert.notEqual(await version(), between, 'and so did the other at its commit');
      assert.equal((await sql<{ n: number }>`select count(*)::int as n from publishing_search_changing`.execute(db)).rows[0].n, 0, 'no note is left behind');
    } finally {
      release();
      await open.catch(() => undefined);
    }
  });

  it('never matches a query against the filter tokens', async () => {
    const { db } = t();
    // Every item is indexed with the filter tokens y2022 or y2021, o<id>, k<kind>; none has them in its text.
    for (const q of ['y2022', 'kannouncement', `o${orgId}`, 'vnone']) assert.equal((await searchItems(db, { q })).total, 0, q);
  });

  it('forgets an item removed from the index', async () => {
    const { db } = t();
    await removeFromIndex(db, [ids[2]]);
    assert.equal((await searchItems(db, { q: '张庄' })).total, 0);
  });

  it('finds a term of three or more characters only where its characters are adjacent', async () => {
    const { db } = t();
    // Every bigram of "信息公告" occurs, but in separate runs: the AND of the bigrams matches, the text does not.
    const [scattered] = await bulkInsertPublishedItems(db, [item({ organizationId: orgId, title: '信息、息公与公告的区别', publishDate: '2022-06-01' })], NOW);
    assert.equal((await searchItems(db, { q: '信息公告' })).total, 0);
    assert.equal((await searchItems(db, { q: '信息 息公 公告' })).total, 1);
    assert.deepEqual((await searchItems(db, { q: '息公与公告' })).hits.map((h) => h.id), [scattered]);
  });
});
