/**
 * A 解读 linked to its policy by searching titles, and the policy withdrawn or abolished together
 * with its live 解读, over the API on both databases: the search sees only the body's items the
 * caller reads (policy documents first, hostile queries harmless); a link to another body's item
 * is refused; withdrawing together is one transaction with a version and audit row per item,
 * refused whole (nothing changed) when one linked item may not be withdrawn by the caller or is
 * not linked; of racing requests one wins and the others get 409.
 */
import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { assertOneWinner, fireAtOnce, fireSame } from '../shared/race.testing.ts';
import { COMPLETE_REVIEW } from './confidentiality.testing.ts';
import { searchItems } from './search.repository.ts';

type Headers = Record<string, string>;

describeOnBothDatabases('linked 解读: search by title, withdraw together', (t) => {
  let a: TestApp;
  let editor: Headers;
  let reviewer: Headers;
  let fgwId = 0;
  let serial = 0;
  const columns = new Map<string, number>();

  before(async () => {
    a = await createTestApp(t());
    editor = (await a.login('fgw-editor')).headers;
    reviewer = (await a.login('fgw-reviewer')).headers;
    fgwId = (await a.deps.db.selectFrom('organizations').select('id').where('code', '=', 'shilong-fgw').executeTakeFirstOrThrow()).id;
  });
  after(async () => {
    await a.app.close();
  });

  async function columnOf(orgCode: string, code: string): Promise<number> {
    const key = `${orgCode}:${code}`;
    if (!columns.has(key)) {
      const org = await a.deps.db.selectFrom('organizations').select('id').where('code', '=', orgCode).executeTakeFirstOrThrow();
      columns.set(key, (await a.deps.db.selectFrom('publishing_columns').select('id').where('organization_id', '=', org.id).where('code', '=', code).executeTakeFirstOrThrow()).id);
    }
    return columns.get(key)!;
  }
  const post = (url: string, headers: Headers, payload: unknown) => a.app.inject({ method: 'POST', url, headers, payload: payload as Record<string, unknown> });
  async function draft(headers: Headers, payload: Record<string, unknown>, orgCode = 'shilong-fgw'): Promise<number> {
    serial += 1;
    const res = await post('/api/v1/publishing/items', headers, { columnId: await columnOf(orgCode, payload.kind === 'interpretation' ? 'zcjd' : 'qtwj'), title: `关联测试${serial}`, bodyHtml: `<p>关联测试正文${serial}</p>`, ...payload });
    assert.equal(res.statusCode, 200, res.body);
    return (res.json() as { id: number }).id;
  }
  async function publish(id: number, by = { editor, reviewer }) {
    assert.equal((await post(`/api/v1/publishing/items/${id}/transitions`, by.editor, { action: 'submit' })).statusCode, 200);
    const res = await post(`/api/v1/publishing/items/${id}/transitions`, by.reviewer, { action: 'approve', confidentialityReview: COMPLETE_REVIEW });
    assert.equal(res.statusCode, 200, res.body);
  }
  /** A published policy of 发改委 with `n` published 解读. */
  async function policyWithInterpretations(n: number, title = '') {
    const policy = await draft(editor, { kind: 'policy_document', title: title || `石龙区节能降碳专项资金管理办法${serial + 1}` });
    await publish(policy);
    const interps: number[] = [];
    for (let i = 0; i < n; i++) {
      const id = await draft(editor, { kind: 'interpretation', title: `《专项资金管理办法》解读${serial + 1}`, interpretsItemId: policy });
      await publish(id);
      interps.push(id);
    }
    return { policy, interps };
  }
  const state = async (ids: number[]) => (await a.deps.db.selectFrom('publishing_items').select(['id', 'status', 'version']).where('id', 'in', ids).orderBy('id').execute()).map((r) => `${r.id}:${r.status}:${r.version}`);
  const errorCode = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;

  it('finds the body\'s items by title, policy documents first, only what the caller may read', async () => {
    const policy = await draft(editor, { kind: 'policy_document', title: '石龙区光伏发电项目补贴实施细则' });
    await draft(editor, { kind: 'announcement', title: '石龙区光伏发电项目补贴名单公示' });
    const search = (headers: Headers, query: string) => a.app.inject({ method: 'GET', url: `/api/v1/publishing/link-candidates?organizationId=${fgwId}&${query}`, headers });
    const all = await search(editor, `q=${encodeURIComponent('光伏发电')}`);
    assert.equal(all.statusCode, 200, all.body);
    const items = (all.json() as { items: { id: number; kind: string; title: string }[] }).items;
    assert.deepEqual(items.map((i) => i.kind), ['policy_document', 'announcement']);
    assert.equal(items[0].id, policy);
    const policies = (await search(editor, `q=${encodeURIComponent('光伏发电')}&policyOnly=true`)).json() as { items: { id: number }[] };
    assert.deepEqual(policies.items.map((i) => i.id), [policy]);
    // Another body's publisher asking about 发改委 sees nothing; its own search does not reach 发改委.
    const jyj = (await a.login('jyj-editor')).headers;
    assert.deepEqual((await search(jyj, `q=${encodeURIComponent('光伏发电')}`)).json(), { items: [] });
    // Hostile input: LIKE wildcards match nothing special, a long or malformed query is a 400.
    assert.deepEqual((await search(editor, 'q=%25%25_')).json(), (await search(editor, 'q=')).json());
    assert.equal((await search(editor, `q=${'长'.repeat(65)}`)).statusCode, 400);
    assert.equal((await a.app.inject({ method: 'GET', url: '/api/v1/publishing/link-candidates?organizationId=abc', headers: editor })).statusCode, 400);
    // A 解读 cannot be linked to another body's item, nor to a non-policy item.
    const jyjPolicy = await draft(jyj, { kind: 'policy_document', title: '石龙区教育局课后服务管理办法' }, 'shilong-jyj');
    const foreign = await post('/api/v1/publishing/items', editor, { columnId: await columnOf('shilong-fgw', 'zcjd'), kind: 'interpretation', title: '越权关联', interpretsItemId: jyjPolicy });
    assert.equal(foreign.statusCode, 400);
    assert.equal(errorCode(foreign), 'publishing.invalid_interpreted_item');
  });

  it('lists the live 解读 on the policy and withdraws them together, each with its version and audit row', async () => {
    const { policy, interps } = await policyWithInterpretations(2);
    const detail = await a.app.inject({ method: 'GET', url: `/api/v1/publishing/items/${policy}`, headers: reviewer });
    assert.deepEqual((detail.json() as { linked: { id: number }[] }).linked.map((l) => l.id), interps);
    const interpDetail = (await a.app.inject({ method: 'GET', url: `/api/v1/publishing/items/${interps[0]}`, headers: editor })).json() as { interprets: { id: number; title: string } };
    assert.equal(interpDetail.interprets.id, policy);
    // The portal links both ways.
    const page = await a.app.inject({ method: 'GET', url: `/xxgk/xx/${policy}/` });
    assert.match(page.body, new RegExp(`相关解读[\\s\\S]*href="/xxgk/xx/${interps[1]}/"`));
    const interpPage = await a.app.inject({ method: 'GET', url: `/xxgk/xx/${interps[0]}/` });
    assert.match(interpPage.body, new RegExp(`解读文件：<a href="/xxgk/xx/${policy}/"`));

    // An id that is not a 解读 of this policy: refused, nothing changed.
    const before = await state([policy, ...interps]);
    const other = await draft(editor, { kind: 'general', title: '无关信息' });
    const bad = await post(`/api/v1/publishing/items/${policy}/transitions`, reviewer, { action: 'withdraw', comment: '政策调整', alsoWithdraw: [interps[0], other] });
    assert.equal(bad.statusCode, 400);
    assert.equal(errorCode(bad), 'publishing.not_linked');
    for (const hostile of [['1'], [0], [-5], Array.from({ length: 51 }, (_, i) => i + 1), 'all']) {
      const res = await post(`/api/v1/publishing/items/${policy}/transitions`, reviewer, { action: 'withdraw', comment: '政策调整', alsoWithdraw: hostile });
      assert.equal(res.statusCode, 400, JSON.stringify(hostile));
    }
    assert.deepEqual(await state([policy, ...interps]), before);

    const ok = await post(`/api/v1/publishing/items/${policy}/transitions`, reviewer, { action: 'withdraw', comment: '政策调整', alsoWithdraw: interps });
    assert.equal(ok.statusCode, 200, ok.body);
    const rows = await a.deps.db.selectFrom('publishing_items').select(['status', 'withdrawn_reason']).where('id', 'in', [policy, ...interps]).orderBy('id').execute();
    assert.deepEqual(rows.map((r) => r.status), ['withdrawn', 'withdrawn', 'withdrawn']);
    assert.equal(rows[1].withdrawn_reason, '随所解读的文件一并撤回：政策调整');
    for (const id of interps) {
      const audit = await a.deps.db.selectFrom('audit_log').select('action').where('target_type', '=', 'publishing_item').where('target_id', '=', String(id)).orderBy('id').execute();
      assert.equal(audit.at(-1)!.action, 'publishing.item_withdraw');
      const v = await a.deps.db.selectFrom('publishing_item_versions').select('action').where('item_id', '=', id).orderBy('id').execute();
      assert.equal(v.at(-1)!.action, 'withdraw');
    }
    assert.equal((await searchItems(a.deps.db, { q: '专项资金管理办法' })).hits.filter((h) => interps.includes(h.id)).length, 0);
  });

  it('refuses the whole withdrawal when the caller may not withdraw one linked 解读', async () => {
    const { policy } = await policyWithInterpretations(0);
    // The government office's 解读 of 发改委's policy, linked by someone who reads both units
    // (no demo publisher does: the link is set in the table).
    const gkb = (await a.login('gkb')).headers;
    const officeInterp = await draft(gkb, { kind: 'interpretation', title: '区政府办公室关于节能降碳的解读' }, 'shilong-office');
    await publish(officeInterp, { editor: gkb, reviewer: gkb });
    await a.deps.db.updateTable('publishing_items').set({ interprets_item_id: policy }).where('id', '=', officeInterp).execute();
    const before = await state([policy, officeInterp]);
    const res = await post(`/api/v1/publishing/items/${policy}/transitions`, reviewer, { action: 'withdraw', comment: '政策调整', alsoWithdraw: [officeInterp] });
    assert.equal(res.statusCode, 403);
    assert.deepEqual(await state([policy, officeInterp]), before);
    // Another unit's publisher cannot withdraw the policy at all.
    const jyj = (await a.login('jyj-editor')).headers;
    assert.equal((await post(`/api/v1/publishing/items/${policy}/transitions`, jyj, { action: 'withdraw', comment: '越权', alsoWithdraw: [officeInterp] })).statusCode, 403);
    assert.deepEqual(await state([policy, officeInterp]), before);
  });

  it('abolishes a normative document and withdraws its 解读 in one step', async () => {
    const doc = await draft(editor, { kind: 'normative_document', title: '石龙区价格调节基金征收管理办法', validity: 'in_force' });
    await publish(doc);
    const interp = await draft(editor, { kind: 'interpretation', title: '《价格调节基金征收管理办法》解读', interpretsItemId: doc });
    await publish(interp);
    const notAbolish = await post(`/api/v1/publishing/items/${doc}/validity`, reviewer, { validity: 'amended', date: '2026-03-01', alsoWithdraw: [interp] });
    assert.equal(notAbolish.statusCode, 400);
    const res = await post(`/api/v1/publishing/items/${doc}/validity`, reviewer, { validity: 'abolished', date: '2026-03-01', reason: '上位法废止', alsoWithdraw: [interp] });
    assert.equal(res.statusCode, 200, res.body);
    const row = await a.deps.db.selectFrom('publishing_items').select(['status', 'withdrawn_reason']).where('id', '=', interp).executeTakeFirstOrThrow();
    assert.deepEqual(row, { status: 'withdrawn', withdrawn_reason: '所解读的文件已废止：上位法废止' });
  });

  it('withdraw-together ×10 at once, and against the 解读\'s own withdrawal: one winner, 409 for the rest', async () => {
    const first = await policyWithInterpretations(2);
    const together = { method: 'POST' as const, url: `/api/v1/publishing/items/${first.policy}/transitions`, headers: reviewer, payload: { action: 'withdraw', comment: '政策调整', alsoWithdraw: first.interps } };
    assertOneWinner(await fireSame(a.app, 10, together));
    const audit = await a.deps.db.selectFrom('audit_log').select('target_id').where('action', '=', 'publishing.item_withdraw').where('target_id', 'in', [first.policy, ...first.interps].map(String)).execute();
    assert.equal(audit.length, 3);

    const second = await policyWithInterpretations(1);
    const requests = Array.from({ length: 10 }, (_, i) => (i % 2
      ? { method: 'POST' as const, url: `/api/v1/publishing/items/${second.policy}/transitions`, headers: reviewer, payload: { action: 'withdraw', comment: '政策调整', alsoWithdraw: second.interps } }
      : { method: 'POST' as const, url: `/api/v1/publishing/items/${second.interps[0]}/transitions`, headers: editor, payload: { action: 'withdraw', comment: '解读需修改' } }));
    const answers = await fireAtOnce(a.app, requests);
    const [won] = assertOneWinner(answers);
    const rows = await a.deps.db.selectFrom('publishing_items').select(['id', 'status']).where('id', 'in', [second.policy, ...second.interps]).orderBy('id').execute();
    const policyWithdrawn = rows[0].status === 'withdrawn';
    // Either the policy went with its 解读, or only the 解读 went and the policy stayed online.
    assert.equal(rows[1].status, 'withdrawn');
    assert.equal(policyWithdrawn, (won.json() as { id: number }).id === second.policy);
  });
});
