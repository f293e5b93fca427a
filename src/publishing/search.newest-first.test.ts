/**
 * A result larger than the rank limit is listed title hits first, then the others, each newest
 * first, with exact counts and pages that neither skip nor repeat an item; the same on both
 * databases. The tests lower the rank limit to reach that order with a handful of items.
 */
import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { bulkInsertPublishedItems, type PublishedItemInput } from './items.bulk.ts';
import { searchItems } from './search.repository.ts';

const NOW = new Date('2022-12-30T02:00:00Z');

describeOnBothDatabases('search: the order of a large result', (t) => {
  // Inserted in this order, so ids rise from a1 to e: "newest" is the later one.
  const names = ['a1', 'b1', 'a2', 'b2', 'c', 'a3', 'b3', 'e'] as const;
  const id: Record<string, number> = {};
  before(async () => {
    const { db } = t();
    const org = await db.insertInto('organizations').values({ code: 'sl', name: '石龙区人民政府', parent_id: null, kind: 'government', is_body: 1, disabled: 0, created_at: NOW.toISOString() }).returning('id').executeTakeFirstOrThrow();
    const text: Record<(typeof names)[number], [string, string]> = {
      a1: ['防汛应急预案（2019年）', '<p>做好防汛工作。</p>'],
      b1: ['汛期值班安排', '<p>全区防汛抗旱指挥部办公室值班表。</p>'],
      a2: ['防汛物资储备公示', '<p>储备清单见附件。</p>'],
      b2: ['水利工作要点', '<p>完善防汛预案体系。</p>'],
      // The title holds 防 and 汛 apart: not a title hit for "防汛".
      c: ['防火与汛期安全提示', '<p>防汛、防火两手抓。</p>'],
      a3: ['2022年防汛工作方案', '<p>压实防汛责任。</p>'],
      b3: ['应急管理局工作动态', '<p>开展防汛演练。</p>'],
      e: ['抗旱保苗工作通知', '<p>与本查询无关。</p>'],
    };
    const items: PublishedItemInput[] = names.map((n) => ({ organizationId: org.id, kind: 'announcement', publishDate: n === 'a1' ? '2019-06-01' : '2022-05-10', title: text[n][0], bodyHtml: text[n][1] }));
    const ids = await bulkInsertPublishedItems(db, items, NOW);
    names.forEach((n, i) => (id[n] = ids[i]));
  });

  const by = (...n: string[]) => n.map((x) => id[x]);

  it('ranks a result within the rank limit by relevance, titles first', async () => {
    const r = await searchItems(t().db, { q: '防汛', pageSize: 10 });
    assert.equal(r.order, 'relevance');
    assert.equal(r.total, 7);
    assert.deepEqual(new Set(r.hits.slice(0, 3).map((h) => h.id)), new Set(by('a1', 'a2', 'a3')));
  });

  it('lists a larger result title hits first, then the others, each newest first', async () => {
    const r = await searchItems(t().db, { q: '防汛', pageSize: 10, rankLimit: 3 });
    assert.equal(r.order, 'newest');
    assert.equal(r.estimated, false);
    assert.equal(r.total, 7);
    assert.deepEqual(r.hits.map((h) => h.id), by('a3', 'a2', 'a1', 'b3', 'c', 'b2', 'b1'));
  });

  it('pages across the border between title hits and the others without gap or repeat', async () => {
    const pages = [];
    for (let page = 1; page <= 4; page++) pages.push((await searchItems(t().db, { q: '防汛', page, pageSize: 2, rankLimit: 3 })).hits.map((h) => h.id));
    assert.deepEqual(pages, [by('a3', 'a2'), by('a1', 'b3'), by('c', 'b2'), by('b1')]);
    assert.deepEqual((await searchItems(t().db, { q: '防汛', page: 5, pageSize: 2, rankLimit: 3 })).hits, []);
  });

  it('pages alike when PostgreSQL knows the table well enough to sort the title hits without counting them', async () => {
    const { db, kind } = t();
    // With the table's row count known (ANALYZE), a result this small is sorted, never walked,
    // and its title set is not counted first: page 3 starts past the title hits.
    if (kind === 'postgres') await sql`analyze publishing_search_docs`.execute(db);
    const pages = [];
    for (let page = 1; page <= 4; page++) pages.push((await searchItems(db, { q: '防汛', page, pageSize: 2, rankLimit: 3 })).hits.map((h) => h.id));
    assert.deepEqual(pages, [by('a3', 'a2'), by('a1', 'b3'), by('c', 'b2'), by('b1')]);
    const r = await searchItems(db, { q: '防汛 工作', pageSize: 10, rankLimit: 1 });
    assert.deepEqual(r.hits.map((h) => h.id), by('a3', 'b3', 'b2', 'a1'));
  });

  it('applies filters and several terms in the large order too', async () => {
    const r = await searchItems(t().db, { q: '防汛 工作', pageSize: 10, rankLimit: 1 });
    // Both terms in the title: a3 only. The others hold them in title and body together (b3, a1)
    // or in the body alone (b2).
    assert.deepEqual(r.hits.map((h) => h.id), by('a3', 'b3', 'b2', 'a1'));
    const in2022 = await searchItems(t().db, { q: '防汛', filters: { year: 2022 }, rankLimit: 1 });
    assert.equal(in2022.total, 6);
    assert.deepEqual(in2022.hits.map((h) => h.id), by('a3', 'a2', 'b3', 'c', 'b2', 'b1'));
    assert.equal((await searchItems(t().db, { q: '防汛', filters: { kind: 'policy_document' }, rankLimit: 1 })).total, 0);
  });

  it('verifies a multi-segment term in the large order and counts exactly when every candidate was examined', async () => {
    // "2022年" is the word 2022 and the character 年: candidates hold both, a3 has them together.
    const r = await searchItems(t().db, { q: '2022年', rankLimit: 0 });
    assert.equal(r.order, 'newest');
    assert.deepEqual(r.hits.map((h) => h.id), by('a3'));
    assert.equal(r.total, 1);
  });

  it('lists only exact hits of a term longer than four characters; PostgreSQL estimates such a large count', async () => {
    const { db, kind } = t();
    // Every 4-character piece of 信息公开指南 is here, never the whole term.
    await bulkInsertPublishedItems(db, [{ organizationId: (await db.selectFrom('organizations').select('id').executeTakeFirstOrThrow()).id, kind: 'announcement', publishDate: '2022-06-01', title: '信息公开。息公开指？公开指南', bodyHtml: '<p>无关</p>' }], NOW);
    const ranked = await searchItems(db, { q: '信息公开指南' });
    assert.deepEqual([ranked.total, ranked.hits.length, ranked.estimated], [0, 0, false]);
    const large = await searchItems(db, { q: '信息公开指南', rankLimit: 0 });
    assert.deepEqual(large.hits, []);
    // SQLite counts the phrase exactly; PostgreSQL counts items holding every piece, and says so.
    assert.deepEqual([large.total, large.estimated], kind === 'sqlite' ? [0, false] : [1, true]);
  });

  it('verifies no deeper than the rank limit for a large multi-segment result, however far one pages', async () => {
    const { db } = t();
    // "2022年" with rank limit 0: at most one page's worth of candidates is examined, so page 1000 is empty.
    const deep = await searchItems(db, { q: '2022年', page: 1000, rankLimit: 0 });
    assert.deepEqual(deep.hits, []);
    assert.equal(deep.order, 'newest');
  });
});
