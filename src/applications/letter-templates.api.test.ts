/**
 * Issue "security to 等保2.0 level 3", item 11: letter templates belong to a body, keep their
 * versions, and are edited only by that body's administrator. A case handler (who would rewrite
 * the letters they issue) and another body's administrator get 403; one body's edit leaves every
 * other body's letters as they were; an issued letter records the version it was rendered from.
 */
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import mammoth from 'mammoth';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { addStaff } from '../http/test-users.testing.ts';
import { chromiumSkipReason } from '../shared/chromium.ts';

const RECEIPT = { title: '受理回执', body: '{{申请人}}：\n发改委已于{{收到日期}}收到您的申请（{{受理编号}}）。' };

describeOnBothDatabases('letter templates per body, with versions', (t) => {
  let a: TestApp;
  let org: Record<string, number>;
  let fgwClerk: Record<string, string>;
  const versions = (orgId: number, key: string, headers: Record<string, string>, payload: object) =>
    a.app.inject({ method: 'POST', url: `/api/v1/organizations/${orgId}/letter-templates/${key}/versions`, headers, payload });
  const newCase = async (orgId: number, headers: Record<string, string>) => {
    const res = await a.app.inject({
      method: 'POST', url: '/api/v1/applications', headers,
      payload: { organizationId: orgId, channel: 'in_person', applicantType: '自然人', applicantName: '周九', idKind: '居民身份证', idNumber: '410402199901019999', phone: '13700000000', description: '2025年重大项目审批目录', formWanted: '纸质', deliveryWanted: '邮寄', address: '石龙区1号' },
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json().id as number;
  };

  before(async () => {
    a = await createTestApp(t());
    org = Object.fromEntries((await a.deps.db.selectFrom('organizations').select(['id', 'code']).execute()).map((o) => [o.code, o.id]));
    fgwClerk = await addStaff(a, { username: 'fgw-clerk', like: 'gkb', orgCode: 'shilong-fgw', roles: ['case_handler'] });
  });
  after(() => a.app.close());

  it('refuses a 发改委 case handler and another body’s administrator, and changes nothing', async () => {
    for (const target of ['shilong-fgw', 'shilong']) {
      const res = await versions(org[target]!, 'receipt', fgwClerk, RECEIPT);
      assert.equal(res.statusCode, 403, `case handler → ${target}`);
    }
    const fgwAdmin = (await a.login('fgw-admin')).headers;
    for (const target of ['shilong-jyj', 'shilong']) {
      const res = await versions(org[target]!, 'receipt', fgwAdmin, RECEIPT);
      assert.equal(res.statusCode, 403, `发改委 admin → ${target}`);
      assert.equal(res.json().error.code, 'letters.template_forbidden');
    }
    const gkb = (await a.login('gkb')).headers;
    assert.equal((await versions(org.shilong!, 'reply', gkb, RECEIPT)).statusCode, 403, 'the 公开办 clerk does not edit the government’s templates either');
    assert.equal(await a.deps.db.selectFrom('letter_template_versions').select('id').execute().then((r) => r.length), 0);
    const seen = await a.app.inject({ method: 'GET', url: `/api/v1/organizations/${org['shilong-fgw']}/letter-templates`, headers: fgwClerk });
    assert.equal(seen.statusCode, 200, 'the clerk still reads the templates they issue from');
    assert.equal(seen.json().canEdit, false);
  });

  it('one body’s edit changes its own letters only; an issued letter keeps its template version', { skip: chromiumSkipReason() }, async () => {
    const fgwAdmin = (await a.login('fgw-admin')).headers;
    const saved = await versions(org['shilong-fgw']!, 'receipt', fgwAdmin, { ...RECEIPT, baseVersion: 0 });
    assert.equal(saved.statusCode, 201, saved.body);
    assert.equal(saved.json().version, 1);

    const fgwCase = await newCase(org['shilong-fgw']!, fgwClerk);
    const govCase = await newCase(org.shilong!, (await a.login('gkb')).headers);
    const fgwPreview = await a.app.inject({ method: 'GET', url: `/api/v1/applications/${fgwCase}/letters/receipt`, headers: fgwClerk });
    assert.match(fgwPreview.body, /发改委已于/);
    const govPreview = await a.app.inject({ method: 'GET', url: `/api/v1/applications/${govCase}/letters/receipt`, headers: (await a.login('gkb')).headers });
    assert.doesNotMatch(govPreview.body, /发改委已于/);
    assert.match(govPreview.body, /政府信息公开申请受理回执/, 'the government still prints the platform default');

    const issued = await a.app.inject({ method: 'POST', url: `/api/v1/applications/${fgwCase}/letters/receipt/issue`, headers: fgwClerk, payload: {} });
    assert.equal(issued.statusCode, 201, issued.body);
    assert.equal(issued.json().templateVersion.version, 1);
    const text = async () => (await mammoth.extractRawText({ buffer: (await a.app.inject({ method: 'GET', url: `/api/v1/applications/${fgwCase}/issued-letters/${issued.json().id}/docx`, headers: fgwClerk })).rawPayload })).value;
    const before = await text();
    assert.match(before, /发改委已于/);

    assert.equal((await versions(org['shilong-fgw']!, 'receipt', fgwAdmin, { title: '受理回执', body: '{{申请人}}：第二版。' })).statusCode, 201);
    const [listed] = (await a.app.inject({ method: 'GET', url: `/api/v1/applications/${fgwCase}/issued-letters`, headers: fgwClerk })).json().items;
    assert.equal(listed.templateVersion.version, 1, 'the letter still names the version it was rendered from');
    assert.equal(await text(), before, 'and its stored file is unchanged');
  });

  it('lists versions newest first, restores an old one (or the default) as a new version, refuses a stale or broken save', async () => {
    const admin = (await a.login('admin')).headers; // the district's administrator covers every body of the district
    const jyj = org['shilong-jyj']!;
    const url = `/api/v1/organizations/${jyj}/letter-templates/reply`;
    assert.equal((await versions(jyj, 'reply', admin, { title: '答复书', body: '第一版：{{申请人}}' })).json().version, 1);
    assert.equal((await versions(jyj, 'reply', admin, { title: '答复书', body: '第二版：{{申请人}}', baseVersion: 1 })).json().version, 2);

    const stale = await versions(jyj, 'reply', admin, { title: '答复书', body: '迟到的修改', baseVersion: 1 });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().error.code, 'letters.template_conflict');
    const unknown = await versions(jyj, 'reply', admin, { title: '答复书', body: '{{申请人姓名}}：您好' });
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.json().error.message, /\{\{申请人姓名\}\}/);
    assert.equal((await versions(jyj, 'reply', admin, { title: '  ', body: '正文' })).statusCode, 400);

    const restored = await a.app.inject({ method: 'POST', url: `${url}/versions/1/restore`, headers: admin });
    assert.equal(restored.statusCode, 201, restored.body);
    assert.equal(restored.json().version, 3);
    const list = (await a.app.inject({ method: 'GET', url: `${url}/versions`, headers: admin })).json();
    assert.equal(list.current, 3);
    assert.deepEqual(list.versions.map((v: { version: number; restoredFrom: number | null; body: string }) => [v.version, v.restoredFrom, v.body]), [
      [3, 1, '第一版：{{申请人}}'], [2, null, '第二版：{{申请人}}'], [1, null, '第一版：{{申请人}}'],
    ]);
    assert.equal(list.versions[0].createdBy, '系统管理员');
    const current = (await a.app.inject({ method: 'GET', url: `/api/v1/organizations/${jyj}/letter-templates`, headers: admin })).json();
    assert.equal(current.items.find((i: { key: string }) => i.key === 'reply').body, '第一版：{{申请人}}');

    assert.equal((await a.app.inject({ method: 'POST', url: `${url}/versions/0/restore`, headers: admin })).json().version, 4);
    const back = (await a.app.inject({ method: 'GET', url: `/api/v1/organizations/${jyj}/letter-templates`, headers: admin })).json();
    assert.equal(back.items.find((i: { key: string }) => i.key === 'reply').title, '政府信息公开申请答复书', 'version 0 is the platform default');
    assert.equal((await a.app.inject({ method: 'POST', url: `${url}/versions/9/restore`, headers: admin })).statusCode, 404);
    const audit = await a.deps.db.selectFrom('audit_log').select('detail').where('action', '=', 'letters.template_saved').where('target_id', '=', String(jyj)).execute();
    assert.equal(audit.length, 4, 'every saved version is audited');
  });
});
