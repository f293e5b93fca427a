/**
 * The open-cases list (`open=true`) is read from the partial index applications_open_list_order
 * (migration 0243) in list order, without sorting every open case, and shows exactly the pages
 * the plain query (status bound as parameters, sorted) shows, on both databases, overall and
 * within a clerk's bodies; its capped total is unchanged.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import type { Database } from '../db/database.ts';
import { createApplicationsRepository, openStatusFilter, OPEN_STATUSES } from './applications.repository.ts';

const STATUSES = ['submitted', 'in_progress', 'decided', 'awaiting_correction', 'consulting', 'awaiting_fee', 'withdrawn', 'closed'];

async function seed(db: Kysely<Database>): Promise<number[]> {
  const seeded = await db.selectFrom('organizations').select('id').where('code', 'like', 'ol-%').orderBy('code').execute();
  if (seeded.length) return seeded.map((o) => o.id);
  const at = '2026-03-01T00:00:00Z';
  const orgs = await db.insertInto('organizations').values([0, 1, 2].map((i) => ({ code: `ol-${i}`, name: `开放单位${i}`, parent_id: null, kind: 'government', is_body: 1, disabled: 0, created_at: at }))).returning('id').execute();
  const ids = orgs.map((o) => o.id);
  const rows = Array.from({ length: 90 }, (_, i) => {
    const status = STATUSES[i % STATUSES.length]!;
    // Ties on the due date (only 5 dates) and some open cases without one, to test every key.
    const due = i % 11 === 0 ? null : `2026-03-${String(10 + (i % 5)).padStart(2, '0')}`;
    const org = ids[i % 3]!;
    return {
      organization_id: org, unit_id: ids[(i + (i % 2)) % 3]!, tracking_number: `OL${i}`, query_code_hash: 'x', year: 2026, seq: 5000 + i, channel: 'online',
      submitted_date: '2026-02-01', received_date: '2026-02-01', applicant_type: '自然人', applicant_name: `申请人${i}`, applicant_id_kind: '居民身份证',
      applicant_id_masked: '4104**********0000', applicant_id_hash: null, applicant_key: `ol${i}`, contact_person: '', phone: '', email: '', address: '',
      postcode: '', request_description: '某项政府信息', request_document_no: '', purpose: '', form_wanted: '电子数据', delivery_wanted: '电子邮件', item_count: 1,
      status, due_date: due, assignee_id: null, extension_pending: 0, decision_date: null, outcome: null, fee_paid_yuan: 0, fee_paid_date: null,
      idempotency_key: null, event_count: 0, created_at: at, updated_at: at,
    };
  });
  await db.insertInto('applications').values(rows as never).execute();
  return ids;
}

describeOnBothDatabases('open-cases list order', (t, kind) => {
  it('pages through open cases exactly as the sorted parameterised query does', async () => {
    const db = t().db;
    const ids = await seed(db);
    const repo = createApplicationsRepository({ db });
    const before = (visible?: number[]) => {
      let q = db.selectFrom('applications').select('id').where('status', 'in', OPEN_STATUSES);
      if (visible) q = q.where((eb) => eb.or([eb('organization_id', 'in', visible), eb('unit_id', 'in', visible)]));
      return q.orderBy(sql`due_date is null`).orderBy('due_date').orderBy('id', 'desc');
    };
    for (const visible of [undefined, [ids[1]!], [ids[0]!, ids[2]!]]) {
      const all = (await before(visible).execute()).map((r) => r.id);
      assert.ok(all.length > 10, 'enough open cases to page through');
      for (const offset of [0, 7, 14, all.length - 3]) {
        const page = await repo.list({ open: true, visibleOrgIds: visible, limit: 7, offset });
        assert.deepEqual(page.rows.map((r) => r.id), all.slice(offset, offset + 7), `offset ${offset}, scope ${visible ?? 'all'}`);
        assert.ok(page.rows.every((r) => OPEN_STATUSES.includes(r.status)));
        assert.deepEqual([page.total, page.totalCapped], [all.length, false]);
      }
    }
  });

  it('walks the open cases in list order from the partial index, with no sort', async () => {
    const db = t().db;
    await seed(db);
    const page = db.selectFrom('applications').selectAll().where(openStatusFilter(kind))
      .orderBy(sql`due_date is null`).orderBy('due_date').orderBy('id', 'desc').limit(20).offset(180).compile();
    let n = 0;
    const text = page.sql.replace(/\$\d+|\?/g, () => String(page.parameters[n++]));
    if (kind === 'sqlite') {
      // A table this small is read however the planner likes (at scale the bench prints the
      // plan); INDEXED BY fails with "no query solution" unless the partial index's WHERE is
      // implied by the list's, which is what must not regress.
      const forced = text.replace('from "applications"', 'from "applications" indexed by applications_open_list_order');
      const plan = (await sql.raw(`explain query plan ${forced}`).execute(db)).rows.map((r) => String((r as { detail: string }).detail)).join('\n');
      assert.match(plan, /USING INDEX applications_open_list_order/);
      assert.doesNotMatch(plan, /TEMP B-TREE/, 'no sort step');
    } else {
      await db.transaction().execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        await sql`set local enable_bitmapscan = off`.execute(trx);
        const plan = (await sql.raw(`explain ${text}`).execute(trx)).rows.map((r) => String((r as Record<string, unknown>)['QUERY PLAN'])).join('\n');
        assert.match(plan, /Index Scan using applications_open_list_order/);
        assert.doesNotMatch(plan, /Sort/);
      });
    }
  });
});
