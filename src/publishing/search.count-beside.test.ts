/**
 * PostgreSQL: the index's count of a search (search.match.ts `indexedCount`) counts the second
 * half of the index table on another connection of the pool at the same time as the first, when
 * one is idle (db/dialect.ts `onIdleConnection`), and gives the same count either way; a search
 * never waits for that connection, so searches that hold every connection of the pool still end.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import { openTestDatabase, postgresSkipReason, type TestDatabase } from '../db/test-databases.ts';
import { onIdleConnection, openDatabase } from '../db/dialect.ts';
import type { Database } from '../db/database.ts';
import { bulkInsertPublishedItems, type PublishedItemInput } from './items.bulk.ts';
import { searchItems } from './search.repository.ts';
import { besideOn } from './search.counts.ts';
import { indexedCount, matchSql, searchSettings, type BesideRunner } from './search.match.ts';
import { parseQuery } from './search.query.ts';

const NOW = new Date('2022-12-30T02:00:00Z');
const ITEMS = 300;
/** Items holding 公开: not a round number, so a half counted twice or not at all is told apart. */
const HOLDING = 217;

/** Two connections opened and idle, as on a site that has served two requests at once. */
async function warm(db: Kysely<Database>): Promise<void> {
  await Promise.all([1, 2].map(() => db.transaction().execute((trx) => sql`select pg_sleep(0.01)`.execute(trx))));
}

describe('a count made beside the search on a second connection [postgres]', { skip: postgresSkipReason() }, () => {
  let t: TestDatabase;
  const opened: Kysely<Database>[] = [];
  const open = (poolSize: number) => {
    const db = openDatabase(t.url, { poolSize });
    opened.push(db);
    return db;
  };
  before(async () => {
    t = await openTestDatabase('postgres');
    const org = await t.db.insertInto('organizations').values({ code: 'sl', name: '石龙区人民政府', parent_id: null, kind: 'government', is_body: 1, disabled: 0, created_at: NOW.toISOString() }).returning('id').executeTakeFirstOrThrow();
    const items: PublishedItemInput[] = Array.from({ length: ITEMS }, (_, i) => ({
      organizationId: org.id,
      kind: 'announcement',
      publishDate: '2022-05-10',
      title: i < HOLDING && i % 3 === 0 ? `政务公开第${i}号` : `第${i}号事项`,
      bodyHtml: i < HOLDING ? '<p>信息公开通知</p>' : '<p>其他事项说明</p>',
    }));
    await bulkInsertPublishedItems(t.db, items, NOW);
  });
  // A search left waiting for a connection (the defect these tests look for) would keep its pool from closing.
  after(async () => {
    for (const db of opened) await db.destroy();
    await t?.close();
  }, { timeout: 30_000 });

  it('runs on another connection, read only, and not at all when no connection is idle', { timeout: 30_000 }, async () => {
    const db = open(2);
    await warm(db);
    await db.transaction().execute(async (trx) => {
      const own = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx)).rows[0].pid;
      const beside = await onIdleConnection(db, async (query) => (await query('select pg_backend_pid() as pid', []))[0] as { pid: number });
      assert.ok(beside, 'the second connection was idle');
      assert.notEqual(beside.value.pid, own);
      await assert.rejects(onIdleConnection(db, (query) => query('create table beside_write (a int)', [])), /read-only transaction/);
    });
    assert.equal((await sql<{ n: number }>`select count(*)::int as n from pg_tables where tablename = 'beside_write'`.execute(db)).rows[0].n, 0);

    const single = open(1);
    await single.transaction().execute(async (trx) => {
      await sql`select 1`.execute(trx);
      const started = performance.now();
      assert.equal(await onIdleConnection(single, (query) => query('select 1', [])), undefined, 'the one connection is the transaction\'s');
      assert.ok(performance.now() - started < 1_000, 'not waited for');
    });
    assert.equal(await onIdleConnection(openDatabase('sqlite::memory:'), async () => 1), undefined, 'SQLite has no pool');
  });

  it('gives the same count beside as alone, and counts here a half the other connection failed to count', { timeout: 30_000 }, async () => {
    const db = open(4);
    await warm(db);
    const exact = Number((await sql<{ n: number }>`select count(*) as n from publishing_search_docs where tsv @@ '''公开'''::tsquery`.execute(db)).rows[0].n);
    assert.equal(exact, HOLDING);
    const m = matchSql(db, parseQuery('公开')!, {});
    let ran = 0;
    const counting = besideOn(db);
    const beside: BesideRunner = async (statement) => {
      const rows = await counting(statement);
      if (rows) ran++;
      return rows;
    };
    const failing: BesideRunner = async () => {
      throw new Error('connection terminated');
    };
    await db.transaction().execute(async (trx) => {
      await sql`select ${searchSettings()}`.execute(trx);
      assert.equal(await indexedCount(trx, m), HOLDING, 'alone');
      assert.equal(await indexedCount(trx, m, beside), HOLDING, 'beside');
      assert.equal(ran, 1, 'one half counted on the other connection');
      assert.equal(await indexedCount(trx, m, failing), HOLDING, 'the failed half counted here');
    });
  });

  it('answers the same with or without an idle connection, and searches that hold every connection all end', { timeout: 30_000 }, async () => {
    // Limits lowered so that 217 hits are a large result counted by the index (the product's: 5,000 and 10,000).
    const large = { rankLimit: 20, exactCountLimit: 50, pageSize: 10 };
    const one = open(1);
    const alone = await searchItems(one, { q: '公开', ...large });
    assert.equal(alone.total, HOLDING);
    assert.equal(alone.order, 'newest');
    const pooled = open(3);
    await warm(pooled);
    const beside = await searchItems(pooled, { q: '公开', ...large });
    assert.deepEqual({ total: beside.total, ids: beside.hits.map((h) => h.id) }, { total: alone.total, ids: alone.hits.map((h) => h.id) });

    // Twelve at once on three connections, each search asking for a second one while others hold theirs.
    const crowded = open(3);
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => searchItems(crowded, { q: i % 2 ? '公开' : '政务公开', page: 1 + (i % 3), ...large })));
    for (const [i, r] of answers.entries()) {
      const expected = await searchItems(one, { q: i % 2 ? '公开' : '政务公开', page: 1 + (i % 3), ...large });
      assert.deepEqual({ total: r.total, ids: r.hits.map((h) => h.id) }, { total: expected.total, ids: expected.hits.map((h) => h.id) }, `search ${i}`);
    }
  });
});
