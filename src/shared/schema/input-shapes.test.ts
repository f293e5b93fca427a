/**
 * One input shape per request, on both databases: the zod shape is what the route validates with
 * and what /api/docs shows, and a value is refused the same way wherever it is sent — the portal
 * form and the staff API for an application, the administration API for accounts.
 */
import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describeOnBothDatabases } from '../../db/test-databases.ts';
import { createTestApp, type TestApp } from '../../http/test-app.ts';
import { samplePdf } from '../../applications/case-files.testing.ts';

type Spec = { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties: Record<string, Record<string, unknown>>; required?: string[] } }> } }>> };

describeOnBothDatabases('one input shape per request', (t) => {
  let a: TestApp;
  let admin: Record<string, string>;
  let govId = 0;
  before(async () => {
    a = await createTestApp(t());
    admin = (await a.login('admin')).headers;
    govId = (await t().db.selectFrom('organizations').select('id').where('code', '=', 'shilong').executeTakeFirstOrThrow()).id;
  });
  after(async () => {
    await a.app.close();
  });
  const users = async () => Number((await t().db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const newUser = (over: Record<string, unknown>) => ({ username: 'shape-user', displayName: '形状 测试', organizationId: govId, roles: ['case_handler'], password: 'Shape-Strong-2026!', ...over });

  it('shows the account shapes on /api/docs as the routes apply them', async () => {
    // The API page is for signed-in staff.
    const spec = (await a.app.inject({ method: 'GET', url: '/api/docs/json', headers: admin })).json() as Spec;
    const create = spec.paths['/api/v1/users']!.post!.requestBody!.content['application/json']!.schema;
    assert.equal(create.properties.displayName!.maxLength, 64);
    assert.equal(create.properties.username!.pattern, '^[A-Za-z0-9_.-]{3,32}$');
    assert.deepEqual([...create.required!].sort(), ['displayName', 'organizationId', 'password', 'roles', 'username']);
    const patch = spec.paths['/api/v1/users/{id}']!.patch!.requestBody!.content['application/json']!.schema;
    assert.equal(patch.properties.version!.type, 'integer');
  });

  for (const [label, over, code, pattern] of [
    ['an over-long name', { displayName: '名'.repeat(65) }, 'request.invalid', /displayName.*不能超过64个字/],
    ['a control character', { displayName: '张\u0007三' }, 'request.control_character', /displayName.*控制字符/],
    ['a wrong type', { organizationId: '1' }, 'request.invalid', /organizationId.*正整数/],
    ['an unknown field', { admin: true }, 'request.invalid', /admin/],
    ['a missing field', { roles: undefined }, 'request.invalid', /缺少必填字段“roles”/],
  ] as const) {
    it(`refuses ${label} in a new account with 400 ${code} and a Chinese message, creating nothing`, async () => {
      const before = await users();
      const r = await a.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin, payload: newUser(over) });
      assert.equal(r.statusCode, 400, r.body);
      assert.equal(r.json().error.code, code);
      assert.match(r.json().error.message, pattern);
      assert.equal(await users(), before);
    });
  }

  it('trims an account change and refuses an empty one', async () => {
    const created = await a.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin, payload: newUser({ displayName: '  前后空格  ' }) });
    assert.equal(created.statusCode, 201, created.body);
    const user = created.json().user as { id: number; displayName: string; version: number };
    assert.equal(user.displayName, '前后空格');
    const empty = await a.app.inject({ method: 'PATCH', url: `/api/v1/users/${user.id}`, headers: admin, payload: { version: user.version } });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.json().error.message, /请至少修改一项/);
    const badId = await a.app.inject({ method: 'PATCH', url: '/api/v1/users/abc', headers: admin, payload: { displayName: '新名' } });
    assert.equal(badId.statusCode, 400);
    assert.equal(badId.json().error.code, 'request.invalid');
  });

  it('refuses the same control character and the same wrong count on the portal form as on the staff API', async () => {
    const page = await a.app.inject({ method: 'GET', url: '/ysqgk/' });
    const cookie = `gk_form=${page.cookies.find((c) => c.name === 'gk_form')!.value}`;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const orgId = /<option value="(\d+)"/.exec(page.body)![1]!;
    const valid = {
      organizationId: orgId, applicantType: '自然人', applicantName: '张三', idKind: '居民身份证', idNumber: '41010219900101123X',
      phone: '13800000000', description: '请公开2025年道路维修项目的预算', formWanted: '电子数据', deliveryWanted: '网上获取',
    };
    const clerk = await a.login('gkb');
    const count = async () => Number((await t().db.selectFrom('applications').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    for (const [field, value, message] of [['applicantName', '张\u0007三', /控制字符/], ['itemCount', '0', /申请事项件数应为1至100之间的整数/]] as const) {
      const form = new URLSearchParams({ ...valid, _csrf: csrf, [field]: value });
      const portal = await a.app.inject({ method: 'POST', url: '/ysqgk/', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: form.toString() });
      assert.equal(portal.statusCode, 400, `${field} on the form`);
      assert.match(portal.body, message);
      const api = await a.app.inject({
        method: 'POST', url: '/api/v1/applications', headers: clerk.headers,
        payload: { ...valid, channel: 'in_person', organizationId: Number(orgId), [field]: field === 'itemCount' ? Number(value) : value },
      });
      assert.equal(api.statusCode, 400, `${field} on the API: ${api.body}`);
      assert.match(api.json().error.message, new RegExp(`${field}|${message.source}`));
    }
    assert.equal(await count(), before, 'nothing stored');
  });

  it('refuses a malformed password change by its shape, names the field, and changes nothing', async () => {
    const spec = (await a.app.inject({ method: 'GET', url: '/api/docs/json', headers: admin })).json() as Spec;
    const shown = spec.paths['/api/v1/auth/password']!.post!.requestBody!.content['application/json']!.schema;
    assert.deepEqual([...shown.required!].sort(), ['currentPassword', 'newPassword']);
    assert.equal(shown.properties.newPassword!.maxLength, 256);
    const leader = await a.login('leader');
    const hash = async () => (await t().db.selectFrom('users').select('password_hash').where('username', '=', 'leader').executeTakeFirstOrThrow()).password_hash;
    const before = await hash();
    for (const [payload, message] of [
      [{ newPassword: 'Another-Strong-2026!' }, /缺少必填字段“currentPassword”/],
      [{ currentPassword: a.password('leader'), newPassword: 'x'.repeat(257) }, /newPassword.*不能超过256个字符/],
      [{ currentPassword: a.password('leader'), newPassword: 'Another-Strong-2026!', extra: 1 }, /extra/],
    ] as const) {
      const r = await a.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: leader.headers, payload });
      assert.equal(r.statusCode, 400, r.body);
      assert.equal(r.json().error.code, 'request.invalid');
      assert.match(r.json().error.message, message);
    }
    assert.equal(await hash(), before, 'the password is unchanged');
  });

  it('refuses a malformed item draft or transition by its shape, names the field, and stores nothing', async () => {
    const spec = (await a.app.inject({ method: 'GET', url: '/api/docs/json', headers: admin })).json() as Spec;
    const shown = spec.paths['/api/v1/publishing/items']!.post!.requestBody!.content['application/json']!.schema;
    assert.equal(shown.properties.title!.maxLength, 300);
    const editor = await a.login('fgw-editor');
    const column = await t().db.selectFrom('publishing_columns').select('id').where('organization_id', '=', (await t().db.selectFrom('users').select('organization_id').where('username', '=', 'fgw-editor').executeTakeFirstOrThrow()).organization_id).executeTakeFirstOrThrow();
    const items = async () => Number((await t().db.selectFrom('publishing_items').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await items();
    const long = await a.app.inject({ method: 'POST', url: '/api/v1/publishing/items', headers: editor.headers, payload: { columnId: column.id, kind: 'announcement', title: '题'.repeat(301) } });
    assert.equal(long.statusCode, 400, long.body);
    assert.match(long.json().error.message, /title.*不能超过300个字/);
    assert.equal(await items(), before);
    const made = await a.app.inject({ method: 'POST', url: '/api/v1/publishing/items', headers: editor.headers, payload: { columnId: column.id, kind: 'announcement', title: '形状测试', writtenDate: null, validity: '' } });
    assert.equal(made.statusCode, 200, made.body);
    const bad = await a.app.inject({ method: 'POST', url: `/api/v1/publishing/items/${made.json().id}/transitions`, headers: editor.headers, payload: { action: 'launch' } });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().error.message, /action.*未知的流转操作/);
  });

  // A 10 MB field is refused by the request size limit (1 MB) before any shape is applied.
  const tenMegabytes = 'x'.repeat(10 * 1024 * 1024);

  it('refuses a malformed column by its shape (control character, wrong type, over-long, 10 MB), creating nothing', async () => {
    const spec = (await a.app.inject({ method: 'GET', url: '/api/docs/json', headers: admin })).json() as Spec;
    const shown = spec.paths['/api/v1/publishing/columns']!.post!.requestBody!.content['application/json']!.schema;
    assert.equal(shown.properties.name!.maxLength, 64);
    assert.deepEqual([...shown.required!].sort(), ['code', 'kind', 'name', 'organizationId']);
    const columns = async () => Number((await t().db.selectFrom('publishing_columns').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await columns();
    const valid = { organizationId: govId, code: 'shape-col', name: '形状栏目', kind: 'list' };
    for (const [over, status, code, pattern] of [
      [{ name: '栏\u0000目' }, 400, 'request.control_character', /name.*控制字符/],
      [{ parentId: '1' }, 400, 'request.invalid', /parentId.*整数/],
      [{ hidden: 'yes' }, 400, 'request.invalid', /hidden/],
      [{ description: '说'.repeat(2001) }, 400, 'request.invalid', /description.*不能超过2000个字/],
      [{ code: 'Bad Code' }, 400, 'request.invalid', /code.*栏目代码/],
      [{ description: tenMegabytes }, 413, 'request.too_large', /过大/],
    ] as const) {
      const r = await a.app.inject({ method: 'POST', url: '/api/v1/publishing/columns', headers: admin, payload: { ...valid, ...over } });
      assert.equal(r.statusCode, status, `${JSON.stringify(over).slice(0, 80)}: ${r.body}`);
      assert.equal(r.json().error.code, code);
      assert.match(r.json().error.message, pattern);
    }
    const column = await t().db.selectFrom('publishing_columns').select('id').where('organization_id', '=', govId).executeTakeFirstOrThrow();
    const patched = await a.app.inject({ method: 'PATCH', url: `/api/v1/publishing/columns/${column.id}`, headers: admin, payload: { updateIntervalDays: 0 } });
    assert.equal(patched.statusCode, 400, patched.body);
    assert.match(patched.json().error.message, /updateIntervalDays.*1至3660天/);
    assert.equal(await columns(), before, 'nothing created');
  });

  it('refuses malformed annual-report bodies (version, narrative, figures, action) by their shapes, changing nothing', async () => {
    const clerk = await a.login('gkb');
    const versions = async () => (await t().db.selectFrom('report_versions').select(['id', 'narrative', 'revision']).orderBy('id').execute());
    const figures = async () => (await t().db.selectFrom('report_figures').selectAll().orderBy('organization_id').execute());
    const noteControl = await a.app.inject({ method: 'POST', url: `/api/v1/reports/${govId}/2025/versions`, headers: clerk.headers, payload: { correctionNote: '注\u0007' } });
    assert.equal(noteControl.statusCode, 400, noteControl.body);
    assert.equal(noteControl.json().error.code, 'request.control_character');
    const badYear = await a.app.inject({ method: 'POST', url: `/api/v1/reports/${govId}/1999/versions`, headers: clerk.headers, payload: {} });
    assert.equal(badYear.statusCode, 400, badYear.body);
    assert.match(badYear.json().error.message, /year.*2008至2100/);
    const started = await a.app.inject({ method: 'POST', url: `/api/v1/reports/${govId}/2025/versions`, headers: clerk.headers, payload: {} });
    assert.equal(started.statusCode, 201, started.body);
    const versionId = (started.json() as { version: { id: number } }).version.id;
    const [versionsBefore, figuresBefore] = [await versions(), await figures()];
    for (const [url, method, payload, status, code, pattern] of [
      [`/api/v1/reports/versions/${versionId}/narrative`, 'PUT', { parts: { zdgk: '概述\u0000' } }, 400, 'request.control_character', /parts\.zdgk.*控制字符/],
      [`/api/v1/reports/versions/${versionId}/narrative`, 'PUT', { parts: '概述' }, 400, 'request.invalid', /parts/],
      [`/api/v1/reports/versions/${versionId}/narrative`, 'PUT', { parts: {}, revision: 'one' }, 400, 'request.invalid', /revision.*整数/],
      [`/api/v1/reports/versions/${versionId}/narrative`, 'PUT', { parts: { zdgk: '文'.repeat(50_001) } }, 400, 'request.invalid', /parts\.zdgk.*50000/],
      [`/api/v1/reports/versions/${versionId}/narrative`, 'PUT', { parts: { zdgk: tenMegabytes } }, 413, 'request.too_large', /过大/],
      [`/api/v1/reports/${govId}/2025/figures`, 'PUT', { rules: null, normativeDocuments: null, licensing: '5', punishment: null, enforcement: null, feesAmountWanYuan: null }, 400, 'request.invalid', /licensing.*非负整数/],
      [`/api/v1/reports/${govId}/2025/figures`, 'PUT', { rules: [1, 2], normativeDocuments: null, licensing: null, punishment: null, enforcement: null, feesAmountWanYuan: null }, 400, 'request.invalid', /rules.*三个非负整数/],
      [`/api/v1/reports/${govId}/2025/figures`, 'PUT', { rules: null, normativeDocuments: null, licensing: null, punishment: null, enforcement: null, feesAmountWanYuan: '1\u001b2' }, 400, 'request.control_character', /feesAmountWanYuan/],
      [`/api/v1/reports/versions/${versionId}/launch`, 'POST', {}, 400, 'request.invalid', /action.*未知的报告操作/],
    ] as const) {
      const r = await a.app.inject({ method, url, headers: clerk.headers, payload });
      assert.equal(r.statusCode, status, `${url} ${JSON.stringify(payload).slice(0, 80)}: ${r.body}`);
      assert.equal(r.json().error.code, code);
      assert.match(r.json().error.message, pattern);
    }
    assert.deepEqual(await versions(), versionsBefore, 'no narrative saved');
    assert.deepEqual(await figures(), figuresBefore, 'no figures saved');
    const spec = (await a.app.inject({ method: 'GET', url: '/api/docs/json', headers: admin })).json() as Spec;
    const shown = spec.paths['/api/v1/reports/{bodyId}/{year}/figures']!.put!.requestBody!.content['application/json']!.schema;
    assert.deepEqual([...shown.required!].sort(), ['enforcement', 'feesAmountWanYuan', 'licensing', 'normativeDocuments', 'punishment', 'rules']);
  });

  it('refuses an attachment whose name or text field breaks the upload shape with 400 naming the field, storing nothing', async () => {
    const editor = await a.login('fgw-editor');
    const column = await t().db.selectFrom('publishing_columns').select('id').where('organization_id', '=', (await t().db.selectFrom('users').select('organization_id').where('username', '=', 'fgw-editor').executeTakeFirstOrThrow()).organization_id).executeTakeFirstOrThrow();
    const made = await a.app.inject({ method: 'POST', url: '/api/v1/publishing/items', headers: editor.headers, payload: { columnId: column.id, kind: 'announcement', title: '附件形状测试' } });
    assert.equal(made.statusCode, 200, made.body);
    const itemId = made.json().id as number;
    const pdf = samplePdf('附件');
    // The part's header as a client may write it: raw bytes in the quoted name, NUL included.
    const upload = (disposition: string, fields: Record<string, string> = {}) => {
      const boundary = '----gongkaiShapeBoundary';
      const head = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('');
      const payload = Buffer.concat([Buffer.from(`${head}--${boundary}\r\nContent-Disposition: form-data; name="file"; ${disposition}\r\nContent-Type: application/pdf\r\n\r\n`), pdf, Buffer.from(`\r\n--${boundary}--\r\n`)]);
      return a.app.inject({ method: 'POST', url: `/api/v1/publishing/items/${itemId}/attachments`, headers: { ...editor.headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    };
    const stored = async () => Number((await t().db.selectFrom('publishing_attachments').select((eb) => eb.fn.countAll().as('n')).where('item_id', '=', itemId).executeTakeFirstOrThrow()).n);
    const onDisk = () => (existsSync(join(a.deps.config.dataDir, 'attachments', String(itemId))) ? readdirSync(join(a.deps.config.dataDir, 'attachments', String(itemId))).length : 0);
    for (const [disposition, fields, code, pattern] of [
      ['filename="通知\u0000.pdf"', {}, 'request.control_character', /fileName.*控制字符/],
      ['filename="通知\u0007.pdf"', {}, 'request.control_character', /fileName.*控制字符/],
      ['filename="通知\u001b[2J.pdf"', {}, 'request.control_character', /fileName.*控制字符/],
      [`filename="${'长'.repeat(117)}.pdf"`, {}, 'request.invalid', /fileName.*不能超过120个字/],
      ['filename="通知.pdf"', { title: '标题' }, 'request.invalid', /title/],
    ] as const) {
      const r = await upload(disposition, fields);
      assert.equal(r.statusCode, 400, `${disposition.slice(0, 60)}: ${r.body}`);
      assert.equal(r.json().error.code, code);
      assert.match(r.json().error.message, pattern);
    }
    assert.equal(await stored(), 0, 'no attachment row');
    assert.equal(onDisk(), 0, 'no file on disk');
    const good = await upload(`filename="${'长'.repeat(116)}.pdf"`);
    assert.equal(good.statusCode, 200, good.body);
    assert.equal(good.json().fileName, `${'长'.repeat(116)}.pdf`);
    assert.equal(await stored(), 1);
  });
});
