/**
 * Issue 10, item 10: no request waits for the chain's lock (PostgreSQL). An append inserts an
 * unchained row (in a transaction, as its last work) and a sealing run after the commit chains
 * the pending rows in the background; the chain stays whole, and a row whose process died before
 * the sealing run is chained by the next one.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { inTransaction } from '../db/transaction.ts';
import { AUDIT_LOCK_KEY, createAuditRepository } from './audit.repository.ts';

describeOnBothDatabases('audit chain under concurrent writers', (t, kind) => {
  const now = new Date('2026-01-05T01:00:00Z');

  it('writes an append in a transaction at its end, in the order appended, and drops it on rollback', async () => {
    const { db } = t();
    const audit = createAuditRepository({ db });
    await inTransaction(db, async (trx) => {
      await audit.append({ action: 'test.first', detail: {} }, now, trx);
      await audit.append({ action: 'test.second', detail: {} }, now, trx);
      const seen = await trx.selectFrom('audit_log').select('action').where('action', 'like', 'test.%').execute();
      assert.deepEqual(seen, [], 'not written before the end of the transaction');
    });
    await assert.rejects(
      inTransaction(db, async (trx) => {
        await audit.append({ action: 'test.rolled_back', detail: {} }, now, trx);
        throw new Error('refused');
      }),
      /refused/,
    );
    await audit.sealPending();
    const rows = await db.selectFrom('audit_log').select('action').where('action', 'like', 'test.%').orderBy('id').execute();
    assert.deepEqual(rows.map((r) => r.action), ['test.first', 'test.second']);
  });

  // SQLite has one writer, so the case exists on PostgreSQL only (registered there, never skipped).
  if (kind === 'postgres') it('lets another writer append while a transaction that appended is still busy (PostgreSQL)', async () => {
    const { db } = t();
    const audit = createAuditRepository({ db });
    let finish!: () => void;
    const busy = new Promise<void>((resolve) => (finish = resolve));
    let appended!: () => void;
    const didAppend = new Promise<void>((resolve) => (appended = resolve));
    const slow = inTransaction(db, async (trx) => {
      await audit.append({ action: 'test.slow', detail: {} }, now, trx);
      appended();
      await busy;
    });
    await didAppend;
    const other = audit.append({ action: 'test.other', detail: {} }, now);
    const first = await Promise.race([other.then(() => 'other'), new Promise((r) => setTimeout(() => r('timeout'), 3000))]);
    finish();
    await slow;
    await other;
    assert.equal(first, 'other', 'the other append did not wait for the busy transaction');
  });

  it('chains rows a process left pending (it died after its commit) before the new ones', async () => {
    const { db } = t();
    const audit = createAuditRepository({ db });
    // A process that died between its commit and the chaining leaves its rows in audit_pending.
    await db.insertInto('audit_pending').values({ at: now.toISOString(), user_id: null, username: null, action: 'test.orphan', target_type: null, target_id: null, ip: null, detail: '{}' }).execute();
    await inTransaction(db, async (trx) => {
      await audit.append({ action: 'test.after_orphan', detail: {} }, now, trx);
    });
    await audit.sealPending();
    const rows = await db.selectFrom('audit_log').select('action').where('action', 'in', ['test.orphan', 'test.after_orphan']).orderBy('id').execute();
    assert.deepEqual(rows.map((r) => r.action), ['test.orphan', 'test.after_orphan']);
    assert.deepEqual(await db.selectFrom('audit_pending').select('id').execute(), []);
    assert.equal((await audit.verify()).problem, null);
  });

  it('keeps one unforked chain under 30 concurrent transactions', async () => {
    const { db } = t();
    const audit = createAuditRepository({ db });
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        inTransaction(db, async (trx) => {
          await audit.append({ action: 'test.parallel', targetId: i, detail: { i } }, now, trx);
          await trx.selectFrom('users').select('id').execute();
        }),
      ),
    );
    await audit.sealPending();
    assert.deepEqual(await db.selectFrom('audit_pending').select('id').execute(), [], 'all chained by the sealing runs');
    const { rows, problem } = await audit.verify();
    assert.equal(problem, null);
    assert.equal(rows, (await db.selectFrom('audit_log').select('id').execute()).length);
  });

  it('answers an append before the sealing run, and the next run chains what a dead process left', async () => {
    const { db } = t();
    // A process that committed its rows and died before its sealing run: the rows are pending.
    await db.insertInto('audit_pending').values({ at: now.toISOString(), user_id: null, username: null, action: 'test.died_before_seal', target_type: null, target_id: null, ip: null, detail: '{}' }).execute();
    const before = await db.selectFrom('audit_log').select('id').where('action', '=', 'test.died_before_seal').execute();
    assert.deepEqual(before, [], 'not chained while no run has gone');
    // A new process (a fresh repository) appends: its run chains the orphan first, then its own row.
    const audit = createAuditRepository({ db });
    await audit.append({ action: 'test.standalone', detail: {} }, now);
    await audit.sealPending();
    const rows = await db.selectFrom('audit_log').select('action').where('action', 'in', ['test.died_before_seal', 'test.standalone']).orderBy('id').execute();
    assert.deepEqual(rows.map((r) => r.action), ['test.died_before_seal', 'test.standalone']);
    assert.deepEqual(await db.selectFrom('audit_pending').select('id').execute(), []);
    assert.equal((await audit.verify()).problem, null);
  });

  // The lock exists on PostgreSQL only (SQLite has one writer); registered there, never skipped.
  if (kind === 'postgres') it('commits appends while another session holds the chain\'s lock, and chains them once it is free (PostgreSQL)', async () => {
    const { db, url } = t();
    const audit = createAuditRepository({ db });
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query('select pg_advisory_xact_lock($1)', [AUDIT_LOCK_KEY]);
      const within = (p: Promise<unknown>) => Promise.race([p.then(() => 'done'), new Promise((r) => setTimeout(() => r('waited'), 3000))]);
      assert.equal(await within(inTransaction(db, (trx) => audit.append({ action: 'test.locked_in_trx', detail: {} }, now, trx))), 'done');
      assert.equal(await within(audit.append({ action: 'test.locked_alone', detail: {} }, now)), 'done');
      const pending = await db.selectFrom('audit_pending').select('action').where('action', 'like', 'test.locked_%').orderBy('id').execute();
      assert.deepEqual(pending.map((r) => r.action), ['test.locked_in_trx', 'test.locked_alone'], 'durable, waiting to be chained');
      await holder.query('commit');
    } finally {
      await holder.end();
    }
    await audit.sealPending();
    const rows = await db.selectFrom('audit_log').select('action').where('action', 'like', 'test.locked_%').orderBy('id').execute();
    assert.deepEqual(rows.map((r) => r.action), ['test.locked_in_trx', 'test.locked_alone']);
    assert.equal((await audit.verify()).problem, null);
  });
});
