/**
 * The 政府信息公开指南 is the body's own page (issue "daily publishing", item 4): its 公开办 edits
 * the office, address, hours, contact and application channels, and the portal shows them. Two
 * saves from one loaded form: one wins, the other is told (409). Bad input changes nothing.
 */
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';

const CONTENT = {
  officeName: '石龙区人民政府办公室（区政务公开办公室）',
  address: '平顶山市石龙区人民路88号行政服务中心三楼',
  postcode: '467045',
  hours: '法定工作日 上午9:00—12:00，下午13:30—17:00',
  phone: '0375-7888888',
  fax: '0375-7888889',
  email: 'zwgk@shilong.example.gov.cn',
  channels: '在线申请：本网站“依申请公开”栏目\n当面申请：行政服务中心三楼12号窗口',
  extra: '本指南自2026年12月1日起施行。',
};

describeOnBothDatabases('政府信息公开指南: edited by the body’s office, shown on the portal', (t) => {
  let a: TestApp;
  let gov: number;
  const url = () => `/api/v1/organizations/${gov}/portal-guide`;
  const rows = () => a.deps.db.selectFrom('portal_guides').selectAll().execute();

  before(async () => {
    a = await createTestApp(t());
    gov = (await a.deps.db.selectFrom('organizations').select('id').where('code', '=', 'shilong').executeTakeFirstOrThrow()).id;
  });
  after(() => a.app.close());

  it('shows the default from the site’s contact lines until the office saves its own', async () => {
    const page = await a.app.inject({ url: '/xxgk/zn/' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /石龙区人民政府办公室/);
    assert.match(page.body, /0375-0000000/);
    const admin = (await a.login('admin')).headers;
    const got = await a.app.inject({ url: url(), headers: admin });
    assert.equal(got.statusCode, 200, got.body);
    assert.equal(got.json().version, 0);
    assert.equal(got.json().canEdit, true);
  });

  it('refuses control characters, a wrong postcode and a 10,000-character field with 400, storing nothing', async () => {
    const admin = (await a.login('admin')).headers;
    for (const content of [{ ...CONTENT, phone: '0375\u0000' }, { ...CONTENT, postcode: '4670' }, { ...CONTENT, extra: '长'.repeat(10_000) }, { ...CONTENT, officeName: '' }]) {
      const res = await a.app.inject({ method: 'PUT', url: url(), headers: admin, payload: { content, version: 0 } });
      assert.equal(res.statusCode, 400, res.body);
      assert.match(res.json().error.message, /[\u4e00-\u9fff]/);
    }
    assert.equal((await rows()).length, 0);
  });

  it('lets a publisher of a department neither read nor change the government’s guide', async () => {
    const editor = (await a.login('fgw-editor')).headers;
    assert.equal((await a.app.inject({ method: 'PUT', url: url(), headers: editor, payload: { content: CONTENT, version: 0 } })).statusCode, 403);
    const fgwAdmin = (await a.login('fgw-admin')).headers;
    assert.equal((await a.app.inject({ method: 'PUT', url: url(), headers: fgwAdmin, payload: { content: CONTENT, version: 0 } })).statusCode, 403);
    assert.equal((await rows()).length, 0);
  });

  it('of ten saves from one loaded form one wins, nine get 409; the portal shows the saved guide', async () => {
    const admin = (await a.login('admin')).headers;
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => a.app.inject({
      method: 'PUT', url: url(), headers: admin, payload: { content: { ...CONTENT, hours: `${CONTENT.hours}（${i}）` }, version: 0 },
    })));
    const codes = answers.map((r) => r.statusCode).sort();
    assert.deepEqual(codes, [200, ...Array(9).fill(409)], answers.map((r) => r.body).join('\n'));
    assert.equal(answers.find((r) => r.statusCode === 409)!.json().error.code, 'publishing.guide_changed');
    const [row] = await rows();
    assert.equal(row!.version, 1);
    const audit = await a.deps.db.selectFrom('audit_log').select('id').where('action', '=', 'publishing.guide_saved').execute();
    assert.equal(audit.length, 1);

    const page = await a.app.inject({ url: '/xxgk/zn/' });
    for (const text of ['人民路88号行政服务中心三楼', '467045', '0375-7888889', 'zwgk@shilong.example.gov.cn', '行政服务中心三楼12号窗口', '本指南自2026年12月1日起施行']) assert.ok(page.body.includes(text), text);

    const stale = await a.app.inject({ method: 'PUT', url: url(), headers: admin, payload: { content: CONTENT, version: 0 } });
    assert.equal(stale.statusCode, 409);
    const next = await a.app.inject({ method: 'PUT', url: url(), headers: admin, payload: { content: { ...CONTENT, fax: '' }, version: 1 } });
    assert.equal(next.statusCode, 200, next.body);
    assert.equal(next.json().version, 2);
    assert.ok(!(await a.app.inject({ url: '/xxgk/zn/' })).body.includes('传真'), 'an empty field is left out of the page');
  });
});
