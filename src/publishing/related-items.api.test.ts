/**
 * 相关信息 over the API on both databases: a draft is linked to the body's items found by title,
 * the link shows both ways in the back office and, between published items only, on the portal;
 * bad links (itself, another body's, a withdrawn item, a repeat) are refused with nothing changed;
 * only the unit's publisher changes a draft's links; each change is audited; of identical requests
 * at once one adds the link and the others get 409; withdrawing one side leaves the other online.
 */
import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { fgwDesk } from './fgw-desk.testing.ts';
import { assertOneWinner, fireSame } from '../shared/race.testing.ts';
import { COMPLETE_REVIEW } from './confidentiality.testing.ts';

type Headers = Record<string, string>;

describeOnBothDatabases('相关信息: linked both ways by title', (t) => {
  let a: TestApp;
  let editor: Headers;
  let reviewer: Headers;
  let fgwId = 0;
  let columnId = 0;
  let serial = 0;

  before(async () => {
    a = await createTestApp(t());
    ({ editor, reviewer, fgwId, columnId } = await fgwDesk(a));
  });
  after(async () => {
    await a.app.close();
  });

  const post = (url: string, headers: Headers, payload: unknown) => a.app.inject({ method: 'POST', url, headers, payload: payload as Record<string, unknown> });
  async function draft(title: string, headers = editor, column = columnId): Promise<number> {
    serial += 1;
    const res = await post('/api/v1/publishing/items', headers, { columnId: column, kind: 'general', title: `${title}${serial}`, bodyHtml: `<p>正文${serial}</p>` });
    assert.equal(res.statusCode, 200, res.body);
    return (res.json() as { id: number }).id;
  }
  async function publish(id: number) {
    assert.equal((await post(`/api/v1/publishing/items/${id}/transitions`, editor, { action: 'submit' })).statusCode, 200);
    const res = await post(`/api/v1/publishing/items/${id}/transitions`, reviewer, { action: 'approve', confidentialityReview: COMPLETE_REVIEW });
    assert.equal(res.statusCode, 200, res.body);
  }
  const relate = (id: number, relatedId: unknown, headers = editor) => post(`/api/v1/publishing/items/${id}/related`, headers, { relatedId });
  const related = async (id: number, headers = editor) =>
    ((await a.app.inject({ method: 'GET', url: `/api/v1/publishing/items/${id}`, headers })).json() as { related: { id: number; status: string }[] }).related.map((r) => r.id);
  const rowCount = async () => Number((await a.deps.db.selectFrom('publishing_related_items').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const errorCode = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;
  const auditOf = (id: number, action: string) => a.deps.db.selectFrom('audit_log').select(['detail']).where('action', '=', action).where('target_id', '=', String(id)).execute();

  it('links a draft to an item found by title; both show it, the portal only between published items', async () => {
    const older = await draft('石龙区充电桩建设补贴申报通知');
    await publish(older);
    const search = await a.app.inject({ method: 'GET', url: `/api/v1/publishing/link-candidates?organizationId=${fgwId}&q=${encodeURIComponent('充电桩建设补贴')}`, headers: editor });
    const found = (search.json() as { items: { id: number }[] }).items.map((i) => i.id);
    assert.ok(found.includes(older));

    const fresh = await draft('石龙区充电桩建设补贴申报结果公示');
    const res = await relate(fresh, older);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(await related(fresh), [older]);
    assert.deepEqual(await related(older, reviewer), [fresh]);
    assert.equal((await auditOf(fresh, 'publishing.item_related_added')).length, 1);

    // While the new item is a draft the public page of the older one does not mention it.
    const before = await a.app.inject({ method: 'GET', url: `/xxgk/xx/${older}/` });
    assert.doesNotMatch(before.body, /相关信息/);
    await publish(fresh);
    const page = await a.app.inject({ method: 'GET', url: `/xxgk/xx/${older}/` });
    assert.match(page.body, new RegExp(`<h2 id="h-related">相关信息</h2><ul><li><a href="/xxgk/xx/${fresh}/">`));
    const back = await a.app.inject({ method: 'GET', url: `/xxgk/xx/${fresh}/` });
    assert.match(back.body, new RegExp(`相关信息[\\s\\S]*href="/xxgk/xx/${older}/"`));

    // Withdrawing one side leaves the other online; the link is gone from its page, not from the back office.
    assert.equal((await post(`/api/v1/publishing/items/${older}/transitions`, reviewer, { action: 'withdraw', comment: '申报已结束' })).statusCode, 200);
    const after = await a.app.inject({ method: 'GET', url: `/xxgk/xx/${fresh}/` });
    assert.equal(after.statusCode, 200);
    assert.doesNotMatch(after.body, /相关信息/);
    assert.deepEqual(await related(fresh), [older]);
  });

  it('refuses a link to itself, to another body\'s or a withdrawn item, a repeat from either side, and bad input, changing nothing', async () => {
    const one = await draft('相关信息甲');
    const two = await draft('相关信息乙');
    const jyj = (await a.login('jyj-editor')).headers;
    const jyjColumn = (await a.deps.db.selectFrom('publishing_columns').innerJoin('organizations', 'organizations.id', 'publishing_columns.organization_id')
      .select('publishing_columns.id').where('organizations.code', '=', 'shilong-jyj').where('publishing_columns.code', '=', 'qtwj').executeTakeFirstOrThrow()).id;
    const foreign = await draft('教育局信息', jyj, jyjColumn);
    const gone = await draft('已撤回信息');
    await publish(gone);
    assert.equal((await post(`/api/v1/publishing/items/${gone}/transitions`, reviewer, { action: 'withdraw', comment: '过期' })).statusCode, 200);
    assert.equal((await relate(one, two)).statusCode, 200);
    const rows = await rowCount();

    for (const [target, code] of [[one, 'publishing.invalid_related_item'], [foreign, 'publishing.invalid_related_item'], [gone, 'publishing.invalid_related_item'], [999999, 'publishing.invalid_related_item']] as const) {
      const res = await relate(one, target);
      assert.equal(res.statusCode, 400, `${target}: ${res.body}`);
      assert.equal(errorCode(res), code);
    }
    const repeat = await relate(one, two);
    assert.equal(repeat.statusCode, 409);
    assert.equal(errorCode(repeat), 'publishing.related_exists');
    assert.equal((await relate(two, one)).statusCode, 409, 'the same pair from the other side');
    for (const hostile of ['1', 0, -3, null, 1.5, [two]]) assert.equal((await relate(one, hostile)).statusCode, 400, JSON.stringify(hostile));
    assert.equal((await post(`/api/v1/publishing/items/${one}/related`, editor, { relatedId: two, extra: 1 })).statusCode, 400);
    assert.equal(await rowCount(), rows);
  });

  it('lets only the unit\'s publisher change a draft\'s links', async () => {
    const one = await draft('权限甲');
    const two = await draft('权限乙');
    const rows = await rowCount();
    assert.equal((await a.app.inject({ method: 'POST', url: `/api/v1/publishing/items/${one}/related`, payload: { relatedId: two } })).statusCode, 401);
    assert.equal((await relate(one, two, reviewer)).statusCode, 403);
    const jyj = (await a.login('jyj-editor')).headers;
    assert.equal((await relate(one, two, jyj)).statusCode, 404);
    // A published item's links are changed by redrafting it, like the rest of its content.
    const live = await draft('已发布');
    await publish(live);
    const res = await relate(live, two);
    assert.equal(res.statusCode, 409);
    assert.equal(errorCode(res), 'publishing.invalid_state');
    assert.equal(await rowCount(), rows);
  });

  it('removes a link once, audited; a second removal is 404', async () => {
    const one = await draft('取消甲');
    const two = await draft('取消乙');
    assert.equal((await relate(one, two)).statusCode, 200);
    const del = () => a.app.inject({ method: 'DELETE', url: `/api/v1/publishing/items/${two}/related/${one}`, headers: editor });
    const first = await del();
    assert.equal(first.statusCode, 200, first.body);
    assert.deepEqual(await related(one), []);
    const second = await del();
    assert.equal(second.statusCode, 404);
    assert.equal(errorCode(second), 'publishing.related_not_found');
    assert.deepEqual((await auditOf(two, 'publishing.item_related_removed')).length, 1);
  });

  it('identical link requests ×10 at once: one row, one audit row, 409 for the rest', async () => {
    const one = await draft('并发甲');
    const two = await draft('并发乙');
    assertOneWinner(await fireSame(a.app, 10, { method: 'POST', url: `/api/v1/publishing/items/${one}/related`, headers: editor, payload: { relatedId: two } }));
    const rows = await a.deps.db.selectFrom('publishing_related_items').selectAll().where('low_item_id', '=', Math.min(one, two)).execute();
    assert.equal(rows.length, 1);
    assert.equal((await auditOf(one, 'publishing.item_related_added')).length, 1);
  });
});
