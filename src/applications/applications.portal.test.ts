/** The public application form and status page, over HTTP without JavaScript, on both databases. */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'node-html-parser';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';

function formOf(body: string) {
  const doc = parse(body);
  return { csrf: doc.querySelector('input[name=_csrf]')!.getAttribute('value')!, token: doc.querySelector('input[name=_token]')!.getAttribute('value')!, doc };
}

describeOnBothDatabases('applications portal', (t) => {
  let app: TestApp;
  let cookie = '';
  let receipt = { tn: '', code: '' };
  const post = (url: string, form: Record<string, string>) =>
    app.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(form).toString() });

  it('keeps the entered values and shows each error next to its field', async () => {
    app = await createTestApp(t());
    const page = await app.app.inject({ method: 'GET', url: '/ysqgk/' });
    assert.equal(page.statusCode, 200);
    cookie = `gk_form=${page.cookies.find((c) => c.name === 'gk_form')!.value}`;
    const { csrf, token, doc } = formOf(page.body);
    const orgId = doc.querySelector('#f-organizationId option[value]:not([value=""])')!.getAttribute('value')!;
    const bad = await post('/ysqgk/', { _csrf: csrf, _token: token, organizationId: orgId, applicantType: '自然人', applicantName: '张三', idKind: '居民身份证', idNumber: '12345', description: '' });
    assert.equal(bad.statusCode, 400);
    const d = parse(bad.body);
    assert.match(d.querySelector('#e-idNumber')!.text, /18位/);
    assert.ok(d.querySelector('#e-description'));
    assert.equal(d.querySelector('#f-applicantName')!.getAttribute('value'), '张三');
    assert.equal(d.querySelector('#f-idNumber')!.getAttribute('aria-invalid'), 'true');
    const forged = await app.app.inject({ method: 'POST', url: '/ysqgk/', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'applicantName=x' });
    assert.equal(forged.statusCode, 403);
  });

  it('gives one receipt for a form posted twice, and a status page for the right code only', async () => {
    const page = await app.app.inject({ method: 'GET', url: '/ysqgk/', headers: { cookie } });
    const { csrf, token, doc } = formOf(page.body);
    const orgId = doc.querySelector('#f-organizationId option[value]:not([value=""])')!.getAttribute('value')!;
    const form = {
      _csrf: csrf, _token: token, organizationId: orgId, applicantType: '自然人', applicantName: '张三', idKind: '居民身份证',
      idNumber: '410402199001011234', phone: '13800000000', email: 'z@example.cn', description: '石龙区2025年财政预算公开文件', formWanted: '电子数据', deliveryWanted: '电子邮件',
    };
    const clerk = (await app.login('gkb')).headers;
    const countCases = async () => (await app.app.inject({ method: 'GET', url: '/api/v1/applications', headers: clerk })).json().total as number;
    const before = await countCases(); // the demo dataset has cases of its own
    const first = parse((await post('/ysqgk/', form)).body);
    const second = parse((await post('/ysqgk/', form)).body);
    receipt = { tn: first.querySelector('#tracking-number')!.text, code: first.querySelector('#query-code')!.text };
    assert.equal(second.querySelector('#tracking-number')!.text, receipt.tn);
    assert.equal(second.querySelector('#query-code')!.text, receipt.code);
    assert.match(second.text, /没有重复登记/);
    assert.equal(await countCases(), before + 1, 'the second post of the same form registers nothing');

    const lookup = parse((await app.app.inject({ method: 'GET', url: '/ysqgk/cx/', headers: { cookie } })).body);
    const lcsrf = lookup.querySelector('input[name=_csrf]')!.getAttribute('value')!;
    const ok = await post('/ysqgk/cx/', { _csrf: lcsrf, trackingNumber: receipt.tn, queryCode: receipt.code });
    assert.equal(ok.statusCode, 200);
    assert.equal(parse(ok.body).querySelector('#status')!.text, '待确认收到');
    const wrong = await post('/ysqgk/cx/', { _csrf: lcsrf, trackingNumber: receipt.tn, queryCode: 'AAAAAAAA' });
    const unknown = await post('/ysqgk/cx/', { _csrf: lcsrf, trackingNumber: '2026999999999', queryCode: receipt.code });
    assert.equal(wrong.statusCode, 404);
    assert.equal(parse(wrong.body).querySelector('.field-error')!.text, parse(unknown.body).querySelector('.field-error')!.text);
    assert.ok(!wrong.body.includes('张三'));
  });
});
