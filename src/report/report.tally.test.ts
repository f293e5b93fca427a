/**
 * The fast path (cases counted by GROUP BY in the database) gives the very report the record
 * path (every case loaded and counted one by one) gives: every figure, finding and cell count,
 * on the demo data and on a generated dataset that puts dates on both sides of each year bound,
 * undecided and outcome-less cases, an unknown applicant type and fees inside and outside the
 * year. On both databases.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { createOrganizationsRepository, type Organization } from '../auth/organizations.repository.ts';
import { addCalendarDays } from '../calendar/calendar-dates.ts';
import { buildReport } from './report.build.ts';
import { defaultNarrative } from './report.narrative.ts';
import { APPLICANT_TYPES, OUTCOME_KEYS } from './report.model.ts';

describeOnBothDatabases('annual report: counted in the database or case by case', (t) => {
  let app: TestApp;

  const bothWays = async (body: Organization, year: number) => {
    const ctx = { deps: app.deps };
    const fast = await buildReport(ctx, body, year, defaultNarrative());
    const slow = await buildReport({ ...ctx, drillDown: true }, body, year, defaultNarrative());
    assert.equal(fast.cells, null, 'the fast path has no ids to show');
    assert.deepEqual(fast.report, slow.report, `${body.code} ${year}`);
    assert.deepEqual(fast.findings, slow.findings, `${body.code} ${year}`);
    assert.deepEqual(fast.problems, slow.problems, `${body.code} ${year}`);
    assert.deepEqual(fast.cellCounts, Object.fromEntries(Object.entries(slow.cells!).map(([k, v]) => [k, v.ids.length])));
    assert.deepEqual(fast.cellCounts, slow.cellCounts);
    return fast;
  };

  it('gives the same report for every body and year of the demo data', async () => {
    app = await createTestApp(t(), '2023-01-10T02:00:00Z');
    const bodies = (await createOrganizationsRepository(app.deps).list()).filter((o) => o.isBody);
    let counted = 0;
    for (const body of bodies) {
      for (const year of [2021, 2022, 2023]) counted += (await bothWays(body, year)).report.applications.rows.newReceived[6] as number;
    }
    assert.ok(counted > 0, 'the demo data has applications to count');
  });

  it('gives the same report on a generated dataset crossing every bound', async () => {
    const now = new Date().toISOString();
    const org = await app.deps.db.insertInto('organizations').values({ code: 'tally', name: '生成数据测试局', parent_id: null, kind: 'department', is_body: 1, disabled: 0, created_at: now }).returning('id').executeTakeFirstOrThrow();
    const body = (await createOrganizationsRepository(app.deps).byId(Number(org.id)))!;
    // Dates walk from 2020-12-20 past 2023-01-10, so each year's first and last day is hit.
    const types = [...APPLICANT_TYPES, '其他类型'];
    const rows = [];
    for (let i = 0; i < 1500; i++) {
      const received = i % 97 === 0 ? null : addCalendarDays('2020-12-20', i % 760);
      const decided = received === null || i % 5 === 0 ? null : addCalendarDays(received, [0, 1, 12, 30, 365][i % 5 === 1 ? 1 : i % 4]!);
      const outcome = decided === null || i % 41 === 0 ? null : OUTCOME_KEYS[i % OUTCOME_KEYS.length]!;
      rows.push({
        organization_id: org.id, unit_id: org.id, tracking_number: `T${i}`, query_code_hash: 'x', year: 2021, seq: i + 1, channel: 'online',
        submitted_date: received ?? '2022-06-01', received_date: received, applicant_type: types[(i * 5) % types.length]!, applicant_name: `申请人${i}`, applicant_id_kind: '居民身份证',
        applicant_id_masked: '4104**********0000', applicant_id_hash: null, applicant_key: `k${i}`, contact_person: '', phone: '', email: '', address: '',
        postcode: '', request_description: '某项政府信息', request_document_no: '', purpose: '', form_wanted: '电子数据', delivery_wanted: '电子邮件', item_count: 1,
        status: decided ? 'decided' : 'in_progress', due_date: null, assignee_id: null, extension_pending: 0, decision_date: decided, outcome,
        fee_paid_yuan: i % 13 === 0 ? 10 + (i % 90) : 0, fee_paid_date: i % 13 === 0 && received ? addCalendarDays(received, 20) : null,
        idempotency_key: null, event_count: 0, created_at: now, updated_at: now,
      });
    }
    for (let i = 0; i < rows.length; i += 200) await app.deps.db.insertInto('applications').values(rows.slice(i, i + 200) as never).execute();
    for (const year of [2020, 2021, 2022, 2023]) {
      const r = await bothWays(body, year);
      if (year === 2022) {
        assert.ok((r.report.fees.amountYuan ?? 0) > 0);
        assert.ok(r.problems.some((p) => p.code === 'report.unknown_applicant_type'));
        assert.ok(r.problems.some((p) => p.code === 'report.decided_without_outcome'));
        assert.ok((r.report.applications.rows.carriedOver[6] as number) > 0 && (r.report.applications.rows.carriedForward[6] as number) > 0);
      }
    }
  });
});
