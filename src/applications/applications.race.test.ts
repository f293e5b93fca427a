/**
 * Race suite of intake, on both databases: many applications at once each get their own
 * tracking number (no 5xx, no gap, no duplicate), and one form posted many times at once makes
 * one case. Case actions: case-actions.race.test.ts.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'node-html-parser';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { fireAtOnce } from '../shared/race.testing.ts';
import { createAuditRepository } from '../auth/audit.repository.ts';
import { queryCodeHash, trackingNumber } from './intake.rules.ts';

const N = 12;

describeOnBothDatabases('application intake races', (t) => {
  let app: TestApp;
  let cookie = '';
  let orgId = '';
  const form = async () => {
    const page = await app.app.inject({ method: 'GET', url: '/ysqgk/', headers: cookie ? { cookie } : {} });
    cookie ||= `gk_form=${page.cookies.find((c) => c.name === 'gk_form')!.value}`;
    const doc = parse(page.body);
    orgId = doc.querySelector('#f-organizationId option[value]:not([value=""])')!.getAttribute('value')!;
    return { csrf: doc.querySelector('input[name=_csrf]')!.getAttribute('value')!, token: doc.querySelector('input[name=_token]')!.getAttribute('value')! };
  };
  const fields = (csrf: string, token: string, i: number) => new URLSearchParams({
    _csrf: csrf, _token: token, organizationId: orgId, applicantType: '自然人', applicantName: `申请人${i}`, idKind: '居民身份证',
    idNumber: '410402199001011234', phone: '13800000000', email: 'z@example.cn', description: `石龙区2025年财政预算公开文件（第${i}份）`, formWanted: '电子数据', deliveryWanted: '电子邮件',
  }).toString();
  const casesOf = (tokens: string[]) =>
    app.deps.db.selectFrom('applications').select(['id', 'tracking_number', 'seq', 'year', 'organization_id']).where('idempotency_key', 'in', tokens).orderBy('seq').execute();

  it(`gives ${N} public applications posted at once ${N} distinct, consecutive tracking numbers`, async () => {
    app = await createTestApp(t());
    const forms = [];
    for (let i = 0; i < N; i++) forms.push(await form()); // one after another: they share the first cookie
    const answers = await fireAtOnce(app.app, forms.map((f, i) => ({
      method: 'POST', url: '/ysqgk/', remoteAddress: `10.0.0.${i + 1}`,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: fields(f.csrf, f.token, i),
    })));
    assert.deepEqual(answers.map((a) => a.status), Array(N).fill(200), answers.find((a) => a.status !== 200)?.body);
    const rows = await casesOf(forms.map((f) => f.token));
    assert.equal(rows.length, N);
    assert.equal(new Set(rows.map((r) => r.tracking_number)).size, N);
    for (let i = 1; i < rows.length; i++) assert.equal(rows[i]!.seq, rows[i - 1]!.seq + 1, 'no gap in the sequence');
    const receipts = answers.map((a) => parse(a.body).querySelector('#tracking-number')!.text).sort();
    assert.deepEqual(receipts, rows.map((r) => r.tracking_number).sort(), 'each applicant sees the number stored for them');
    // The number is taken last and written into what names it (intake numberCase): the query
    // code opens the case, and the audit row carries the stored number.
    for (const a of answers) {
      const doc = parse(a.body);
      const tracking = doc.querySelector('#tracking-number')!.text;
      const stored = await app.deps.db.selectFrom('applications').select(['id', 'query_code_hash']).where('tracking_number', '=', tracking).executeTakeFirstOrThrow();
      assert.equal(stored.query_code_hash, queryCodeHash(tracking, doc.querySelector('#query-code')!.text));
      const audit = await app.deps.db.selectFrom('audit_log').select('detail').where('action', '=', 'applications.submit').where('target_id', '=', String(stored.id)).executeTakeFirstOrThrow();
      assert.equal(JSON.parse(audit.detail).tracking, tracking);
    }
    assert.equal((await createAuditRepository(app.deps).verify()).problem, null, 'the audit chain is whole');
    assert.equal((await app.deps.db.selectFrom('audit_pending').select('id').execute()).length, 0, 'every audit row is chained');
  });

  it('registers one case when one form is posted many times at once, and answers every post with its receipt', async () => {
    const f = await form();
    const body = fields(f.csrf, f.token, 99);
    const answers = await fireAtOnce(app.app, Array.from({ length: N }, (_, i) => ({
      method: 'POST' as const, url: '/ysqgk/', remoteAddress: `10.0.1.${i + 1}`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: body,
    })));
    assert.deepEqual(answers.map((a) => a.status), Array(N).fill(200), answers.find((a) => a.status !== 200)?.body);
    const rows = await casesOf([f.token]);
    assert.equal(rows.length, 1);
    const numbers = new Set(answers.map((a) => parse(a.body).querySelector('#tracking-number')!.text));
    assert.deepEqual([...numbers], [rows[0]!.tracking_number]);
    const audit = await app.deps.db.selectFrom('audit_log').select('id').where('action', '=', 'applications.submit').where('target_id', '=', String(rows[0]!.id)).execute();
    assert.equal(audit.length, 1, 'one audit row for the one case');
  });

  it(`registers ${N} clerk intakes at once with distinct numbers that continue the public ones`, async () => {
    const gkb = (await app.login('gkb')).headers;
    const gov = (await createOrganizationsRepository(app.deps).list()).find((o) => o.code === 'shilong')!;
    const before = await app.deps.db.selectFrom('applications').select((eb) => eb.fn.max('seq').as('m')).where('organization_id', '=', gov.id).where('year', '=', 2026).executeTakeFirst();
    const answers = await fireAtOnce(app.app, Array.from({ length: N }, (_, i) => ({
      method: 'POST' as const, url: '/api/v1/applications', headers: gkb,
      payload: {
        organizationId: gov.id, channel: 'in_person', applicantType: '自然人', applicantName: `窗口申请人${i}`, idKind: '居民身份证', idNumber: '410402198001018888',
        phone: '13900000000', description: `某路段拆迁补偿标准文件（${i}）`, formWanted: '纸质', deliveryWanted: '自行领取',
      },
    })));
    assert.deepEqual(answers.map((a) => a.status), Array(N).fill(201), answers.find((a) => a.status !== 201)?.body);
    const ids = answers.map((a) => (a.json() as { id: number }).id);
    const rows = await app.deps.db.selectFrom('applications').select(['id', 'seq', 'tracking_number']).where('id', 'in', ids).orderBy('seq').execute();
    const first = Number(before?.m ?? 0) + 1;
    assert.deepEqual(rows.map((r) => r.seq), Array.from({ length: N }, (_, i) => first + i));
    // Received at the counter: the applicant is told (SMS) with the number taken last.
    for (const r of rows) {
      const notices = await app.deps.db.selectFrom('outbox_messages').select(['subject', 'body']).where('application_id', '=', r.id).execute();
      assert.ok(notices.length > 0 && notices.every((m) => `${m.subject}${m.body}`.includes(r.tracking_number) && !`${m.subject}${m.body}`.includes('#tracking-')), JSON.stringify(notices));
    }
  });

  it('writes numbers past 99999 as the rules do (the number is made in SQL on PostgreSQL)', async () => {
    const gkb = (await app.login('gkb')).headers;
    const gov = (await createOrganizationsRepository(app.deps).list()).find((o) => o.code === 'shilong')!;
    await app.deps.db.updateTable('application_counters').set({ last_seq: 99998 }).where('organization_id', '=', gov.id).where('year', '=', 2026).execute();
    for (const seq of [99999, 100000]) {
      const r = await app.app.inject({
        method: 'POST', url: '/api/v1/applications', headers: gkb,
        payload: { organizationId: gov.id, channel: 'in_person', applicantType: '自然人', applicantName: '窗口申请人', idKind: '居民身份证', idNumber: '410402198001018888', phone: '13900000000', description: '某路段拆迁补偿标准文件', formWanted: '纸质', deliveryWanted: '自行领取' },
      });
      assert.equal(r.statusCode, 201, r.body);
      const row = await app.deps.db.selectFrom('applications').select(['seq', 'tracking_number']).where('id', '=', (r.json() as { id: number }).id).executeTakeFirstOrThrow();
      assert.deepEqual(row, { seq, tracking_number: trackingNumber(2026, gov.id, seq) });
    }
  });
});
