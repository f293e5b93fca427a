/**
 * Issue 10, load: on PostgreSQL an intake is numbered at its commit (migration 0015), so an
 * intake whose transaction is still open holds no (body, year) counter row, and the numbers
 * stay gapless: a rolled-back intake takes none; the commit tells the number in a notice (0016). Registered on PostgreSQL only (SQLite has one
 * writer and numbers a case as its transaction's last statement; the race suite covers both).
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp } from '../http/test-app.ts';
import { submitApplication } from './intake.usecases.ts';
import { queryCodeHash, trackingPrefix } from './intake.rules.ts';

describeOnBothDatabases('intake numbered at commit', (t, kind) => {
  if (kind !== 'postgres') return;

  it('lets another intake through while one is open, numbers in commit order, and a rollback takes no number (PostgreSQL)', async () => {
    const a = await createTestApp(t());
    const { db } = a.deps;
    const submit = (i: number) => submitApplication({
      raw: { organizationId: String(bodyId), channel: 'online', applicantType: '自然人', applicantName: `申请人${i}`, idKind: '居民身份证', idNumber: '410402199001011234', phone: '13800000000', email: 'z@example.cn', description: `预算公开文件（第${i}份）`, formWanted: '电子数据', deliveryWanted: '电子邮件' },
      via: 'portal', idempotencyKey: `numbering-test-${i}`.padEnd(20, 'x'), deps: a.deps,
    });
    const bodyId = (await db.selectFrom('applications').select('organization_id').where('seq', '>', 0).orderBy('id').executeTakeFirstOrThrow()).organization_id;
    const first = await submit(1);
    // The open intakes copy the first case (same body and year, so the same counter).
    const model = await db.selectFrom('applications').selectAll().where('id', '=', first.id).executeTakeFirstOrThrow();

    // An intake held open after its insert, as one whose process is slow to send COMMIT.
    const columns = (await db.selectFrom('information_schema.columns' as never).select('column_name' as never).where('table_name' as never, '=', 'applications' as never).execute() as Array<{ column_name: string }>)
      .map((c) => c.column_name).filter((c) => c !== 'id');
    const open = async (key: string, seq: number) => {
      const client = new pg.Client({ connectionString: t().url });
      await client.connect();
      const hex = randomBytes(12).toString('hex');
      const values = columns.map((c) => (c === 'seq' ? String(seq) : c === 'tracking_number' ? `'#tracking-${hex}#'` : c === 'idempotency_key' ? `'${key}'` : c));
      await client.query('begin');
      await client.query('select set_config($1, $2, true)', [`gongkai.intake_${hex}`, JSON.stringify({ prefix: trackingPrefix(model.year, bodyId), code: 'ABCD2345' })]);
      const { rows } = await client.query<{ case_id: number }>(
        `with c as (insert into applications (${columns.join(', ')}) select ${values.join(', ')} from applications where id = $1 returning id) insert into intake_numbering (case_id) select id from c returning case_id`,
        [model.id],
      );
      const notices: string[] = [];
      client.on('notice', (n) => notices.push(n.message ?? ''));
      return { client, id: rows[0]!.case_id, hex, notices };
    };
    const held = await open('numbering-test-held-open', -7);
    const dropped = await open('numbering-test-rolled-back', -8);
    let second!: Awaited<ReturnType<typeof submit>>;
    try {
      const within = (p: Promise<unknown>) => Promise.race([p.then(() => 'done'), new Promise((r) => setTimeout(() => r('waited'), 5000))]);
      assert.equal(await within(submit(2).then((r) => (second = r))), 'done', 'the open intakes hold no counter row');
      await dropped.client.query('rollback');
      await held.client.query('commit');
    } finally {
      await held.client.end();
      await dropped.client.end();
    }
    const third = await submit(3);
    const seqOf = async (id: number) => (await db.selectFrom('applications').select(['seq', 'tracking_number', 'query_code_hash']).where('id', '=', id).executeTakeFirstOrThrow());
    const [s1, s2, sh, s3] = await Promise.all([first.id, second.id, held.id, third.id].map(seqOf));
    assert.deepEqual([s1!.seq, s2!.seq, sh!.seq, s3!.seq].map((s) => s - s1!.seq), [0, 1, 2, 3], 'gapless, in commit order; the rolled-back intake took none');
    assert.equal(sh!.query_code_hash, queryCodeHash(sh!.tracking_number, 'ABCD2345'));
    // The commit tells its connection the number (0016): a submission answers it without reading it back.
    assert.deepEqual(held.notices, [`gongkai-intake #tracking-${held.hex}# ${sh!.tracking_number}`]);
    assert.deepEqual(dropped.notices, [], 'a rolled-back intake is told nothing');
    assert.deepEqual([first, second, third].map((r) => r.trackingNumber), [s1!, s2!, s3!].map((s) => s.tracking_number));
    assert.equal(await db.selectFrom('applications').select('id').where('idempotency_key', '=', 'numbering-test-rolled-back').executeTakeFirst(), undefined);
    assert.deepEqual(await db.selectFrom('intake_numbering').selectAll().execute(), [], 'the numbering table is empty after the commits');
    await a.app.close();
  });
});
