/**
 * 保密审查 at approval (《条例》第十七条) over the API, on both databases: an approval without a
 * complete review is refused when the body requires it (the default) and changes nothing; a
 * complete one is recorded with the reviewer, the date and the opinion and shown in the version
 * history; the body's administrator — and nobody else — makes it optional, audited; an item
 * approved without a review is not published once the body requires one again.
 */
import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { fgwDesk } from './fgw-desk.testing.ts';
import { COMPLETE_REVIEW } from './confidentiality.testing.ts';

describeOnBothDatabases('保密审查 at approval', (t) => {
  let a: TestApp;
  let editor: Record<string, string>;
  let reviewer: Record<string, string>;
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

  async function submitted(): Promise<number> {
    serial += 1;
    const res = await a.app.inject({ method: 'POST', url: '/api/v1/publishing/items', headers: editor, payload: { columnId, kind: 'policy_document', title: `保密审查测试文件${serial}号`, bodyHtml: '<p>正文</p>' } });
    assert.equal(res.statusCode, 200, res.body);
    const id = (res.json() as { id: number }).id;
    assert.equal((await transition(id, editor, { action: 'submit' })).statusCode, 200);
    return id;
  }
  const transition = (id: number, headers: Record<string, string>, payload: Record<string, unknown>) =>
    a.app.inject({ method: 'POST', url: `/api/v1/publishing/items/${id}/transitions`, headers, payload });
  const trail = async (id: number) => ({
    item: await a.deps.db.selectFrom('publishing_items').select(['status', 'version']).where('id', '=', id).executeTakeFirstOrThrow(),
    audit: (await a.deps.db.selectFrom('audit_log').select('action').where('target_type', '=', 'publishing_item').where('target_id', '=', String(id)).execute()).length,
    reviews: (await a.deps.db.selectFrom('publishing_confidentiality_reviews').select('id').where('item_id', '=', id).execute()).length,
  });
  const errorOf = (res: { json(): unknown }) => (res.json() as { error: { code: string; message: string } }).error;

  it('refuses an approval without a complete review, in Chinese, and changes nothing', async () => {
    const id = await submitted();
    const before = await trail(id);
    const none = await transition(id, reviewer, { action: 'approve' });
    assert.equal(none.statusCode, 400);
    assert.equal(errorOf(none).code, 'publishing.confidentiality_review_required');
    assert.match(errorOf(none).message, /保密审查/);
    const partial = await transition(id, reviewer, { action: 'approve', confidentialityReview: { checks: ['state_secret', 'commercial_secret'], opinion: '同意公开' } });
    assert.equal(partial.statusCode, 400);
    assert.equal(errorOf(partial).code, 'publishing.confidentiality_review_incomplete');
    assert.match(errorOf(partial).message, /不涉及个人隐私/);
    const noOpinion = await transition(id, reviewer, { action: 'approve', confidentialityReview: { ...COMPLETE_REVIEW, opinion: '   ' } });
    assert.equal(errorOf(noOpinion).code, 'publishing.confidentiality_opinion_required');
    // Hostile shapes: unknown items, wrong types, extra fields, a control character.
    const unknown = await transition(id, reviewer, { action: 'approve', confidentialityReview: { checks: [...COMPLETE_REVIEW.checks, 'x; DROP TABLE'], opinion: '同意' } });
    assert.equal(errorOf(unknown).code, 'publishing.confidentiality_check_unknown');
    for (const bad of [{ checks: 'state_secret', opinion: '同意' }, { checks: [1, 2], opinion: '同意' }, { ...COMPLETE_REVIEW, reviewer: 'someone' }, { ...COMPLETE_REVIEW, opinion: '同意\u0000' }, 'all']) {
      const res = await transition(id, reviewer, { action: 'approve', confidentialityReview: bad });
      assert.equal(res.statusCode, 400, JSON.stringify(bad));
    }
    assert.deepEqual(await trail(id), before);
  });

  it('records a complete review with the approval and shows it in the version history', async () => {
    const id = await submitted();
    const res = await transition(id, reviewer, { action: 'approve', confidentialityReview: { ...COMPLETE_REVIEW, opinion: '经审查，同意公开。' } });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal((res.json() as { status: string }).status, 'published');
    const versions = await a.app.inject({ method: 'GET', url: `/api/v1/publishing/items/${id}/versions`, headers: editor });
    const v = (versions.json() as { versions: { action: string; confidentialityReview: { checks: string[]; opinion: string; reviewer: string; date: string } | null }[] }).versions;
    assert.deepEqual(v.map((x) => x.action), ['create', 'submit', 'approve']);
    assert.equal(v[0].confidentialityReview, null);
    const review = v[2].confidentialityReview!;
    assert.equal(review.reviewer, '发改委 刘洋');
    assert.equal(review.opinion, '经审查，同意公开。');
    assert.match(review.date, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(review.checks.length, 7);
    assert.ok(review.checks.includes('不涉及国家秘密'));
    const audit = await a.deps.db.selectFrom('audit_log').select('detail').where('action', '=', 'publishing.item_approve').where('target_id', '=', String(id)).executeTakeFirstOrThrow();
    assert.match(audit.detail ?? '', /confidentialityReview/);
  });

  it('lets only the body\'s administrator make the review optional, audited; publish after that needs a review again once required', async () => {
    const url = `/api/v1/organizations/${fgwId}/publishing-settings`;
    const read = await a.app.inject({ method: 'GET', url, headers: reviewer });
    assert.equal(read.statusCode, 200, read.body);
    assert.equal((read.json() as { confidentialityReview: string; canEdit: boolean }).confidentialityReview, 'required');
    assert.equal((read.json() as { canEdit: boolean }).canEdit, false);
    // A reviewer may read it but not turn it off; another body's administrator neither.
    assert.equal((await a.app.inject({ method: 'PUT', url, headers: reviewer, payload: { confidentialityReview: 'optional' } })).statusCode, 403);
    const jyjId = (await a.deps.db.selectFrom('organizations').select('id').where('code', '=', 'shilong-jyj').executeTakeFirstOrThrow()).id;
    const fgwAdmin = (await a.login('fgw-admin')).headers;
    const other = await a.app.inject({ method: 'PUT', url: `/api/v1/organizations/${jyjId}/publishing-settings`, headers: fgwAdmin, payload: { confidentialityReview: 'optional' } });
    assert.equal(other.statusCode, 403);
    const bad = await a.app.inject({ method: 'PUT', url, headers: fgwAdmin, payload: { confidentialityReview: 'never' } });
    assert.equal(bad.statusCode, 400);
    assert.equal((await a.deps.db.selectFrom('publishing_settings').selectAll().execute()).length, 0);

    const off = await a.app.inject({ method: 'PUT', url, headers: fgwAdmin, payload: { confidentialityReview: 'optional' } });
    assert.equal(off.statusCode, 200, off.body);
    assert.equal((off.json() as { updatedBy: string }).updatedBy, 'fgw-admin');
    const audit = await a.deps.db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'publishing.settings_changed').execute();
    assert.equal(audit.length, 1);
    assert.match(audit[0].detail ?? '', /"to":"optional"/);

    // Optional: approved and held without a review.
    const id = await submitted();
    const held = await transition(id, reviewer, { action: 'approve', hold: true });
    assert.equal(held.statusCode, 200, held.body);
    assert.equal((held.json() as { status: string }).status, 'approved');
    // Required again: that item is not published without a review, and nothing changes.
    assert.equal((await a.app.inject({ method: 'PUT', url, headers: fgwAdmin, payload: { confidentialityReview: 'required' } })).statusCode, 200);
    const before = await trail(id);
    const publish = await transition(id, editor, { action: 'publish' });
    assert.equal(publish.statusCode, 409);
    assert.equal(errorOf(publish).code, 'publishing.confidentiality_review_missing');
    assert.deepEqual(await trail(id), before);
    // An item approved with a review and held is published later without another one.
    const reviewed = await submitted();
    assert.equal((await transition(reviewed, reviewer, { action: 'approve', hold: true, confidentialityReview: COMPLETE_REVIEW })).statusCode, 200);
    const later = await transition(reviewed, editor, { action: 'publish' });
    assert.equal(later.statusCode, 200, later.body);
    assert.equal((later.json() as { status: string }).status, 'published');
  });
});
