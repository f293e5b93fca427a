import { it } from 'node:test';
import assert from 'node:assert/strict';
import { Document, Packer, Paragraph } from 'docx';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { searchItems } from './search.repository.ts';
import { COMPLETE_REVIEW } from './confidentiality.testing.ts';

export function multipart(fileName: string, bytes: Buffer) {
  const boundary = '----gongkai-test-boundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, bytes, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describeOnBothDatabases('publishing workflow over the API', (t) => {
  let a: TestApp;
  let itemId = 0;
  let columnId = 0;
  it('lets a unit publisher draft an item in its own column with a Word attachment', async () => {
    a = await createTestApp(t());
    const editor = await a.login('fgw-editor');
    const fgw = await a.deps.db.selectFrom('organizations').select('id').where('code', '=', 'shilong-fgw').executeTakeFirstOrThrow();
    const cols = await a.app.inject({ method: 'GET', url: `/api/v1/publishing/columns?organizationId=${fgw.id}`, headers: editor.headers });
    columnId = (cols.json() as { items: { id: number; code: string }[] }).items.find((c) => c.code === 'qtwj')!.id;
    const res = await a.app.inject({
      method: 'POST', url: '/api/v1/publishing/items', headers: editor.headers,
      payload: { columnId, kind: 'policy_document', title: '石龙区促进民营经济高质量发展若干措施', docNumber: '石发改〔2026〕9号', writtenDate: '2026-02-27', bodyHtml: '<p onclick="x()">为促进民营经济发展<img src="javascript:alert(1)">，制定本措施。</p>' },
    });
    assert.equal(res.statusCode, 200, res.body);
    const item = res.json() as { id: number; indexNo: string; bodyHtml: string; status: string };
    itemId = item.id;
    assert.match(item.indexNo, /^11410404\d{9}X\/2026-\d{5}$/);
    assert.equal(item.status, 'draft');
    assert.equal(item.bodyHtml.includes('onclick') || item.bodyHtml.includes('javascript'), false);

    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('附件：民营企业纾困资金申报指南')] }] }));
    const up = await a.app.inject({ method: 'POST', url: `/api/v1/publishing/items/${itemId}/attachments`, ...multipart('申报指南.docx', Buffer.from(docx)), headers: { ...editor.headers, ...multipart('x', Buffer.alloc(0)).headers } });
    assert.equal(up.statusCode, 200, up.body);
    const fake = await a.app.inject({ method: 'POST', url: `/api/v1/publishing/items/${itemId}/attachments`, ...multipart('病毒.pdf', Buffer.from('MZ\x90\x00 not a pdf')), headers: { ...editor.headers, ...multipart('x', Buffer.alloc(0)).headers } });
    assert.equal(fake.statusCode, 400);
    assert.equal((fake.json() as { error: { code: string } }).error.code, 'publishing.attachment_type');
  });

  it('refuses a publisher of another unit', async () => {
    const other = await a.login('jyj-editor');
    const edit = await a.app.inject({ method: 'PATCH', url: `/api/v1/publishing/items/${itemId}`, headers: other.headers, payload: { title: '篡改' } });
    assert.equal(edit.statusCode, 403);
    const draft = await a.app.inject({ method: 'POST', url: '/api/v1/publishing/items', headers: other.headers, payload: { columnId, kind: 'general', title: '越权' } });
    assert.equal(draft.statusCode, 403);
  });

  it('publishes on approval by the unit reviewer, searchable at once (Word text too), and withdraws', async () => {
    const editor = await a.login('fgw-editor');
    const reviewer = await a.login('fgw-reviewer');
    const submit = await a.app.inject({ method: 'POST', url: `/api/v1/publishing/items/${itemId}/transitions`, headers: editor.headers, payload: { action: 'submit' } });
    assert.equal(submit.statusCode, 200, submit.body);
    const selfApprove = await a.app.inject({ method: 'POST', url: `/api/v1/publishing/items/${itemId}/transitions`, headers: editor.headers, payload: { action: 'approve' } });
    assert.equal(selfApprove.statusCode, 403);
    const approve = await a.app.inject({ method: 'POST', url: `/api/v1/publishing/items/${itemId}/transitions`, headers: reviewer.headers, payload: { action: 'approve', confidentialityReview: COMPLETE_REVIEW } });
    assert.equal(approve.statusCode, 200, approve.body);
    const published = approve.json() as { status: string; publishDate: string; workingDaysToPublish: number; latePublication: boolean };
    assert.equal(published.status, 'published');
    assert.equal(published.publishDate, '2026-03-02');
    // 成文 Friday 2026-02-27 → published Monday 2026-03-02: Saturday 02-28 is a 调休 working day
    // (Spring Festival 2026) and Monday is one: two working days (Art. 26 allows 20).
    assert.equal(published.workingDaysToPublish, 2);
    assert.equal(published.latePublication, false);
    assert.deepEqual((await searchItems(a.deps.db, { q: '纾困资金' })).hits.map((h) => h.id), [itemId]);
    assert.equal((await searchItems(a.deps.db, { q: '民营经济' })).total, 1);

    const noReason = await a.app.inject({ method: 'POST', url: `/api/v1/publishing/items/${itemId}/transitions`, headers: reviewer.headers, payload: { action: 'withdraw' } });
    assert.equal(noReason.statusCode, 400);
    const withdraw = await a.app.inject({ method: 'POST', url: `/api/v1/publishing/items/${itemId}/transitions`, headers: reviewer.headers, payload: { action: 'withdraw', comment: '文号有误' } });
    assert.equal(withdraw.statusCode, 200);
    assert.equal((await searchItems(a.deps.db, { q: '民营经济' })).total, 0);

    const audit = await a.deps.db.selectFrom('audit_log').select('action').where('target_type', '=', 'publishing_item').where('target_id', '=', String(itemId)).orderBy('id').execute();
    assert.deepEqual(audit.map((r) => r.action), ['publishing.item_created', 'publishing.attachment_added', 'publishing.item_submit', 'publishing.item_approve', 'publishing.item_withdraw']);
    const versions = await a.app.inject({ method: 'GET', url: `/api/v1/publishing/items/${itemId}/versions`, headers: editor.headers });
    const v = versions.json() as { versions: { action: string; diff: { op: string; line: string }[] }[] };
    assert.deepEqual(v.versions.map((x) => x.action), ['create', 'submit', 'approve', 'withdraw']);
    // The first version's lines name fields and values as the form does.
    const first = v.versions[0].diff.map((d) => d.line);
    assert.ok(first.includes('信息类别：其他政策文件'), first.join('\n'));
    assert.ok(first.some((l) => l.startsWith('栏目：') && !/\d$/.test(l)), 'the column by its name');
    assert.ok(!first.some((l) => /^(kind|column_id|title):/.test(l)));
  });

  it('records the abolition of a normative document with date and reason', async () => {
    const reviewer = await a.login('fgw-reviewer');
    const doc = await a.deps.db.selectFrom('publishing_items').select(['id', 'title', 'status']).where('kind', '=', 'normative_document').where('status', '=', 'published').executeTakeFirstOrThrow();
    const abolishedHits = async () => (await searchItems(a.deps.db, { q: doc.title, filters: { validity: 'abolished' } })).hits.map((h) => h.id);
    assert.deepEqual(await abolishedHits(), []);
    const noReason = await a.app.inject({ method: 'POST', url: `/api/v1/publishing/items/${doc.id}/validity`, headers: reviewer.headers, payload: { validity: 'abolished', date: '2026-03-01' } });
    assert.equal(noReason.statusCode, 400);
    const ok = await a.app.inject({ method: 'POST', url: `/api/v1/publishing/items/${doc.id}/validity`, headers: reviewer.headers, payload: { validity: 'abolished', date: '2026-03-01', reason: '被新规定替代' } });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal((ok.json() as { abolishedDate: string }).abolishedDate, '2026-03-01');
    // The search index follows the change at once: the document is found among abolished ones.
    assert.deepEqual(await abolishedHits(), [doc.id]);
  });
});
