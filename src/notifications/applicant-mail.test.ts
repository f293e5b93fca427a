/**
 * Applicants are told of 受理, 补正, 延期 and 答复 through a real SMTP server on loopback and a
 * local SMS gateway, on both databases: what arrives (Chinese subject, tracking number, dates),
 * the log on the case page, a mail server that is down (failed, retried later, delivered, nothing
 * lost or doubled), and a site without mail or SMS configured (logged 未发送（未配置）, the case
 * action unaffected).
 */
import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { sampleForm } from '../applications/test-fixtures.ts';
import { recordCaseAction } from '../applications/case-actions.usecases.ts';
import { deliverDue } from './sender.ts';
import { createTransports } from './transports.ts';
import { startTestSmsGateway, startTestSmtp, type TestSmsGateway, type TestSmtp } from './mail-servers.testing.ts';

interface CaseMessage { kind: string; channel: string; recipient: string; subject: string; status: string; statusLabel: string; attempts: number; createdAt: string }

describeOnBothDatabases('applicant notifications by e-mail and SMS', (t) => {
  let a: TestApp;
  let smtp: TestSmtp;
  let sms: TestSmsGateway;
  let gkb: Record<string, string>;
  let govId = 0;
  const send = () => deliverDue(a.deps, createTransports(a.deps.config));

  before(async () => {
    smtp = await startTestSmtp();
    sms = await startTestSmsGateway();
    a = await createTestApp(t(), '2026-03-02T02:00:00Z', {
      env: { SMTP_URL: smtp.url, MAIL_FROM: '石龙区政务公开 <gk@shilong.example.gov.cn>', SMS_GATEWAY_URL: sms.url, SMS_GATEWAY_AUTH: 'Bearer sms-token-1' },
    });
    gkb = (await a.login('gkb')).headers;
    govId = (await a.deps.db.selectFrom('organizations').select('id').where('code', '=', 'shilong').executeTakeFirstOrThrow()).id;
    // Demo cases have no e-mail or mobile: their messages are logged as no_contact, never sent.
    await send();
  });
  after(async () => {
    await a.app.close();
    await smtp.stop().catch(() => {});
    await sms.close();
  });

  const act = async (id: number, action: string, payload: Record<string, unknown> = {}) => {
    const res = await a.app.inject({ method: 'POST', url: `/api/v1/applications/${id}/actions/${action}`, headers: gkb, payload });
    assert.equal(res.statusCode, 200, res.body);
    return (res.json() as { messages: CaseMessage[] }).messages;
  };
  const messagesOf = async (id: number) => {
    const res = await a.app.inject({ method: 'GET', url: `/api/v1/applications/${id}`, headers: gkb });
    assert.equal(res.statusCode, 200, res.body);
    return (res.json() as { messages: CaseMessage[] }).messages;
  };

  let caseId = 0;
  let tracking = '';

  it('mails and texts the receipt (受理) with the tracking number and the due date', async () => {
    const created = await a.app.inject({ method: 'POST', url: '/api/v1/applications', headers: gkb, payload: sampleForm(govId, { channel: 'in_person', email: 'zhang.san@example.cn', phone: '138 0013 8000' }) });
    assert.equal(created.statusCode, 201, created.body);
    ({ id: caseId, trackingNumber: tracking } = created.json() as { id: number; trackingNumber: string });
    // Written with the case, sent by the loop: nothing has left yet.
    assert.deepEqual((await messagesOf(caseId)).map((m) => [m.kind, m.channel, m.status]), [['receipt', 'email', 'pending'], ['receipt', 'sms', 'pending']]);
    const report = await send();
    assert.deepEqual(report, { sent: 2, failed: 0, unconfigured: 0 });
    const [mail] = smtp.mails;
    assert.equal(smtp.mails.length, 1);
    assert.equal(mail!.subject, `政府信息公开申请已受理（受理编号 ${tracking}）`);
    assert.match(mail!.to, /zhang\.san@example\.cn/);
    assert.match(mail!.from, /石龙区政务公开/);
    assert.match(mail!.text, new RegExp(`已于 2026-03-02 收到，受理编号 ${tracking}`));
    assert.match(mail!.text, /将于 2026-03-30 前予以答复/);
    assert.match(mail!.text, /\/ysqgk\/cx\//);
    assert.equal(sms.received.length, 1);
    assert.equal(sms.received[0]!.phone, '13800138000');
    assert.equal(sms.received[0]!.authorization, 'Bearer sms-token-1');
    assert.match(sms.received[0]!.text, new RegExp(`受理编号${tracking}）已于2026-03-02收到，将于2026-03-30前答复`));
    const log = await messagesOf(caseId);
    assert.deepEqual(log.map((m) => [m.channel, m.recipient, m.status, m.statusLabel]), [['email', 'zhang.san@example.cn', 'sent', '已发送'], ['sms', '13800138000', 'sent', '已发送']]);
    assert.equal(log[0]!.subject, mail!.subject);
  });

  it('mails the 补正 request with its items and period', async () => {
    const answered = await act(caseId, 'correction_requested', { items: '请写明所需文件的文号或形成时间', replyBy: '2026-03-16' });
    assert.deepEqual(answered, await messagesOf(caseId), 'the action\'s answer lists the messages so far, its own with them');
    assert.deepEqual(answered.map((m) => [m.kind, m.status]), [['receipt', 'sent'], ['receipt', 'sent'], ['correction', 'pending'], ['correction', 'pending']]);
    await send();
    const mail = smtp.mails.at(-1)!;
    assert.equal(smtp.mails.length, 2);
    assert.equal(mail.subject, `政府信息公开申请需要补正（受理编号 ${tracking}）`);
    assert.match(mail.text, /请写明所需文件的文号或形成时间/);
    assert.match(mail.text, /请于 2026-03-16 前补正/);
    await act(caseId, 'correction_received', {});
    await send();
    assert.equal(smtp.mails.length, 2, 'receiving the correction is not a message to the applicant');
  });

  it('tells the approvers an extension waits, and mails the approved extension with the new due date', async () => {
    const reviewer = (await a.userIds()).get('gkb')!;
    // Another reviewer of the office approves (separation of duties: not the one who asked).
    const office = (await a.deps.db.selectFrom('users').select(['organization_id', 'password_hash']).where('id', '=', reviewer).executeTakeFirstOrThrow());
    const other = await a.deps.db.insertInto('users').values({ username: 'office-head', display_name: '办公室主任 钱七', organization_id: office.organization_id, password_hash: office.password_hash, roles: JSON.stringify(['reviewer']), disabled: 0, failed_logins: 0, locked_until: null, password_changed_at: '2026-03-01T00:00:00Z', created_at: '2026-03-01T00:00:00Z' }).returning('id').executeTakeFirstOrThrow();
    await act(caseId, 'extension_requested', { days: 15, reason: '需要调取历年档案' });
    const notes = await a.deps.db.selectFrom('staff_notifications').selectAll().where('kind', '=', 'extension_approval').execute();
    const leader = (await a.userIds()).get('leader')!;
    // The approvers of the case (reviewers, leaders) but not gkb, who asked though a reviewer too.
    assert.deepEqual(notes.map((n) => [n.user_id, n.link]).sort(), [[leader, `/applications?case=${caseId}`], [other.id, `/applications?case=${caseId}`]].sort());
    const res = await recordCaseAction({ caseId, action: 'extension_approved', input: {}, actor: { id: other.id, username: 'office-head', organizationId: office.organization_id, roles: ['reviewer'] }, deps: a.deps });
    const due = res.deadline!.dueDate;
    await send();
    const mail = smtp.mails.at(-1)!;
    assert.equal(mail.subject, `政府信息公开申请延期答复告知（受理编号 ${tracking}）`);
    assert.match(mail.text, new RegExp(`延长 15 个工作日，本机关将于 ${due} 前予以答复`));
  });

  it('keeps a decision mail while the mail server is down, retries it later and delivers it once', async () => {
    await smtp.stop();
    await act(caseId, 'decided', { outcome: 'partiallyDisclosed', ground: 'art15-privacy', withheldPart: '涉及个人身份信息的部分' });
    const down = await send();
    assert.equal(down.failed, 1);
    assert.equal(down.sent, 1, 'the SMS gateway is up: the SMS goes');
    let decision = (await messagesOf(caseId)).find((m) => m.kind === 'decision' && m.channel === 'email')!;
    assert.equal(decision.status, 'failed');
    assert.match(decision.statusLabel, /^发送失败（将于 .* 后重试）$/);
    // Not due again before its backoff.
    assert.deepEqual(await send(), { sent: 0, failed: 0, unconfigured: 0 });
    await smtp.start();
    a.deps.clock.advance(31_000);
    assert.deepEqual(await send(), { sent: 1, failed: 0, unconfigured: 0 });
    decision = (await messagesOf(caseId)).find((m) => m.kind === 'decision' && m.channel === 'email')!;
    assert.equal(decision.status, 'sent');
    assert.equal(decision.attempts, 2);
    const mail = smtp.mails.at(-1)!;
    assert.equal(mail.subject, `政府信息公开申请已答复（受理编号 ${tracking}）`);
    assert.match(mail.text, /部分公开/);
    assert.match(mail.text, /行政复议或者提起行政诉讼/);
    // Every message of the case went exactly once: receipt, 补正, 延期, 答复 by mail; four SMS.
    assert.deepEqual(
      smtp.mails.map((m) => m.subject),
      ['申请已受理', '申请需要补正', '申请延期答复告知', '申请已答复'].map((s) => `政府信息公开${s}（受理编号 ${tracking}）`),
    );
    assert.equal(sms.received.length, 4);
    assert.ok((await messagesOf(caseId)).every((m) => m.status === 'sent'));
  });

  it('sends each message once when two processes run their sender loops at the same moment', async () => {
    const before = smtp.mails.length;
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await a.app.inject({ method: 'POST', url: '/api/v1/applications', headers: gkb, payload: sampleForm(govId, { channel: 'in_person', email: `batch${i}@example.cn`, phone: '0375-1234567' }) });
      ids.push((res.json() as { id: number }).id);
    }
    const { openDatabase } = await import('../db/dialect.ts');
    const other = openDatabase(t().url);
    try {
      const reports = await Promise.all([send(), deliverDue({ ...a.deps, db: other }, createTransports(a.deps.config)), send()]);
      assert.equal(reports.reduce((n, r) => n + r.sent, 0), 6);
    } finally {
      await other.destroy();
    }
    const arrived = smtp.mails.slice(before).map((m) => m.to).sort();
    assert.deepEqual(arrived, [0, 1, 2, 3, 4, 5].map((i) => `batch${i}@example.cn`).sort());
  });
});

describeOnBothDatabases('applicant notifications without mail or SMS configured', (t) => {
  let a: TestApp;
  before(async () => {
    a = await createTestApp(t());
  });
  after(async () => {
    await a.app.close();
  });

  it('records the case action and logs the message as 未发送（未配置）', async () => {
    const gkb = (await a.login('gkb')).headers;
    const govId = (await a.deps.db.selectFrom('organizations').select('id').where('code', '=', 'shilong').executeTakeFirstOrThrow()).id;
    const created = await a.app.inject({ method: 'POST', url: '/api/v1/applications', headers: gkb, payload: sampleForm(govId, { channel: 'in_person' }) });
    assert.equal(created.statusCode, 201, created.body);
    const { id } = created.json() as { id: number };
    const report = await deliverDue(a.deps, createTransports(a.deps.config));
    assert.ok(report.unconfigured >= 2);
    const res = await a.app.inject({ method: 'GET', url: `/api/v1/applications/${id}`, headers: gkb });
    const messages = (res.json() as { messages: CaseMessage[] }).messages;
    assert.deepEqual(messages.map((m) => [m.channel, m.statusLabel]), [['email', '未发送（未配置）'], ['sms', '未发送（未配置）']]);
  });
});
