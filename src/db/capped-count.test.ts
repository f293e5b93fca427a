/**
 * A list's total stops counting past the cap (province-scale lists): exact below it, the cap with
 * `totalCapped` above it, exact again when no cap is asked for (portal pagers), on both databases.
 * The list pages themselves walk the 0241 indexes in list order on either database.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeOnBothDatabases } from './test-databases.ts';
import { cappedCount } from './capped-count.ts';

describeOnBothDatabases('capped list count', (t, kind) => {
  it('counts exactly up to the cap and says when more rows match', async () => {
    const db = t().db;
    const at = '2026-03-01T00:00:00Z';
    await db.insertInto('organizations').values(Array.from({ length: 12 }, (_, i) => ({ code: `cc-${i}`, name: `单位${i}`, parent_id: null, kind: 'government', is_body: 1, disabled: 0, created_at: at }))).execute();
    const mine = () => db.selectFrom('organizations').where('code', 'like', 'cc-%');
    assert.deepEqual(await cappedCount(db, mine(), 20), { total: 12, totalCapped: false });
    assert.deepEqual(await cappedCount(db, mine(), 12), { total: 12, totalCapped: false }, 'exactly the cap is not capped');
    assert.deepEqual(await cappedCount(db, mine(), 10), { total: 10, totalCapped: true });
    assert.deepEqual(await cappedCount(db, mine(), Number.MAX_SAFE_INTEGER), { total: 12, totalCapped: false });
  });

  it('reads the newest-first item page from an index, without sorting every item', async () => {
    const db = t().db;
    const page = db.selectFrom('publishing_items').selectAll().orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(20).compile();
    if (kind === 'sqlite') {
      const plan = (await sql.raw(`explain query plan ${page.sql.replace('?', '20')}`).execute(db)).rows.map((r) => String((r as { detail: string }).detail)).join('\n');
      assert.match(plan, /USING INDEX publishing_items_updated/);
      assert.doesNotMatch(plan, /TEMP B-TREE/, 'no sort step');
    } else {
      // A small table would be sorted anyway; with sequential scans off the index must be usable.
      await db.transaction().execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        const plan = (await sql.raw(`explain ${page.sql.replace('$1', '20')}`).execute(trx)).rows.map((r) => String((r as Record<string, unknown>)['QUERY PLAN'])).join('\n');
        assert.match(plan, /Index Scan Backward using publishing_items_updated/);
        assert.doesNotMatch(plan, /Sort/);
      });
    }
  });
});
