/**
 * Race suite of the publishing workflow: N requests fired at once at one item, on both
 * databases. Exactly one wins, the others get 409 with a stable code, nobody gets a 5xx, and the
 * item's version rows and audit rows are exactly those one action leaves.
 */
import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { fgwDesk } from './fgw-desk.testing.ts';
import { assertOneWinner, fireAtOnce, fireSame } from '../shared/race.testing.ts';
import { publishDueItems } from './workflow.usecases.ts';
import { searchItems } from './search.repository.ts';
import { COMPLETE_REVIEW } from './confidentiality.testing.ts';

const N = 10;

describeOnBothDatabases('publishing workflow races', (t) => {
  let a: TestApp;
  let editor: Record<string, string>;
  let reviewer: Record<string, string>;
  let columnId = 0;
  let serial = 0;

  before(async () => {
    a = await createTestApp(t());
    ({ editor, reviewer, columnId } = await fgwDesk(a));
  });
  after(async () => {
    await a.app.close();
  });

  const transition = (id: number, headers: Record<string, string>, payload: Record<string, unknown>): InjectOptions =>
    ({ method: 'POST', url: `/api/v1/publishing/items/${id}/transitions`, headers, payload });
  const edit = (id: number, payload: Record<string, unknown>): InjectOptions =>
    ({ method: 'PATCH', url: `/api/v1/publishing/items/${id}`, headers: editor, payload });

  async function draft(): Promise<number> {
    serial += 1;
    const res = await a.app.inject({ method: 'POST', url: '/api/v1/publishing/items', headers: editor, payload: { columnId, kind: 'policy_document', title: `竞争测试文件${serial}号`, bodyHtml: `<p>竞争测试正文${serial}</p>`, writtenDate: '2026-02-27' } });
    assert.equal(res.statusCode, 200, res.body);
    return (res.json() as { id: number }).id;
  }
  async function step(id: number, headers: Record<string, string>, payload: Record<string, unknown>) {
    const res = await a.app.inject(transition(id, headers, payload));
    assert.equal(res.statusCode, 200, res.body);
  }
  /** An item brought to `status` one step at a time. */
  async function itemIn(status: 'draft' | 'submitted' | 'approved' | 'published' | 'withdrawn'): Promise<number> {
    const id = await draft();
    if (status === 'draft') return id;
    await step(id, editor, { action: 'submit' });
    if (status === 'submitted') return id;
    await step(id, reviewer, { action: 'approve', hold: status === 'approved', confidentialityReview: COMPLETE_REVIEW });
    if (status === 'approved' || status === 'published') return id;
    await step(id, reviewer, { action: 'withdraw', comment: '内容需更新' });
    return id;
  }
  async function trail(id: number) {
    const versions = await a.deps.db.selectFrom('publishing_item_versions').select(['version', 'action']).where('item_id', '=', id).orderBy('id').execute();
    const audit = await a.deps.db.selectFrom('audit_log').select('action').where('target_type', '=', 'publishing_item').where('target_id', '=', String(id)).orderBy('id').execute();
    const item = await a.deps.db.selectFrom('publishing_items').select(['status', 'version', 'title']).where('id', '=', id).executeTakeFirstOrThrow();
    return { versions: versions.map((v) => `${v.version}:${v.action}`), audit: audit.map((r) => r.action.replace('publishing.item_', '')), ...item };
  }
  const searchable = async (title: string) => (await searchItems(a.deps.db, { q: title })).total > 0;

  it(`submit ×${N}: one submission`, async () => {
    const id = await itemIn('draft');
    assertOneWinner(await fireSame(a.app, N, transition(id, editor, { action: 'submit' })));
    const tr = await trail(id);
    assert.deepEqual(tr.versions, ['1:create', '2:submit']);
    assert.deepEqual(tr.audit, ['created', 'submit']);
    assert.equal(tr.status, 'submitted');
  });

  it(`approve ×${N}: published once, one version row, one audit row`, async () => {
    const id = await itemIn('submitted');
    assertOneWinner(await fireSame(a.app, N, transition(id, reviewer, { action: 'approve', confidentialityReview: COMPLETE_REVIEW })));
    const tr = await trail(id);
    assert.deepEqual(tr.versions, ['1:create', '2:submit', '3:approve']);
    assert.deepEqual(tr.audit, ['created', 'submit', 'approve']);
    // One 保密审查 recorded, the winner's.
    assert.equal((await a.deps.db.selectFrom('publishing_confidentiality_reviews').select('item_version').where('item_id', '=', id).execute()).map((r) => r.item_version).join(), '3');
    assert.equal(tr.status, 'published');
    assert.equal(await searchable(tr.title), true);
  });

  it(`return ×${N} (退回): returned once`, async () => {
    const id = await itemIn('submitted');
    assertOneWinner(await fireSame(a.app, N, transition(id, reviewer, { action: 'return', comment: '请补充依据' })));
    const tr = await trail(id);
    assert.deepEqual(tr.versions, ['1:create', '2:submit', '3:return']);
    assert.deepEqual(tr.audit, ['created', 'submit', 'return']);
    assert.equal(tr.status, 'draft');
  });

  it(`approve ×${N / 2} against 退回 ×${N / 2}: one decision, and a returned item never goes live`, async () => {
    for (let round = 0; round < 3; round++) {
      const id = await itemIn('submitted');
      const requests = Array.from({ length: N }, (_, i) => (i % 2 ? transition(id, reviewer, { action: 'return', comment: '数据有误' }) : transition(id, reviewer, { action: 'approve', confidentialityReview: COMPLETE_REVIEW })));
      const [won] = assertOneWinner(await fireAtOnce(a.app, requests));
      const winner = (won.json() as { status: string }).status === 'published' ? 'approve' : 'return';
      const tr = await trail(id);
      assert.deepEqual(tr.versions, ['1:create', '2:submit', `3:${winner}`]);
      assert.deepEqual(tr.audit, ['created', 'submit', winner]);
      assert.equal(tr.status, winner === 'approve' ? 'published' : 'draft');
      assert.equal(await searchable(tr.title), winner === 'approve');
    }
  });

  it(`publish ×${N} of an approved item: published once`, async () => {
    const id = await itemIn('approved');
    assertOneWinner(await fireSame(a.app, N, transition(id, reviewer, { action: 'publish' })));
    const tr = await trail(id);
    assert.deepEqual(tr.versions, ['1:create', '2:submit', '3:approve', '4:publish']);
    assert.deepEqual(tr.audit, ['created', 'submit', 'approve', 'publish']);
    assert.equal(tr.status, 'published');
  });

  it(`withdraw ×${N}: withdrawn once, out of the search index`, async () => {
    const id = await itemIn('published');
    assertOneWinner(await fireSame(a.app, N, transition(id, reviewer, { action: 'withdraw', comment: '文号有误' })));
    const tr = await trail(id);
    assert.deepEqual(tr.versions, ['1:create', '2:submit', '3:approve', '4:withdraw']);
    assert.deepEqual(tr.audit, ['created', 'submit', 'approve', 'withdraw']);
    assert.equal(tr.status, 'withdrawn');
    assert.equal(await searchable(tr.title), false);
  });

  it(`redraft ×${N} of a withdrawn item: one new draft`, async () => {
    const id = await itemIn('withdrawn');
    assertOneWinner(await fireSame(a.app, N, transition(id, editor, { action: 'redraft' })));
    const tr = await trail(id);
    assert.deepEqual(tr.versions, ['1:create', '2:submit', '3:approve', '4:withdraw', '5:redraft']);
    assert.equal(tr.status, 'draft');
  });

  it(`edit ×${N} of one version of a draft: one edit wins, the others are told it changed`, async () => {
    const id = await itemIn('draft');
    const requests = Array.from({ length: N }, (_, i) => edit(id, { title: `修改稿${i}`, version: 1 }));
    const [won] = assertOneWinner(await fireAtOnce(a.app, requests));
    const tr = await trail(id);
    assert.deepEqual(tr.versions, ['1:create', '2:edit']);
    assert.deepEqual(tr.audit, ['created', 'edited']);
    assert.equal(tr.title, (won.json() as { title: string }).title);
  });

  it(`edit ×${N / 2} against submit ×${N / 2} of the same version: one wins`, async () => {
    const id = await itemIn('draft');
    const requests = Array.from({ length: N }, (_, i) => (i % 2 ? transition(id, editor, { action: 'submit', version: 1 }) : edit(id, { title: `修改稿${i}`, version: 1 })));
    const [won] = assertOneWinner(await fireAtOnce(a.app, requests));
    const winner = (won.json() as { status: string }).status === 'submitted' ? 'submit' : 'edit';
    const tr = await trail(id);
    assert.deepEqual(tr.versions, ['1:create', `2:${winner}`]);
    assert.equal(tr.status, winner === 'submit' ? 'submitted' : 'draft');
  });

  it(`draft edit ×${N / 2} against approval ×${N / 2}: the approval wins, the stale edit changes nothing`, async () => {
    const id = await itemIn('submitted');
    const requests = Array.from({ length: N }, (_, i) => (i % 2 ? transition(id, reviewer, { action: 'approve', confidentialityReview: COMPLETE_REVIEW }) : edit(id, { title: '审核时偷改的标题', version: 1 })));
    assertOneWinner(await fireAtOnce(a.app, requests));
    const tr = await trail(id);
    assert.deepEqual(tr.versions, ['1:create', '2:submit', '3:approve']);
    assert.notEqual(tr.title, '审核时偷改的标题');
    assert.equal(tr.status, 'published');
  });

  it(`validity change ×${N} of one version: abolished once`, async () => {
    const id = await itemIn('published');
    const res = await fireSame(a.app, N, { method: 'POST', url: `/api/v1/publishing/items/${id}/validity`, headers: reviewer, payload: { validity: 'abolished', date: '2026-03-01', reason: '被新规定替代', version: 3 } });
    assertOneWinner(res);
    const tr = await trail(id);
    assert.deepEqual(tr.versions, ['1:create', '2:submit', '3:approve', '4:change_validity']);
    assert.deepEqual(tr.audit, ['created', 'submit', 'approve', 'validity_changed']);
  });

  it(`scheduled publication run ×${N} at once: published once`, async () => {
    const id = await itemIn('submitted');
    await step(id, reviewer, { action: 'approve', publishAt: '2026-03-02T03:00:00Z', confidentialityReview: COMPLETE_REVIEW });
    a.deps.clock.set('2026-03-02T03:00:01Z');
    try {
      const counts = await Promise.all(Array.from({ length: N }, () => publishDueItems(a.deps)));
      assert.equal(counts.reduce((s, n) => s + n, 0), 1, `published counts ${counts.join(',')}`);
    } finally {
      a.deps.clock.set('2026-03-02T02:00:00Z');
    }
    const tr = await trail(id);
    assert.deepEqual(tr.audit, ['created', 'submit', 'approve', 'published_on_schedule']);
    assert.equal(tr.status, 'published');
  });

  it(`attachment upload ×${N / 2} against submission ×${N / 2}: no file joins the item after it went to review`, async () => {
    const id = await itemIn('draft');
    const boundary = '----race-boundary';
    const png = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="图.png"\r\nContent-Type: image/png\r\n\r\n`), Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const upload: InjectOptions = { method: 'POST', url: `/api/v1/publishing/items/${id}/attachments`, payload: png, headers: { ...editor, 'content-type': `multipart/form-data; boundary=${boundary}` } };
    const requests = Array.from({ length: N }, (_, i) => (i % 2 ? transition(id, editor, { action: 'submit' }) : upload));
    const answers = await fireAtOnce(a.app, requests);
    const statuses = answers.map((r) => r.status);
    assert.ok(statuses.every((s) => s === 200 || s === 409), statuses.join(','));
    const audit = await a.deps.db.selectFrom('audit_log').select(['id', 'action']).where('target_type', '=', 'publishing_item').where('target_id', '=', String(id)).orderBy('id').execute();
    const submitted = audit.findLast((r) => r.action === 'publishing.item_submit')!.id;
    assert.ok(!audit.some((r) => r.action === 'publishing.attachment_added' && r.id > submitted), 'no file added after the submission');
    const files = await a.deps.db.selectFrom('publishing_attachments').select('id').where('item_id', '=', id).execute();
    assert.equal(files.length, audit.filter((r) => r.action === 'publishing.attachment_added').length);
  });

  it(`create draft ×${N} in one unit: ${N} drafts with distinct 索引号, no server error`, async () => {
    const answers = await fireSame(a.app, N, { method: 'POST', url: '/api/v1/publishing/items', headers: editor, payload: { columnId, kind: 'general', title: '同时起草' } });
    assert.deepEqual(answers.map((r) => r.status), Array(N).fill(200), answers.find((r) => r.status !== 200)?.body);
    assert.equal(new Set(answers.map((r) => (r.json() as { indexNo: string }).indexNo)).size, N);
  });
});
