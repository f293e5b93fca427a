import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { bulkInsertPublishedItems, type PublishedItemInput } from './items.bulk.ts';
import { searchItems } from './search.repository.ts';
import { roughly } from './search.sample.ts';
import { SAMPLE_RATIO } from './search.sample-index.ts';

const NOW = new Date('2022-12-30T02:00:00Z');
const ITEMS = 4_000;
/** Items whose text holds 政务公开通知; the others hold 其他事项说明. Neither a round number. */
const HOLDING = 2_601;

/** The sample rows (one in 32 by a hash of the id, migration 0250) whose body holds `text` (and of `kind`), counted by hand. */
async function sampledHolding(db: Kysely<Database>, text: string, kind?: string): Promise<number> {
  const r = await sql<{ n: string }>`select count(*) as n from publishing_items i
    where (hashint4(i.id::int4) & ${sql.raw(String(SAMPLE_RATIO - 1))}) = 0 and i.body_html like ${`%${text}%`}
      ${kind ? sql`and i.kind = ${kind}` : sql``}`.execute(db);
  return Number(r.rows[0].n);
}

describeOnBothDatabases('a large result counted from the sample of the index', (t, kind) => {
  // Limits lowered so that 2,601 hits are "large" (the product's: 5,000, 10,000, 100,000 and 1,000 sample hits).
  const large = { rankLimit: 50, exactCountLimit: 100, statisticsCountFrom: 1_000, pageSize: 10 };
  /** Between the sample hits of the two sets (asserted below): the larger is estimated, the smaller not. */
  let sampleHitsFrom = 0;

  before(async () => {
    const { db } = t();
    const org = await db.insertInto('organizations').values({ code: 'sl', name: '石龙区人民政府', parent_id: null, kind: 'government', is_body: 1, disabled: 0, created_at: NOW.toISOString() }).returning('id').executeTakeFirstOrThrow();
    const items: PublishedItemInput[] = Array.from({ length: ITEMS }, (_, i) => ({
      organizationId: org.id,
      kind: i % 2 ? 'announcement' : 'policy_document',
      publishDate: '2022-05-10',
      title: `第${i + 1}号事项`,
      bodyHtml: i < HOLDING ? '<p>政务公开通知</p>' : '<p>其他事项说明</p>',
    }));
    await bulkInsertPublishedItems(db, items, NOW);
    if (kind === 'postgres') {
      await sql`analyze publishing_search_docs_p0, publishing_search_docs_p1`.execute(db);
      const holding = await sampledHolding(db, '政务公开通知');
      const others = await sampledHolding(db, '其他事项说明');
      // About 81 and 44 of the 125 sample rows: the test needs a threshold between them.
      assert.ok(holding - others >= 10, `${holding} and ${others} sample hits`);
      sampleHitsFrom = others + 5;
    }
  });

  it('estimates a term of several lexemes and a 3-character prefix from the sample on PostgreSQL, marked as an estimate', async () => {
    const { db } = t();
    for (const q of ['公开 通知', '务公开']) {
      const r = await searchItems(db, { q, ...large, sampleHitsFrom });
      assert.equal(r.order, 'newest', q);
      assert.equal(r.hits.length, 10, `${q}: the page is listed as before`);
      if (kind === 'sqlite') {
        assert.equal(r.total, HOLDING, `${q}: SQLite counts exactly`);
        assert.equal(r.estimated, false);
        continue;
      }
      assert.equal(r.estimated, true, q);
      assert.equal(r.total, roughly((await sampledHolding(db, '政务公开通知')) * SAMPLE_RATIO), `${q}: the sample's hits times ${SAMPLE_RATIO}`);
      assert.ok(Math.abs(r.total - HOLDING) <= HOLDING * 0.25, `${q}: ${r.total} is near ${HOLDING}`);
    }
  });

  it('estimates a filtered term from the sample too (the filter tokens are in its index)', async () => {
    const { db } = t();
    const r = await searchItems(db, { q: '公开 通知', filters: { kind: 'announcement' }, ...large, statisticsCountFrom: 500, sampleHitsFrom: 1 });
    if (kind === 'sqlite') return assert.equal(r.total, Math.floor(HOLDING / 2));
    assert.equal(r.total, roughly((await sampledHolding(db, '公开通知', 'announcement')) * SAMPLE_RATIO));
    assert.equal(r.estimated, true);
  });

  it('counts from the full index a result whose sample hits are too few, or that is below the threshold', async () => {
    const { db } = t();
    // 1,399 items hold 其他 and 说明: fewer sample hits than the threshold.
    assert.equal((await searchItems(db, { q: '其他 说明', ...large, sampleHitsFrom })).total, ITEMS - HOLDING);
    // Enough sample hits, but an estimate under statisticsCountFrom.
    assert.equal((await searchItems(db, { q: '公开 通知', ...large, sampleHitsFrom, statisticsCountFrom: 10_000 })).total, HOLDING);
    // The product's limits: 2,601 hits are far below them.
    assert.equal((await searchItems(db, { q: '务公开', rankLimit: 50, exactCountLimit: 100 })).total, HOLDING);
  });
});
