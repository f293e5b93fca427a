/** Letters as Word files, reopened with mammoth; templates edited by an administrator. */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import mammoth from 'mammoth';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp } from '../http/test-app.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';

describeOnBothDatabases('letters', (t) => {
  it('writes the reply letter with its legal basis and remedies, and uses an edited template', async () => {
    const app = await createTestApp(t());
    const gkb = (await app.login('gkb')).headers;
    const gov = (await createOrganizationsRepository(app.deps).list()).find((o) => o.code === 'shilong')!;
    const created = await app.app.inject({
      method: 'POST', url: '/api/v1/applications', headers: gkb,
      payload: { organizationId: gov.id, channel: 'in_person', applicantType: '自然人', applicantName: '周九', idKind: '居民身份证', idNumber: '410402199901019999', phone: '13700000000', description: '区政府2025年重大行政决策目录', formWanted: '纸质', deliveryWanted: '邮寄', address: '石龙区1号' },
    });
    const id = created.json().id;
    const receipt = await app.app.inject({ method: 'GET', url: `/api/v1/applications/${id}/letters/receipt?format=docx`, headers: gkb });
    const receiptText = (await mammoth.extractRawText({ buffer: receipt.rawPayload })).value;
    assert.match(receiptText, /周九/);
    assert.match(receiptText, /2026-03-30前予以答复/);
    const early = await app.app.inject({ method: 'GET', url: `/api/v1/applications/${id}/letters/reply`, headers: gkb });
    assert.equal(early.statusCode, 409);

    await app.app.inject({ method: 'POST', url: `/api/v1/applications/${id}/actions/decided`, headers: gkb, payload: { outcome: 'withheld6', replyText: '所申请信息属于讨论记录。' } });
    const reply = await app.app.inject({ method: 'GET', url: `/api/v1/applications/${id}/letters/reply?format=docx`, headers: gkb });
    const text = (await mammoth.extractRawText({ buffer: reply.rawPayload })).value;
    assert.match(text, /政府信息公开申请答复书/);
    assert.match(text, /6\.属于四类过程性信息/);
    assert.match(text, /本答复依据：《中华人民共和国政府信息公开条例》第十六条第二款/);
    assert.match(text, /60日内向石龙区人民政府的上一级人民政府申请行政复议/);
    assert.match(text, /6个月内依法向人民法院提起行政诉讼/);

    const put = await app.app.inject({ method: 'PUT', url: '/api/v1/letter-templates/reply', headers: gkb, payload: { title: '答复书', body: '{{申请人}}：经审查，{{答复结果}}。' } });
    assert.equal(put.statusCode, 204);
    const preview = await app.app.inject({ method: 'GET', url: `/api/v1/applications/${id}/letters/reply`, headers: gkb });
    assert.match(preview.body, /<h1>答复书<\/h1>/);
    assert.match(preview.body, /周九：经审查/);
    assert.match(preview.body, /申请行政复议/, 'an edited template cannot drop the remedies');
  });
});
