/**
 * The applicant's status page (issue 13 item 4.2), over HTTP on both databases: the letters issued
 * to the applicant and the files released with the 答复 are offered for download with the number
 * and code, and the bytes are exactly the stored ones; a wrong code, an unknown number and a
 * document of another case all get the look-up's one refusal; a 征求意见书 (addressed to a third
 * party) and a replaced letter are not offered.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'node-html-parser';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { applyOnline, multipartForm, samplePdf } from './case-files.testing.ts';

describeOnBothDatabases('status page: letters and released files', (t) => {
  let a: TestApp;

  it('offers the issued letters and released files, and serves exactly the stored bytes', async () => {
    a = await createTestApp(t());
    const r = await applyOnline(a.app, { applicantName: '赵六' }, [{ fileName: '身份证复印件.pdf', bytes: samplePdf() }]);
    assert.equal(r.statusCode, 200);
    const caseId = (await a.deps.db.selectFrom('applications').select('id').where('tracking_number', '=', r.trackingNumber).executeTakeFirstOrThrow()).id;
    const clerk = (await a.login('gkb')).headers;
    const act = async (action: string, payload: Record<string, unknown> = {}) => {
      const res = await a.app.inject({ method: 'POST', url: `/api/v1/applications/${caseId}/actions/${action}`, headers: clerk, payload });
      assert.equal(res.statusCode, 200, res.body);
    };
    const issue = async (key: string, replacesId?: number) => {
      const res = await a.app.inject({ method: 'POST', url: `/api/v1/applications/${caseId}/letters/${key}/issue`, headers: clerk, payload: replacesId ? { replacesId } : {} });
      assert.equal(res.statusCode, 201, res.body);
      return res.json() as { id: number; docNumber: string };
    };
    await act('receipt_confirmed', { receivedDate: '2026-03-02' });
    const first = await issue('receipt');
    const receipt = await issue('receipt', first.id); // a correction replaces the first
    await act('consultation_sent', { kind: 'third-party', party: '石龙某某建材有限公司' });
    await issue('consultation-third-party');
    await act('consultation_replied', { consultationNo: 1, opinion: 'agree' });
    await act('decided', { outcome: 'disclosed', replyText: '予以公开，见所附文件。' });
    const reply = await issue('reply');
    const released = samplePdf('2025年老旧小区改造资金安排');
    const form = multipartForm({}, [{ fileName: '资金安排.pdf', bytes: released }]);
    const up = await a.app.inject({ method: 'POST', url: `/api/v1/applications/${caseId}/files`, headers: { ...clerk, 'content-type': form.contentType }, payload: form.payload });
    assert.equal(up.statusCode, 201, up.body);
    const releasedId = (up.json().items as { id: number; kind: string }[]).find((f) => f.kind === 'released')!.id;

    const cookie = r.cookie;
    const csrf = parse((await a.app.inject({ method: 'GET', url: '/ysqgk/cx/', headers: { cookie } })).body).querySelector('input[name=_csrf]')!.getAttribute('value')!;
    const post = (url: string, form: Record<string, string>) =>
      a.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: csrf, ...form }).toString() });
    const page = parse((await post('/ysqgk/cx/', { trackingNumber: r.trackingNumber, queryCode: r.queryCode })).body);
    const offered = page.querySelectorAll('#documents button[name=what]').map((b) => b.getAttribute('value'));
    assert.deepEqual(offered, [`letter-${receipt.id}-pdf`, `letter-${receipt.id}-docx`, `letter-${reply.id}-pdf`, `letter-${reply.id}-docx`, `file-${releasedId}`]);
    assert.ok(!page.text.includes('石龙某某建材'), 'the third party is not named to the applicant');
    assert.match(page.querySelector('#submitted-files')!.text, /身份证复印件\.pdf/);

    const stored = await a.deps.db.selectFrom('issued_letters').select(['docx', 'pdf']).where('id', '=', reply.id).executeTakeFirstOrThrow();
    const own = { trackingNumber: r.trackingNumber, queryCode: r.queryCode };
    const pdf = await post('/ysqgk/cx/download', { ...own, what: `letter-${reply.id}-pdf` });
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.headers['cache-control'], 'no-store');
    assert.deepEqual(pdf.rawPayload, Buffer.from(stored.pdf));
    assert.deepEqual((await post('/ysqgk/cx/download', { ...own, what: `letter-${reply.id}-docx` })).rawPayload, Buffer.from(stored.docx));
    assert.deepEqual((await post('/ysqgk/cx/download', { ...own, what: `file-${releasedId}` })).rawPayload, released);

    // Every miss is the look-up's one refusal: wrong code, unknown number, a letter not offered.
    const refusal = (await post('/ysqgk/cx/', { trackingNumber: '2026999999999', queryCode: r.queryCode }));
    const message = parse(refusal.body).querySelector('.field-error')!.text;
    for (const [what, form] of [
      ['wrong code', { ...own, queryCode: 'AAAAAAAA', what: `letter-${reply.id}-pdf` }],
      ['unknown number', { trackingNumber: '2026999999999', queryCode: r.queryCode, what: `letter-${reply.id}-pdf` }],
      ['replaced letter', { ...own, what: `letter-${first.id}-pdf` }],
      ['consultation letter', { ...own, what: `letter-${reply.id - 1}-pdf` }],
      ['the applicant\'s own upload', { ...own, what: `file-${releasedId - 1}` }],
      ['nonsense', { ...own, what: '../../etc/passwd' }],
    ] as const) {
      const res = await post('/ysqgk/cx/download', form);
      assert.equal(res.statusCode, 404, what);
      assert.equal(parse(res.body).querySelector('.field-error')!.text, message, what);
    }
  });

  it('counts downloads against the look-up limit', async () => {
    const r = await applyOnline(a.app, { applicantName: '钱七' });
    const csrf = parse((await a.app.inject({ method: 'GET', url: '/ysqgk/cx/', headers: { cookie: r.cookie } })).body).querySelector('input[name=_csrf]')!.getAttribute('value')!;
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const res = await a.app.inject({
        method: 'POST', url: '/ysqgk/cx/download', remoteAddress: '10.9.9.9',
        headers: { cookie: r.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: csrf, trackingNumber: r.trackingNumber, queryCode: 'WRONGCODE', what: 'file-1' }).toString(),
      });
      statuses.push(res.statusCode);
    }
    assert.deepEqual(statuses.slice(0, 20), Array(20).fill(404));
    assert.equal(statuses[20], 429);
  });
});
