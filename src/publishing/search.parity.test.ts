/**
 * SQLite and PostgreSQL give the same search results: the same generated corpus goes into a
 * fresh database of each kind, and every query must find the same items with the same count,
 * each of which really contains every term (and none that contains them is missed).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openTestDatabase, postgresSkipReason, type TestDatabase } from '../db/test-databases.ts';
import { bulkInsertPublishedItems } from './items.bulk.ts';
import { generate } from './search.corpus.ts';
import { searchItems } from './search.repository.ts';
import { parseQuery, textMatches } from './search.query.ts';
import { htmlToText } from './items.rules.ts';
import { shippedCalendar } from '../calendar/shipped-holidays.ts';

const SIZE = 400;
const QUERIES = ['公开', '张庄', '庄', '滨河社区', '安全生产 整改', '〔2020〕', '石龙区 防汛 预案', '医保', '人力资源和社会保障局'];

describe('search parity of SQLite and PostgreSQL', { skip: postgresSkipReason() }, () => {
  const dbs: TestDatabase[] = [];
  const corpus = generate(SIZE, [0]);
  before(async () => {
    for (const kind of ['sqlite', 'postgres'] as const) {
      const t = await openTestDatabase(kind);
      const org = await t.db.insertInto('organizations').values({ code: 'sl', name: '石龙区', parent_id: null, kind: 'government', is_body: 1, disabled: 0, created_at: '2026-01-01T00:00:00Z' }).returning('id').executeTakeFirstOrThrow();
      await bulkInsertPublishedItems(t.db, corpus.map((c) => ({ ...c, organizationId: org.id })), new Date('2026-01-01T00:00:00Z'), { calendar: shippedCalendar() });
      dbs.push(t);
    }
  });
  after(async () => {
    for (const t of dbs) await t.close();
  });

  for (const q of QUERIES) {
    it(`“${q}”: same items, same count, exactly those containing it`, async () => {
      const [lite, pg] = await Promise.all(dbs.map((t) => searchItems(t.db, { q, pageSize: 100 })));
      const expected = corpus.filter((c) => textMatches(parseQuery(q)!, [c.title, c.docNumber ?? '', htmlToText(c.bodyHtml ?? '')].join('\n'))).length;
      assert.equal(lite.total, expected, 'SQLite finds every item containing the query, and only those');
      assert.equal(pg.total, expected, 'PostgreSQL finds every item containing the query, and only those');
      assert.deepEqual(new Set(pg.hits.map((h) => h.title + h.indexNo)).size, pg.hits.length);
      if (lite.total <= 100) assert.deepEqual(new Set(lite.hits.map((h) => h.indexNo)), new Set(pg.hits.map((h) => h.indexNo)));
    });
  }

  // Beyond the rank limit both list title hits first, then newest first: the same pages.
  for (const q of ['公开', '石龙区 防汛 预案', '安全生产 整改', '人力资源和社会保障局']) {
    it(`“${q}” as a large result: the same items in the same order on every page`, async () => {
      for (const page of [1, 2, 7]) {
        const [lite, pg] = await Promise.all(dbs.map((t) => searchItems(t.db, { q, page, pageSize: 10, rankLimit: 5 })));
        assert.equal(lite.order, 'newest');
        assert.equal(lite.total, pg.total);
        assert.deepEqual(lite.hits.map((h) => h.indexNo), pg.hits.map((h) => h.indexNo), `page ${page}`);
      }
    });
  }

  it('estimates the count of a large multi-segment result from the candidates it verified', async () => {
    const q = '〔2020〕1';
    const expected = corpus.filter((c) => textMatches(parseQuery(q)!, [c.title, c.docNumber ?? '', htmlToText(c.bodyHtml ?? '')].join('\n'))).length;
    for (const t of dbs) {
      const exact = await searchItems(t.db, { q, pageSize: 100 });
      assert.equal(exact.total, expected);
      assert.equal(exact.estimated, false);
      const large = await searchItems(t.db, { q, pageSize: 5, rankLimit: 10 });
      assert.equal(large.estimated, true);
      assert.equal(large.hits.length, 5);
      assert.ok(large.hits.every((h) => exact.hits.some((e) => e.id === h.id)), 'only items that contain the query');
      assert.ok(large.total >= 5 && large.total <= 2 * expected, `estimate ${large.total} near ${expected}`);
    }
  });
});
