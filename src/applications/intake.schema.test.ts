import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { checkApplicationInput } from './intake.rules.ts';
import { applicationIntakeShape } from './intake.schema.ts';
import { checkLetter } from '../publishing/mailbox.usecases.ts';

const valid = {
  organizationId: 1, channel: 'online', applicantType: '自然人', applicantName: ' 张三 ', idKind: '居民身份证', idNumber: '41010219900101123x',
  phone: '13800000000', description: '请公开2025年道路维修项目的预算', formWanted: '电子数据', deliveryWanted: '网上获取',
};

it('one intake shape: trims, upper-cases the id number, and gives each field its Chinese message', () => {
  const ok = checkApplicationInput(valid);
  assert.deepEqual(ok.errors, {});
  assert.equal(ok.input.applicantName, '张三');
  assert.equal(ok.input.idNumber, '41010219900101123X');
  assert.equal(ok.input.itemCount, 1);
  const bad = checkApplicationInput({ ...valid, address: '路'.repeat(201), applicantName: '张\n三', description: '第一行\r\n第二行\t完', itemCount: '0' });
  assert.equal(bad.errors.address, '通信地址不能超过200个字');
  assert.match(bad.errors.applicantName!, /控制字符/);
  assert.equal(bad.errors.description, undefined, 'line breaks and tabs are fine in multi-line text');
  assert.equal(bad.errors.itemCount, '申请事项件数应为1至100之间的整数');
  assert.match(checkApplicationInput({ ...valid, description: 'a\u0000bcdef' }).errors.description!, /控制字符/);
});

it('form posts become the same shape: numbers from text, empty means not given', () => {
  assert.deepEqual(checkApplicationInput({ ...valid, organizationId: '1', itemCount: '' }).errors, {});
  assert.equal(checkApplicationInput({ ...valid, organizationId: 'x1' }).errors.organizationId, '请选择受理申请的行政机关');
  assert.equal(applicationIntakeShape.safeParse({ ...valid, applicantName: ['a'] }).success, false);
});

it('one letter shape for the mailbox form', () => {
  assert.deepEqual(checkLetter({ organizationId: 1, writerName: '李四', contact: '13900000000', subject: '路灯', body: '人民路的路灯坏了很久，请尽快维修。' }), {});
  const e = checkLetter({ organizationId: 1, writerName: '李\u0007四', contact: '', subject: '标题\n换行', body: '太短' });
  assert.match(e.writerName!, /控制字符/);
  assert.equal(e.contact, '请填写联系电话或电子邮箱');
  assert.match(e.subject!, /控制字符/);
  assert.equal(e.body, '来信内容应为10至5000字');
});

describeOnBothDatabases('the same limits on the public form, the API and its OpenAPI page', (t) => {
  let a: TestApp;
  before(async () => {
    a = await createTestApp(t());
  });
  after(async () => {
    await a.app.close();
  });
  const count = async () => Number((await t().db.selectFrom('applications').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('refuses a 5,000-character address on the portal form as on the staff API, storing nothing', async () => {
    const page = await a.app.inject({ method: 'GET', url: '/ysqgk/' });
    const cookie = `gk_form=${page.cookies.find((c) => c.name === 'gk_form')!.value}`;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    assert.match(page.body, /id="f-address" name="address" type="text" value="" maxlength="200"/);
    const before = await count();
    const form = new URLSearchParams({ ...Object.fromEntries(Object.entries(valid).map(([k, v]) => [k, String(v)])), _csrf: csrf, organizationId: String(/<option value="(\d+)"/.exec(page.body)![1]), address: '路'.repeat(5000) });
    const portal = await a.app.inject({ method: 'POST', url: '/ysqgk/', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: form.toString() });
    assert.equal(portal.statusCode, 400);
    assert.match(portal.body, /通信地址不能超过200个字/);
    const clerk = await a.login('gkb');
    const api = await a.app.inject({ method: 'POST', url: '/api/v1/applications', headers: clerk.headers, payload: { ...valid, channel: 'in_person', organizationId: Number(form.get('organizationId')), address: '路'.repeat(5000) } });
    assert.equal(api.statusCode, 400);
    assert.match(api.json().error.message, /address/);
    assert.equal(await count(), before);
    const spec = (await a.app.inject({ method: 'GET', url: '/api/docs/json', headers: clerk.headers })).json() as { paths: Record<string, { post?: { requestBody: { content: Record<string, { schema: { properties: Record<string, { maxLength?: number }> } }> } } }> };
    assert.equal(spec.paths['/api/v1/applications']!.post!.requestBody.content['application/json']!.schema.properties.address!.maxLength, 200);
  });

  it('refuses a NUL byte in a login name, an application and a letter with 400 request.control_character', async () => {
    const login = await a.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin\u0000', password: 'x' } });
    assert.equal(login.statusCode, 400);
    assert.equal(login.json().error.code, 'request.control_character');
    assert.match(login.json().error.message, /username.*控制字符/);
    const clerk = await a.login('gkb');
    const api = await a.app.inject({ method: 'POST', url: '/api/v1/applications', headers: clerk.headers, payload: { ...valid, channel: 'in_person', applicantName: '张\u0000三' } });
    assert.equal(api.statusCode, 400);
    assert.equal(api.json().error.code, 'request.control_character');
    const letter = await a.app.inject({ method: 'POST', url: '/hdjl/xx/', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'writerName=%00&body=x' });
    assert.equal(letter.statusCode, 400);
    assert.match(letter.body, /控制字符/);
  });
});
