/**
 * Bulk actions on a selection of items over the API, on both databases: each item is answered on
 * its own (成功 or the Chinese reason), a mixed selection partly succeeds, each success has its
 * own version and audit row, a role that may not act gets a 403 reason per item, an item outside
 * the caller's reach is 信息不存在 without its title, and hostile bodies are refused whole.
 */
import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { fgwDesk } from './fgw-desk.testing.ts';
import { COMPLETE_REVIEW } from './confidentiality.testing.ts';

type Headers = Record<string, string>;
interface Result { id: number; title: string | null; ok: boolean; status?: string; code?: string; message?: string; httpStatus?: number }

describeOnBothDatabases('bulk actions on the item list', (t) => {
  let a: TestApp;
  let editor: Headers;
  let reviewer: Headers;
  let columnId = 0;
  let otherColumnId = 0;
  let serial = 0;

  before(async () => {
    a = await createTestApp(t());
    const desk = await fgwDesk(a);
    ({ editor, reviewer, columnId } = desk);
    otherColumnId = await desk.columnOf('zcjd');
  });
  after(async () => {
    await a.app.close();
  });

  const post = (url: string, headers: Headers, payload: unknown) => a.app.inject({ method: 'POST', url, headers, payload: payload as Record<string, unknown> });
  async function draft(): Promise<number> {
    serial += 1;
    const res = await post('/api/v1/publishing/items', editor, { columnId, kind: 'policy_document', title: `批量测试文件${serial}号`, bodyHtml: '<p>正文</p>' });
    assert.equal(res.statusCode, 200, res.body);
    return (res.json() as { id: number }).id;
  }
  const bulk = async (headers: Headers, payload: Record<string, unknown>) => {
    const res = await post('/api/v1/publishing/items/bulk', headers, payload);
    assert.equal(res.statusCode, 200, res.body);
    return (res.json() as { results: Result[] }).results;
  };
  const auditOf = async (id: number) => (await a.deps.db.selectFrom('audit_log').select('action').where('target_type', '=', 'publishing_item').where('target_id', '=', String(id)).orderBy('id').execute()).map((r) => r.action);

  it('submits a mixed selection: drafts succeed, the others say why, each in its own transaction', async () => {
    const d1 = await draft();
    const d2 = await draft();
    const submitted = await draft();
    assert.equal((await post(`/api/v1/publishing/items/${submitted}/transitions`, editor, { action: 'submit' })).statusCode, 200);
    const results = await bulk(editor, { action: 'submit', ids: [d1, submitted, d2, 99_999_999] });
    assert.deepEqual(results.map((r) => [r.id, r.ok]), [[d1, true], [submitted, false], [d2, true], [99_999_999, false]]);
    assert.equal(results[1].code, 'publishing.invalid_state');
    assert.match(results[1].message!, /当前状态下不能提交审核/);
    assert.equal(results[3].code, 'publishing.item_not_found');
    assert.deepEqual(await auditOf(d1), ['publishing.item_created', 'publishing.item_submit']);
    assert.deepEqual(await auditOf(submitted), ['publishing.item_created', 'publishing.item_submit']);
  });

  it('publishes: approves submitted items with the 保密审查 (reviewer), refuses the publisher per item with 403', async () => {
    const ids = [await draft(), await draft()];
    await bulk(editor, { action: 'submit', ids });
    const asPublisher = await bulk(editor, { action: 'publish', ids, confidentialityReview: COMPLETE_REVIEW });
    assert.deepEqual(asPublisher.map((r) => [r.ok, r.httpStatus, r.code]), [[false, 403, 'publishing.forbidden'], [false, 403, 'publishing.forbidden']]);
    const noReview = await bulk(reviewer, { action: 'publish', ids });
    assert.deepEqual(noReview.map((r) => r.code), ['publishing.confidentiality_review_required', 'publishing.confidentiality_review_required']);
    const ok = await bulk(reviewer, { action: 'publish', ids, confidentialityReview: COMPLETE_REVIEW });
    assert.deepEqual(ok.map((r) => [r.ok, r.status]), [[true, 'published'], [true, 'published']]);
    const reviews = await a.deps.db.selectFrom('publishing_confidentiality_reviews').select('item_id').where('item_id', 'in', ids).execute();
    assert.equal(reviews.length, 2);
    for (const id of ids) assert.deepEqual((await auditOf(id)).slice(-1), ['publishing.item_approve']);
  });

  it('withdraws with a reason and moves within the unit; another unit\'s items are not found, without their titles', async () => {
    const ids = [await draft(), await draft()];
    await bulk(editor, { action: 'submit', ids });
    await bulk(reviewer, { action: 'publish', ids, confidentialityReview: COMPLETE_REVIEW });
    const noReason = await bulk(editor, { action: 'withdraw', ids });
    assert.deepEqual(noReason.map((r) => r.code), ['publishing.reason_required', 'publishing.reason_required']);
    const jyj = (await a.login('jyj-editor')).headers;
    const foreign = await bulk(jyj, { action: 'withdraw', ids, comment: '越权' });
    assert.deepEqual(foreign.map((r) => [r.ok, r.title, r.code]), [[false, null, 'publishing.item_not_found'], [false, null, 'publishing.item_not_found']]);
    const moved = await bulk(editor, { action: 'move', ids: [ids[0]], columnId: otherColumnId });
    assert.deepEqual(moved.map((r) => r.ok), [true]);
    const again = await bulk(editor, { action: 'move', ids: [ids[0]], columnId: otherColumnId });
    assert.equal(again[0].code, 'publishing.same_column');
    const jyjColumn = (await a.deps.db.selectFrom('publishing_columns').innerJoin('organizations', 'organizations.id', 'publishing_columns.organization_id').select('publishing_columns.id').where('organizations.code', '=', 'shilong-jyj').executeTakeFirstOrThrow()).id;
    assert.equal((await bulk(editor, { action: 'move', ids: [ids[1]], columnId: jyjColumn }))[0].code, 'publishing.column_not_found');
    const withdrawn = await bulk(editor, { action: 'withdraw', ids, comment: '内容需更新' });
    assert.deepEqual(withdrawn.map((r) => [r.ok, r.status]), [[true, 'withdrawn'], [true, 'withdrawn']]);
    assert.deepEqual((await auditOf(ids[0])).slice(-2), ['publishing.item_moved', 'publishing.item_withdraw']);
    const versions = await a.deps.db.selectFrom('publishing_item_versions').select('action').where('item_id', '=', ids[0]).orderBy('id').execute();
    assert.deepEqual(versions.map((v) => v.action), ['create', 'submit', 'approve', 'move', 'withdraw']);
  });

  it('refuses hostile bodies whole, changing nothing', async () => {
    const id = await draft();
    for (const payload of [
      { action: 'delete', ids: [id] }, { action: 'submit', ids: [] }, { action: 'submit', ids: Array.from({ length: 101 }, (_, i) => i + 1) },
      { action: 'submit', ids: ['1'] }, { action: 'submit', ids: [id], extra: 1 }, { action: 'withdraw', ids: [id], comment: 'x\u0000' },
      { action: 'move', ids: [id], columnId: -1 },
    ]) {
      const res = await post('/api/v1/publishing/items/bulk', editor, payload);
      assert.equal(res.statusCode, 400, JSON.stringify(payload));
    }
    const nobody = await a.app.inject({ method: 'POST', url: '/api/v1/publishing/items/bulk', payload: { action: 'submit', ids: [id] } });
    assert.equal(nobody.statusCode, 401);
    const leader = (await a.login('leader')).headers;
    assert.equal((await post('/api/v1/publishing/items/bulk', leader, { action: 'submit', ids: [id] })).statusCode, 403);
    assert.deepEqual(await auditOf(id), ['publishing.item_created']);
  });
});
