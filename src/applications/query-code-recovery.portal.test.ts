/**
 * Lost query code (issue 13 item 4), over HTTP on both databases with a real SMTP server on
 * loopback and a local SMS gateway: the code read from the arrived mail (or SMS) gives a new query
 * code, the old one stops opening the status page, the case's log says 查询码已重置 without any
 * code, and the stored message loses its code once sent; 5 wrong tries lock the code; an expired
 * code is refused; an unknown number and a wrong contact get the very page a match gets and send
 * nothing; of two confirmations of one code one wins.
 */
import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'node-html-parser';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { applyOnline } from './case-files.testing.ts';
import { deliverDue } from '../notifications/sender.ts';
import { createTransports } from '../notifications/transports.ts';
import { startTestSmsGateway, startTestSmtp, type TestSmsGateway, type TestSmtp } from '../notifications/mail-servers.testing.ts';
import { RECOVERY_REFUSED } from './query-code-recovery.usecases.ts';

describeOnBothDatabases('lost query code recovery', (t) => {
  let a: TestApp;
  let smtp: TestSmtp;
  let sms: TestSmsGateway;
  let address = 0;

  before(async () => {
    smtp = await startTestSmtp();
    sms = await startTestSmsGateway();
    a = await createTestApp(t(), '2026-03-02T02:00:00Z', { env: { SMTP_URL: smtp.url, SMS_GATEWAY_URL: sms.url } });
  });
  after(async () => {
    await a.app.close();
    await smtp.stop().catch(() => {});
    await sms.close();
  });

  const send = () => deliverDue(a.deps, createTransports(a.deps.config));

  /** A browser session of the portal from its own address (each test its own rate-limit budget). */
  async function visitor() {
    const remoteAddress = `10.0.13.${++address}`;
    const first = await a.app.inject({ method: 'GET', url: '/ysqgk/cx/zh', remoteAddress });
    assert.equal(first.statusCode, 200);
    const cookie = `gk_form=${first.cookies.find((c) => c.name === 'gk_form')!.value}`;
    const csrf = parse(first.body).querySelector('input[name=_csrf]')!.getAttribute('value')!;
    const post = (url: string, form: Record<string, string>) =>
      a.app.inject({ method: 'POST', url, remoteAddress, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: csrf, ...form }).toString() });
    return {
      request: (trackingNumber: string, contact: string) => post('/ysqgk/cx/zh', { trackingNumber, contact }),
      confirm: (trackingNumber: string, code: string) => post('/ysqgk/cx/zh/qr', { trackingNumber, code }),
      status: (trackingNumber: string, queryCode: string) => post('/ysqgk/cx/', { trackingNumber, queryCode }),
    };
  }

  async function applied(name: string, contact: { email?: string; phone?: string } = {}) {
    const r = await applyOnline(a.app, { applicantName: name, email: contact.email ?? '', phone: contact.phone ?? '0375-1234567', deliveryWanted: contact.email ? '电子邮件' : '邮寄' });
    assert.equal(r.statusCode, 200, r.body);
    const caseId = (await a.deps.db.selectFrom('applications').select('id').where('tracking_number', '=', r.trackingNumber).executeTakeFirstOrThrow()).id;
    return { ...r, caseId };
  }
  const outboxCount = async () => Number((await a.deps.db.selectFrom('outbox_messages').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const codeIn = (text: string) => /验证码：(\d{6})/.exec(text)?.[1] ?? assert.fail(`no code in: ${text}`);
  const errorOf = (body: string) => parse(body).querySelector('#e-code')?.text;

  async function requestCodeByMail(c: { trackingNumber: string }, v: Awaited<ReturnType<typeof visitor>>, email: string) {
    const before = smtp.mails.length;
    const res = await v.request(c.trackingNumber, email);
    assert.equal(res.statusCode, 200, res.body);
    await send();
    assert.equal(smtp.mails.length, before + 1, 'one mail arrived');
    return codeIn(smtp.mails.at(-1)!.text);
  }

  it('replaces the query code with the code from the mail; the old code stops working; the case logs it without codes', async () => {
    const c = await applied('钱一', { email: 'qian.yi@example.cn', phone: '139 0013 9000' });
    await send();
    const v = await visitor();
    const receipts = smtp.mails.length;
    const res = await v.request(c.trackingNumber, ' QIAN.YI@example.cn ');
    assert.equal(res.statusCode, 200);
    assert.ok(parse(res.body).querySelector('#recovery-sent'));
    assert.ok(parse(res.body).querySelector('form#recovery-confirm input[name=code]'));
    await send();
    assert.equal(smtp.mails.length, receipts + 1);
    const mail = smtp.mails.at(-1)!;
    assert.equal(mail.subject, `找回政府信息公开申请查询码（受理编号 ${c.trackingNumber}）`);
    assert.match(mail.to, /qian\.yi@example\.cn/);
    const code = codeIn(mail.text);
    assert.equal(sms.received.filter((s) => s.text.includes('验证码')).length, 0, 'only the contact given is used');

    const done = await v.confirm(c.trackingNumber, code);
    assert.equal(done.statusCode, 200, done.body);
    const page = parse(done.body);
    const newCode = page.querySelector('#query-code')!.text;
    assert.match(newCode, /^[A-Z2-9]{8}$/);
    assert.notEqual(newCode, c.queryCode);
    assert.equal(done.headers['cache-control'], 'no-store');

    assert.equal((await v.status(c.trackingNumber, c.queryCode)).statusCode, 404, 'the old code no longer opens the case');
    assert.equal((await v.status(c.trackingNumber, newCode)).statusCode, 200);
    assert.equal((await v.confirm(c.trackingNumber, code)).statusCode, 400, 'a code is used once');

    const clerk = (await a.login('gkb')).headers;
    const detail = (await a.app.inject({ method: 'GET', url: `/api/v1/applications/${c.caseId}`, headers: clerk })).json() as {
      timeline: { type: string; label: string; text: string }[]; messages: { kind: string; kindLabel: string; channel: string; status: string }[];
    };
    const reset = detail.timeline.filter((e) => e.type === 'query_code_reset');
    assert.deepEqual(reset.map((e) => e.label), ['查询码已重置']);
    assert.match(reset[0]!.text, /电子邮箱/);
    assert.deepEqual(detail.messages.filter((m) => m.kind === 'query_code').map((m) => [m.kindLabel, m.channel, m.status]), [['找回查询码验证码', 'email', 'sent']]);
    const logs = JSON.stringify([
      await a.deps.db.selectFrom('application_events').selectAll().where('application_id', '=', c.caseId).execute(),
      await a.deps.db.selectFrom('audit_log').selectAll().where('target_id', '=', String(c.caseId)).execute(),
      await a.deps.db.selectFrom('outbox_messages').select(['subject', 'body']).where('application_id', '=', c.caseId).execute(),
      await a.deps.db.selectFrom('query_code_recoveries').selectAll().where('application_id', '=', c.caseId).execute(),
    ]);
    assert.ok(!logs.includes(code) && !logs.includes(newCode), 'no code is kept in the clear, the sent message neither');
  });

  it('sends the code by SMS when the mobile number is given', async () => {
    const c = await applied('孙二', { phone: '+86 138-0013-8002' });
    const v = await visitor();
    const before = sms.received.length;
    assert.equal((await v.request(c.trackingNumber, '13800138002')).statusCode, 200);
    await send();
    const text = sms.received.slice(before).find((s) => s.text.includes('验证码'));
    assert.equal(text?.phone, '13800138002');
    const done = await v.confirm(c.trackingNumber, codeIn(text!.text));
    assert.equal(done.statusCode, 200, done.body);
    assert.equal((await v.status(c.trackingNumber, parse(done.body).querySelector('#query-code')!.text)).statusCode, 200);
  });

  it('locks a code after 5 wrong tries: the right code is then refused', async () => {
    const c = await applied('李三', { email: 'li.san@example.cn' });
    const v = await visitor();
    const code = await requestCodeByMail(c, v, 'li.san@example.cn');
    const wrong = code === '000000' ? '000001' : '000000';
    for (let i = 0; i < 5; i++) {
      const res = await v.confirm(c.trackingNumber, wrong);
      assert.equal(res.statusCode, 400);
      assert.equal(errorOf(res.body), RECOVERY_REFUSED);
    }
    const locked = await v.confirm(c.trackingNumber, code);
    assert.equal(locked.statusCode, 400);
    assert.equal(errorOf(locked.body), RECOVERY_REFUSED);
    assert.equal((await v.status(c.trackingNumber, c.queryCode)).statusCode, 200, 'the old code still works');
  });

  it('refuses an expired code (after 10 minutes) and a code superseded by a newer one', async () => {
    const c = await applied('周四', { email: 'zhou.si@example.cn' });
    const v = await visitor();
    const first = await requestCodeByMail(c, v, 'zhou.si@example.cn');
    const second = await requestCodeByMail(c, v, 'zhou.si@example.cn');
    if (first !== second) assert.equal((await v.confirm(c.trackingNumber, first)).statusCode, 400, 'a newer request replaces the older code');
    a.deps.clock.advance(10 * 60_000);
    const late = await v.confirm(c.trackingNumber, second);
    assert.equal(late.statusCode, 400);
    assert.equal(errorOf(late.body), RECOVERY_REFUSED);
    assert.equal((await v.status(c.trackingNumber, c.queryCode)).statusCode, 200, 'the old code still works');
  });

  it('answers an unknown number and a wrong contact with the same page as a match, and sends nothing', async () => {
    const c = await applied('吴五', { email: 'wu.wu@example.cn', phone: '13900139005' });
    await send();
    const v = await visitor();
    const before = await outboxCount();
    const wrongMail = await v.request(c.trackingNumber, 'someone.else@example.cn');
    const wrongPhone = await v.request(c.trackingNumber, '13900139006');
    const unknown = await v.request('2026999999999', 'wu.wu@example.cn');
    const garbage = await v.request('abc', 'wu.wu@example.cn');
    assert.equal(await outboxCount(), before, 'nothing was written to the outbox');
    const mails = smtp.mails.length;
    const texts = sms.received.length;
    const match = await v.request(c.trackingNumber, 'wu.wu@example.cn');
    for (const res of [wrongMail, wrongPhone, unknown, garbage, match]) assert.equal(res.statusCode, 200);
    assert.equal(wrongMail.body, match.body);
    assert.equal(wrongPhone.body, match.body);
    assert.equal(unknown.body.replaceAll('2026999999999', c.trackingNumber), match.body);
    assert.equal(garbage.body.replaceAll('value="abc"', `value="${c.trackingNumber}"`), match.body);
    await send();
    assert.equal(smtp.mails.length, mails + 1, 'only the match sent a mail');
    assert.equal(sms.received.length, texts);
  });

  it('of two confirmations of one code at once, one gets the new query code and the other is refused', async () => {
    const c = await applied('郑六', { email: 'zheng.liu@example.cn' });
    const v = await visitor();
    const code = await requestCodeByMail(c, v, 'zheng.liu@example.cn');
    const results = await Promise.all([v.confirm(c.trackingNumber, code), v.confirm(c.trackingNumber, code)]);
    const won = results.filter((r) => r.statusCode === 200);
    assert.equal(won.length, 1, results.map((r) => r.statusCode).join(','));
    const lost = results.find((r) => r.statusCode !== 200)!;
    assert.ok([400, 409].includes(lost.statusCode), String(lost.statusCode));
    assert.ok(!parse(lost.body).querySelector('#query-code'), 'the loser is shown no query code');
    const events = await a.deps.db.selectFrom('application_events').select('type').where('application_id', '=', c.caseId).where('type', '=', 'query_code_reset').execute();
    assert.equal(events.length, 1);
    assert.equal((await v.status(c.trackingNumber, parse(won[0]!.body).querySelector('#query-code')!.text)).statusCode, 200);
  });

  it('counts every request against a rate limit, and links the recovery from the look-up page and the receipt', async () => {
    const v = await visitor();
    for (let i = 0; i < 10; i++) assert.equal((await v.request('2026999999999', `x${i}@example.cn`)).statusCode, 200);
    assert.equal((await v.request('2026999999999', 'x@example.cn')).statusCode, 429);
    const lookup = parse((await a.app.inject({ method: 'GET', url: '/ysqgk/cx/' })).body);
    assert.equal(lookup.querySelector('#recover-link')!.getAttribute('href'), '/ysqgk/cx/zh');
    const receipt = parse((await applied('王七')).body);
    assert.ok(!receipt.text.includes('无法找回'));
    assert.ok(receipt.querySelector('a[href="/ysqgk/cx/zh"]'));
  });
});
