/** Letters as Word files, reopened with mammoth; templates edited by the body's administrator. */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import mammoth from 'mammoth';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp } from '../http/test-app.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { lookupStatus } from './case-view.usecases.ts';

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
    assert.match(text, /本答复依据：《中华人民共和国政府信息公开条例》第十六条第二款/);
    assert.match(text, /60日内向石龙区人民政府的上一级人民政府申请行政复议/);
    assert.match(text, /6个月内依法向人民法院提起行政诉讼/);

    assert.match(text, /现答复如下：您申请的政府信息属于过程性信息，不予公开/);
    assert.doesNotMatch(text, /（三）不予公开|6\.属于四类过程性信息/);
    assert.match(text, /第十六条第二款关于“行政机关在履行行政管理职能过程中形成的讨论记录/, 'the ground implied by the row is quoted');

    // 部分公开: the clerk must choose the ground and describe the part withheld; the letter and the status page say both.
    const second = (await app.app.inject({
      method: 'POST', url: '/api/v1/applications', headers: gkb,
      payload: { organizationId: gov.id, channel: 'in_person', applicantType: '自然人', applicantName: '周十', idKind: '居民身份证', idNumber: '410402199901018888', phone: '13700000001', description: '某项目环评报告', formWanted: '纸质', deliveryWanted: '邮寄', address: '石龙区2号' },
    })).json();
    const noGround = await app.app.inject({ method: 'POST', url: `/api/v1/applications/${second.id}/actions/decided`, headers: gkb, payload: { outcome: 'partiallyDisclosed' } });
    assert.equal(noGround.statusCode, 400);
    assert.match(noGround.json().error.message, /必须选择不予公开的理由/);
    const partial = await app.app.inject({ method: 'POST', url: `/api/v1/applications/${second.id}/actions/decided`, headers: gkb, payload: { outcome: 'partiallyDisclosed', ground: 'art15-commercial', withheldPart: '报告附件中企业的工艺参数' } });
    assert.equal(partial.statusCode, 200, partial.body);
    const partialText = (await mammoth.extractRawText({ buffer: (await app.app.inject({ method: 'GET', url: `/api/v1/applications/${second.id}/letters/reply?format=docx`, headers: gkb })).rawPayload })).value;
    assert.match(partialText, /其中不予公开的部分为：报告附件中企业的工艺参数。该信息属于涉及商业秘密的情形。根据《中华人民共和国政府信息公开条例》第十五条/);
    assert.match(partialText, /本答复依据：《中华人民共和国政府信息公开条例》第三十七条/);
    assert.match(partialText, /60日内向石龙区人民政府的上一级人民政府申请行政复议/);
    const seen = await lookupStatus({ trackingNumber: second.trackingNumber, queryCode: second.queryCode, deps: app.deps });
    assert.equal(seen.decision?.outcomeLabel, '您申请的政府信息部分公开：可以公开的部分予以提供，其余部分不予公开', 'the status page states the decision plainly');
    assert.match(seen.decision?.ground ?? '', /报告附件中企业的工艺参数/);

    const admin = (await app.login('admin')).headers;
    const put = await app.app.inject({ method: 'POST', url: `/api/v1/organizations/${gov.id}/letter-templates/reply/versions`, headers: admin, payload: { title: '答复书', body: '{{申请人}}：经审查，{{答复结果}}。' } });
    assert.equal(put.statusCode, 201, put.body);
    const preview = await app.app.inject({ method: 'GET', url: `/api/v1/applications/${id}/letters/reply`, headers: gkb });
    assert.match(preview.body, /<h1>答复书<\/h1>/);
    assert.match(preview.body, /周九：经审查/);
    assert.match(preview.body, /申请行政复议/, 'an edited template cannot drop the remedies');
  });
});
