/**
 * Issue 10, item 10: the chain's lock (PostgreSQL) is held from the append to the commit only.
 * An append inside a transaction is written as that transaction's last work, so a transaction
 * still busy after its append does not hold every other writer back, and the chain stays whole.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { inTransaction } from '../db/transaction.ts';
import { createAuditRepository } from './audit.repository.ts';

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
    assert.deepEqual(await db.selectFrom('audit_pending').select('id').execute(), [], 'all chained when the transactions returned');
    const { rows, problem } = await audit.verify();
    assert.equal(problem, null);
    assert.equal(rows, (await db.selectFrom('audit_log').select('id').execute()).length);
  });
});
