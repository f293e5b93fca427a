/** The staff API over HTTP (inject), on both databases. */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';

describeOnBothDatabases('applications API', (t) => {
  let app: TestApp;
  let gkb: Record<string, string>;
  let caseId = 0;
  const intake = (orgId: number) => ({
    organizationId: orgId, channel: 'registered_mail', applicantType: '商业企业', applicantName: '石龙某贸易有限公司',
    idKind: '统一社会信用代码', idNumber: '91410400MA12345678', contactPerson: '周经理', phone: '0375-1234567', address: '石龙区建设路8号',
    description: '2025年度政府采购项目中标结果', formWanted: '纸质', deliveryWanted: '邮寄', receivedDate: '2026-03-02',
  });

  it('registers a mailed application with its 签收 date and answers the case page', async () => {
    app = await createTestApp(t());
    gkb = (await app.login('gkb')).headers;
    const gov = (await createOrganizationsRepository(app.deps).list()).find((o) => o.code === 'shilong')!;
    const res = await app.app.inject({ method: 'POST', url: '/api/v1/applications', headers: gkb, payload: intake(gov.id) });
    assert.equal(res.statusCode, 201, res.body);
    caseId = res.json().id;
    assert.match(res.json().queryCode, /^[A-Z2-9]{8}$/);
    const page = await app.app.inject({ method: 'GET', url: `/api/v1/applications/${caseId}`, headers: gkb });
    const body = page.json();
    assert.equal(body.receivedDate, '2026-03-02');
    assert.equal(body.dueDate, '2026-03-30');
    assert.equal(body.applicantIdMasked, '9141**********5678');
    assert.ok(body.deadline.explanation.length > 3);
    assert.ok(body.allowedActions.includes('correction_requested'));
    assert.ok(!body.allowedActions.includes('receipt_confirmed'));
  });

  it('refuses an impossible step with 409 and a Chinese reason, and bad data with 400', async () => {
    const r1 = await app.app.inject({ method: 'POST', url: `/api/v1/applications/${caseId}/actions/delivered`, headers: gkb, payload: { method: '邮寄' } });
    assert.equal(r1.statusCode, 409);
    assert.equal(r1.json().error.code, 'applications.invalid_transition');
    assert.match(r1.json().error.message, /尚未作出答复/);
    const r2 = await app.app.inject({ method: 'POST', url: `/api/v1/applications/${caseId}/actions/extension_requested`, headers: gkb, payload: { days: 30, reason: 'x' } });
    assert.equal(r2.statusCode, 400);
    const r3 = await app.app.inject({ method: 'POST', url: `/api/v1/applications/${caseId}/actions/decided`, headers: { cookie: gkb.cookie! }, payload: { outcome: 'disclosed' } });
    assert.equal(r3.statusCode, 403, 'no CSRF token, no write');
  });

  it('decides and lists; auditors read but cannot act; exports mask identity numbers', async () => {
    const d = await app.app.inject({ method: 'POST', url: `/api/v1/applications/${caseId}/actions/decided`, headers: gkb, payload: { outcome: 'withheld4', ground: 'art15-commercial', replyText: '涉及第三方商业秘密' } });
    assert.equal(d.statusCode, 200, d.body);
    assert.equal(d.json().status, 'decided');
    assert.match(d.json().state.decision.legalBasis, /第十五条/);
    const auditor = (await app.login('auditor')).headers;
    const list = await app.app.inject({ method: 'GET', url: '/api/v1/applications?outcome=withheld4', headers: auditor });
    assert.equal(list.json().total, 1);
    const denied = await app.app.inject({ method: 'POST', url: `/api/v1/applications/${caseId}/actions/delivered`, headers: auditor, payload: { method: '邮寄' } });
    assert.equal(denied.statusCode, 403);
    const csv = await app.app.inject({ method: 'GET', url: '/api/v1/applications/export?format=csv', headers: gkb });
    assert.match(csv.body, /9141\*{10}5678/);
    assert.ok(!csv.body.includes('91410400MA12345678'));
    const xlsx = await app.app.inject({ method: 'GET', url: '/api/v1/applications/export?format=xlsx', headers: gkb });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    assert.equal(wb.worksheets[0]!.getRow(2).getCell(4).value, '9141**********5678');
    const docs = await app.app.inject({ method: 'GET', url: '/api/docs/json', headers: gkb });
    assert.ok(docs.json().paths['/api/v1/applications/{id}/actions/{action}']);
  });
  it('offers a clerk the bodies they may register applications for', async () => {
    const names = async (h: Record<string, string>) =>
      ((await app.app.inject({ method: 'GET', url: '/api/v1/applications/intake-bodies', headers: h })).json().items as { name: string }[]).map((b) => b.name);
    // 公开办 (office of the government) handles the government's applications, not its own.
    assert.deepEqual(await names(gkb), ['石龙区人民政府']);
    const publisher = await app.app.inject({ method: 'GET', url: '/api/v1/applications/intake-bodies', headers: (await app.login('fgw-editor')).headers });
    assert.equal(publisher.statusCode, 403);
  });
});
