/**
 * The case lifecycle on both databases, through the usecases the API, CLI and seed use.
 * Dates (2026, no holidays in March; 清明 2026-04-04 至 04-06, Sat–Mon), worked out by hand:
 * - received Mon 03-02 → 20 WD: 03-03…06 (4), 09…13 (9), 16…20 (14), 23…27 (19), 03-30 (20).
 * - corrected application received Thu 03-05 (new day 0) → 03-06 (1), 09…13 (6), 16…20 (11),
 *   23…27 (16), 30, 31, 04-01, 04-02 (20) → 04-02.
 * - consultation sent 03-09, reply 03-11 → 03-10 and 03-11 not counted → two more WD:
 *   04-03 (Fri), then 04-04…06 清明 → 04-07.
 * - extension of 5 WD after that: 04-08, 09, 10, 13, 14 → 04-14.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { AppError } from '../shared/app-error.ts';
import { createUsersRepository, toUser } from '../auth/users.repository.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { submitApplication } from './intake.usecases.ts';
import { recordCaseAction } from './case-actions.usecases.ts';
import { getCase, listCases, lookupStatus, workbench } from './case-view.usecases.ts';
import { applicationsReportSource } from './applications.report-source.ts';
import { createApplicationsRepository } from './applications.repository.ts';
import { sampleForm } from './test-fixtures.ts';


async function actorOf(app: TestApp, username: string) {
  const row = await createUsersRepository(app.deps).byUsername(username);
  const user = toUser(row!);
  return { id: user.id, username: user.username, organizationId: user.organizationId, roles: user.roles, user };
}

async function rejects(p: Promise<unknown>, status: number, text: RegExp) {
  await assert.rejects(p, (e: unknown) => e instanceof AppError && e.status === status && text.test(e.message));
}

describeOnBothDatabases('applications lifecycle', (t) => {
  let app: TestApp;
  let govId = 0;
  it('registers an online application once per form, with a receipt and a hashed code', async () => {
    app = await createTestApp(t());
    govId = (await createOrganizationsRepository(app.deps).list()).find((o) => o.code === 'shilong')!.id;
    const first = await submitApplication({ raw: sampleForm(govId), via: 'portal', idempotencyKey: 'form-token-abcdefghijkl', deps: app.deps });
    const again = await submitApplication({ raw: sampleForm(govId), via: 'portal', idempotencyKey: 'form-token-abcdefghijkl', deps: app.deps });
    assert.equal(again.id, first.id);
    assert.equal(again.queryCode, first.queryCode);
    assert.equal(again.repeated, true);
    assert.match(first.trackingNumber, /^2026\d{3}00001$/);
    const row = await createApplicationsRepository(app.deps).byId(first.id);
    assert.equal(row!.applicant_id_masked, '4104**********1234');
    assert.ok(!JSON.stringify(row).includes(first.queryCode), 'the query code itself is never stored');
    assert.equal(row!.status, 'submitted');
    const status = await lookupStatus({ trackingNumber: first.trackingNumber, queryCode: first.queryCode, deps: app.deps });
    assert.equal(status.statusLabel, '待确认收到');
    await rejects(lookupStatus({ trackingNumber: first.trackingNumber, queryCode: 'WRONG123', deps: app.deps }), 404, /没有找到/);
    await rejects(lookupStatus({ trackingNumber: '2026999999999', queryCode: first.queryCode, deps: app.deps }), 404, /没有找到/);
  });

  it('refuses an incomplete application with a message per field', async () => {
    await assert.rejects(
      submitApplication({ raw: sampleForm(govId, { applicantName: '', idNumber: '123', description: '' }), via: 'portal', deps: app.deps }),
      (e: unknown) => {
        const fields = ((e as AppError).details as { fields: Record<string, string> }).fields;
        return e instanceof AppError && e.status === 400 && /姓名/.test(fields.applicantName!) && /18位/.test(fields.idNumber!) && !!fields.description;
      },
    );
  });

  it('runs 补正 → consultation → extension → decision with stored due dates', async () => {
    const gkb = await actorOf(app, 'gkb');
    const { id, trackingNumber, queryCode } = await submitApplication({ raw: sampleForm(govId, { applicantName: '李四', idNumber: '410402198502023333' }), via: 'portal', deps: app.deps });
    const act = (action: string, input: Record<string, unknown> = {}, actor = gkb) => recordCaseAction({ caseId: id, action, input, actor, deps: app.deps });
    let r = await act('receipt_confirmed', { receivedDate: '2026-03-02' });
    assert.equal(r.row.due_date, '2026-03-30');
    r = await act('correction_requested', { items: '请写明文件名称或文号', replyBy: '2026-03-16' });
    assert.equal(r.row.status, 'awaiting_correction');
    assert.equal(r.row.due_date, null);
    await rejects(act('decided', { outcome: 'disclosed' }), 409, /补正/);
    const told = await lookupStatus({ trackingNumber, queryCode, deps: app.deps });
    assert.equal(told.correction?.items, '请写明文件名称或文号');
    app.deps.clock.set('2026-03-05T02:00:00Z');
    r = await act('correction_received');
    assert.equal(r.row.due_date, '2026-04-02');
    app.deps.clock.set('2026-03-09T02:00:00Z');
    r = await act('consultation_sent', { kind: 'third-party', party: '石龙某建设公司' });
    assert.equal(r.row.status, 'consulting');
    app.deps.clock.set('2026-03-11T02:00:00Z');
    r = await act('consultation_replied', { consultationNo: 1, opinion: 'agree' });
    assert.equal(r.row.due_date, '2026-04-07');
    r = await act('extension_requested', { days: 5, reason: '涉及档案较多' });
    assert.equal(r.row.extension_pending, 1);
    const fgwReviewer = await actorOf(app, 'fgw-reviewer');
    await rejects(act('extension_approved', {}, fgwReviewer), 404, /没有找到/);
    // gkb also holds the reviewer role, but asked for this extension: someone else approves.
    await rejects(act('extension_approved'), 403, /不能审批自己提请的延期申请/);
    r = await act('extension_approved', {}, await actorOf(app, 'leader'));
    assert.equal(r.row.due_date, '2026-04-14');
    r = await act('extension_notified');
    const view = await getCase({ caseId: id, actor: gkb, deps: app.deps });
    assert.ok(view.deadline!.explanation.some((l) => l.includes('延长 5 个工作日')));
    assert.ok(view.allowedActions.includes('decided'));
    r = await act('decided', { outcome: 'disclosed', replyText: '经审查，您申请的信息予以公开，见附件。' });
    assert.equal(r.row.status, 'decided');
    assert.equal(r.row.outcome, 'disclosed');
    assert.equal(r.row.decision_date, '2026-03-11');
    assert.equal(r.row.due_date, null);
    await act('delivered', { method: '电子邮件' });
    r = await act('archived');
    assert.equal(r.row.status, 'archived');
    const seen = await lookupStatus({ trackingNumber, queryCode, deps: app.deps });
    assert.equal(seen.decision?.outcomeLabel, '您申请的政府信息予以公开');
    assert.ok(!JSON.stringify(seen).includes('石龙某建设公司'), 'third parties are not named to the applicant');

    const source = await applicationsReportSource(app.deps.db, govId, 2026);
    const mine = source.applications.find((a) => a.id === id)!;
    assert.deepEqual(mine, { id, applicantType: '自然人', receivedDate: '2026-03-02', decisionDate: '2026-03-11', outcome: 'disclosed', feePaidYuan: 0, feePaidDate: null });
    assert.ok(!source.applications.some((a) => a.receivedDate === null));
  });

  it('keeps others out: publishers get 404, auditors read but cannot act', async () => {
    const { id } = await submitApplication({ raw: sampleForm(govId, { applicantName: '王五', idNumber: '410402197001015555' }), via: 'portal', deps: app.deps });
    await rejects(recordCaseAction({ caseId: id, action: 'receipt_confirmed', input: {}, actor: await actorOf(app, 'jyj-editor'), deps: app.deps }), 404, /没有找到/);
    const auditor = await actorOf(app, 'auditor');
    const seen = await getCase({ caseId: id, actor: auditor, deps: app.deps });
    assert.deepEqual(seen.allowedActions, []);
    await rejects(recordCaseAction({ caseId: id, action: 'receipt_confirmed', input: {}, actor: auditor, deps: app.deps }), 403, /无权/);
    assert.ok((await listCases({ filter: {}, actor: auditor, deps: app.deps })).total >= 3);
    assert.equal((await listCases({ filter: {}, actor: await actorOf(app, 'jyj-editor'), deps: app.deps })).total, 0);
  });

  it('lists overdue and due-soon cases from the stored due date', async () => {
    const gkb = await actorOf(app, 'gkb');
    app.deps.clock.set('2026-03-02T02:00:00Z');
    const { id } = await submitApplication({ raw: sampleForm(govId, { applicantName: '赵六', idNumber: '410402196001016666' }), via: 'portal', deps: app.deps });
    await recordCaseAction({ caseId: id, action: 'receipt_confirmed', input: {}, actor: gkb, deps: app.deps });
    app.deps.clock.set('2026-03-26T02:00:00Z');
    let wb = await workbench({ actor: gkb, deps: app.deps });
    assert.ok(wb.dueSoon.some((c) => c.id === id && c.dueDate === '2026-03-30'));
    app.deps.clock.set('2026-03-31T02:00:00Z');
    wb = await workbench({ actor: gkb, deps: app.deps });
    assert.ok(wb.overdue.some((c) => c.id === id));
    assert.ok(!wb.dueSoon.some((c) => c.id === id));
  });

  it('charges per item from the applicant’s own count that month, and lapses unpaid fees to （六）2', async () => {
    const gkb = await actorOf(app, 'gkb');
    app.deps.clock.set('2026-03-02T02:00:00Z');
    // 11 applications of one item each by the same ID number: items 1–10 free, the 11th costs 100 元.
    const ids: number[] = [];
    for (let i = 0; i < 11; i++) {
      const { id } = await submitApplication({ raw: sampleForm(govId, { applicantName: `钱七${i}`, idNumber: '410402195001017777' }), via: 'portal', deps: app.deps });
      await recordCaseAction({ caseId: id, action: 'receipt_confirmed', input: {}, actor: gkb, deps: app.deps });
      ids.push(id);
    }
    await rejects(recordCaseAction({ caseId: ids[9]!, action: 'fee_notice_sent', input: { method: 'per-item' }, actor: gkb, deps: app.deps }), 409, /不收费/);
    const r = await recordCaseAction({ caseId: ids[10]!, action: 'fee_notice_sent', input: { method: 'per-item' }, actor: gkb, deps: app.deps });
    assert.equal(r.row.status, 'awaiting_fee');
    // Notice received 03-02 → pay by the 20th WD after it, 2026-03-30; lapse only from 03-31.
    await rejects(recordCaseAction({ caseId: ids[10]!, action: 'fee_lapsed', input: { date: '2026-03-02' }, actor: gkb, deps: app.deps }), 409, /2026-03-30/);
    app.deps.clock.set('2026-03-31T02:00:00Z');
    const lapsed = await recordCaseAction({ caseId: ids[10]!, action: 'fee_lapsed', input: {}, actor: gkb, deps: app.deps });
    assert.equal(lapsed.row.outcome, 'otherHandling2');
  });
});
