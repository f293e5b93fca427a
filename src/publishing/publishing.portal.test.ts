import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { COMPLETE_REVIEW } from './confidentiality.testing.ts';

describeOnBothDatabases('publishing portal pages', (t) => {
  let a: TestApp;
  let policyId = 0;
  let interpretationId = 0;
  before(async () => {
    a = await createTestApp(t());
    // The demo's interpretation that points at a document (the report demo adds unlinked ones).
    const link = await a.deps.db
      .selectFrom('publishing_items')
      .select(['id', 'interprets_item_id'])
      .where('kind', '=', 'interpretation')
      .where('interprets_item_id', 'is not', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    policyId = link.interprets_item_id!;
    interpretationId = link.id;
  });
  after(async () => {
    await a.app.close();
  });

  it('shows the latest items, special topics and a search box on the home page', async () => {
    const res = await a.app.inject({ method: 'GET', url: '/' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /关于进一步规范政府定价经营服务性收费的通知/);
    assert.match(res.body, /防范和处置非法集资举报专栏/);
    assert.match(res.body, /name="q"/);
  });

  it('lists each special topic once, with every unit’s column inside its card, and links /xmt/ and /xxgk/bm/ from the home page', async () => {
    const res = await a.app.inject({ url: '/ztzl/' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.body.match(/防范和处置非法集资举报专栏<\/a>/g)?.length, 1);
    assert.match(res.body, /各单位专栏：<a href="\/xxgk\/lm\/shilong\/ffjz\/">石龙区人民政府<\/a>、/);
    const home = await a.app.inject({ url: '/' });
    assert.match(home.body, /href="\/xxgk\/bm\/"/);
    assert.match(home.body, /href="\/xmt\/"/);
  });

  it('links a policy document and its interpretation both ways, with the metadata table', async () => {
    const doc = await a.app.inject({ method: 'GET', url: `/xxgk/xx/${policyId}/` });
    assert.equal(doc.statusCode, 200);
    for (const label of ['索引号', '主题分类', '发布机构', '成文日期', '文号', '发布日期', '有效性', '石发改〔2026〕3号', '现行有效']) assert.match(doc.body, new RegExp(label));
    assert.match(doc.body, new RegExp(`href="/xxgk/xx/${interpretationId}/"`));
    const interp = await a.app.inject({ method: 'GET', url: `/xxgk/xx/${interpretationId}/` });
    assert.match(interp.body, new RegExp(`解读文件：<a href="/xxgk/xx/${policyId}/"`));
  });

  it('lists a column with the departments\' items, filters and a feed', async () => {
    const all = await a.app.inject({ method: 'GET', url: '/xxgk/fdzdgknr/' });
    assert.equal(all.statusCode, 200);
    assert.match(all.body, /关于进一步规范政府定价经营服务性收费的通知/); // 发改委's document on the district page
    const filtered = await a.app.inject({ method: 'GET', url: '/xxgk/fdzdgknr/?kind=interpretation' });
    assert.doesNotMatch(filtered.body, /收费的通知<\/a>/);
    assert.match(filtered.body, /政策解读<\/a>/);
    const none = await a.app.inject({ method: 'GET', url: '/xxgk/fdzdgknr/?year=2001' });
    assert.match(none.body, /本栏目暂无信息/);
    const rss = await a.app.inject({ method: 'GET', url: '/xxgk/lm/shilong-fgw/zcwj/rss.xml' });
    assert.equal(rss.statusCode, 200);
    assert.match(rss.body, /<rss version="2.0">[\s\S]*收费的通知/);
    const map = await a.app.inject({ method: 'GET', url: '/sitemap.xml' });
    assert.match(map.body, new RegExp(`/xxgk/xx/${policyId}/</loc>`));
  });

  it('searches with highlighted snippets and a result count', async () => {
    const res = await a.app.inject({ method: 'GET', url: `/search?q=${encodeURIComponent('目录清单')}` });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /找到 2 条/);
    assert.match(res.body, /<mark>目录清单<\/mark>/);
  });

  it('accepts a mailbox letter only with the form token, and rate-limits', async () => {
    const page = await a.app.inject({ method: 'GET', url: '/hdjl/xx/' });
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1];
    const cookie = page.cookies.find((c) => c.name === 'gk_form')!;
    const letter = { writerName: '王先生', contact: '13800000000', subject: '关于小区道路维修', body: '人民路小区道路破损严重，希望尽快维修。' };
    const forged = await a.app.inject({ method: 'POST', url: '/hdjl/xx/', payload: letter });
    assert.equal(forged.statusCode, 403);
    const ok = await a.app.inject({ method: 'POST', url: '/hdjl/xx/', payload: { ...letter, _csrf: token }, cookies: { gk_form: cookie.value } });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.match(ok.body, /来信已收到/);
    const bad = await a.app.inject({ method: 'POST', url: '/hdjl/xx/', payload: { ...letter, body: '太短', _csrf: token }, cookies: { gk_form: cookie.value } });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /aria-invalid="true"/);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await a.app.inject({ method: 'POST', url: '/hdjl/xx/', payload: { ...letter, _csrf: token }, cookies: { gk_form: cookie.value } })).statusCode);
    assert.equal(statuses.at(-1), 429);
  });

  it('publishes a mailbox reply on the portal without the writer\'s details', async () => {
    const admin = await a.login('admin');
    const letters = await a.app.inject({ method: 'GET', url: '/api/v1/publishing/letters', headers: admin.headers });
    const letter = (letters.json() as { items: { id: number }[] }).items.at(-1)!;
    const r = await a.app.inject({ method: 'POST', url: `/api/v1/publishing/letters/${letter.id}/reply`, headers: admin.headers, payload: { reply: '已安排施工单位于下周维修。' } });
    assert.equal(r.statusCode, 200, r.body);
    assert.doesNotMatch((await a.app.inject({ method: 'GET', url: '/hdjl/' })).body, /关于小区道路维修/, 'not before review');
    const approved = await a.app.inject({ method: 'POST', url: `/api/v1/publishing/letters/${letter.id}/publication/approve`, headers: (await a.login('leader')).headers });
    assert.equal(approved.statusCode, 200, approved.body);
    const list = await a.app.inject({ method: 'GET', url: '/hdjl/' });
    assert.match(list.body, /关于小区道路维修/);
    const item = await a.app.inject({ method: 'GET', url: `/xxgk/xx/${(approved.json() as { itemId: number }).itemId}/` });
    assert.match(item.body, /已安排施工单位于下周维修/);
    assert.doesNotMatch(item.body, /13800000000|王先生/);
  });

  it('lets only one of two clerks replying at once answer a letter, and publishes one reply', async () => {
    const admin = await a.login('admin');
    const org = await a.deps.db.selectFrom('organizations').select('id').where('code', '=', a.deps.config.site.bodyCode).executeTakeFirstOrThrow();
    const letter = await a.deps.db.insertInto('publishing_mailbox_letters').values({
      organization_id: org.id, writer_name: '李女士', contact: '13900000000', subject: '关于路灯不亮的问题', body: '人民路路灯不亮。',
      status: 'received', reply_text: null, replied_at: null, reply_item_id: null, ip: '127.0.0.1', created_at: a.deps.clock.now().toISOString(),
    }).returning('id').executeTakeFirstOrThrow();
    const reply = (text: string) => a.app.inject({ method: 'POST', url: `/api/v1/publishing/letters/${letter.id}/reply`, headers: admin.headers, payload: { reply: text } });
    const results = await Promise.all([reply('已报修。'), reply('已安排维修。')]);
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409]);
    assert.equal((await a.app.inject({ method: 'POST', url: `/api/v1/publishing/letters/${letter.id}/publication/approve`, headers: (await a.login('leader')).headers })).statusCode, 200);
    const published = await a.deps.db.selectFrom('publishing_items').select('id').where('title', '=', '关于路灯不亮的问题').execute();
    assert.equal(published.length, 1, 'one reply item, not two');
  });

  it('publishes a scheduled item on a page view after its time and empties the page cache', async () => {
    const editor = await a.login('fgw-editor');
    const reviewer = await a.login('fgw-reviewer');
    const fgw = await a.deps.db.selectFrom('organizations').select('id').where('code', '=', 'shilong-fgw').executeTakeFirstOrThrow();
    const cols = await a.app.inject({ method: 'GET', url: `/api/v1/publishing/columns?organizationId=${fgw.id}`, headers: editor.headers });
    const columnId = (cols.json() as { items: { id: number; code: string }[] }).items.find((c) => c.code === 'qtwj')!.id;
    const draft = await a.app.inject({ method: 'POST', url: '/api/v1/publishing/items', headers: editor.headers, payload: { columnId, kind: 'announcement', title: '定时发布的停水通知', bodyHtml: '<p>明日停水。</p>' } });
    const id = (draft.json() as { id: number }).id;
    await a.app.inject({ method: 'POST', url: `/api/v1/publishing/items/${id}/transitions`, headers: editor.headers, payload: { action: 'submit' } });
    const publishAt = new Date(a.deps.clock.now().getTime() + 10_000).toISOString();
    const approve = await a.app.inject({ method: 'POST', url: `/api/v1/publishing/items/${id}/transitions`, headers: reviewer.headers, payload: { action: 'approve', publishAt, confidentialityReview: COMPLETE_REVIEW } });
    assert.equal((approve.json() as { status: string }).status, 'scheduled');
    await a.app.inject({ method: 'GET', url: '/xxgk/' });
    assert.equal((await a.app.inject({ method: 'GET', url: '/xxgk/' })).headers['x-page-cache'], 'hit');
    // 31 s later (past the time, within the cache's 60 s): the next uncached page view publishes it.
    a.deps.clock.advance(31_000);
    await a.app.inject({ method: 'GET', url: '/xxgk/lm/shilong-fgw/qtwj/?page=1' });
    assert.equal((await a.deps.db.selectFrom('publishing_items').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status, 'published');
    assert.equal((await a.app.inject({ method: 'GET', url: '/xxgk/' })).headers['x-page-cache'], undefined, 'cached pages were emptied');
    assert.match((await a.app.inject({ method: 'GET', url: `/xxgk/xx/${id}/` })).body, /定时发布的停水通知/);
  });

  it('registers a 政务新媒体 account only with a real opening date, and lists it on the portal', async () => {
    const admin = await a.login('admin');
    const org = await a.deps.db.selectFrom('organizations').select('id').where('code', '=', a.deps.config.site.bodyCode).executeTakeFirstOrThrow();
    const add = (openedDate: string) => a.app.inject({ method: 'POST', url: '/api/v1/publishing/new-media', headers: admin.headers, payload: { organizationId: org.id, platform: '微信公众号', name: '石龙发布测试号', openedDate } });
    const bad = await add('2026-02-31');
    assert.equal(bad.statusCode, 400);
    assert.equal((bad.json() as { error: { code: string } }).error.code, 'publishing.invalid_date');
    assert.equal((await add('2026-02-28')).statusCode, 200);
    assert.match((await a.app.inject({ method: 'GET', url: '/xmt/' })).body, /石龙发布测试号/);
  });

  it('answers 404 for an unknown item and the monitoring dashboard lists overdue columns', async () => {
    assert.equal((await a.app.inject({ method: 'GET', url: '/xxgk/xx/999999/' })).statusCode, 404);
    const admin = await a.login('admin');
    const m = await a.app.inject({ method: 'GET', url: '/api/v1/publishing/monitoring', headers: admin.headers });
    const body = m.json() as { overdueColumns: { name: string }[]; weeklySummary: string };
    assert.ok(body.overdueColumns.some((c) => c.name === '统计信息'));
    assert.match(body.weeklySummary, /网站监测周报/);
  });
});
