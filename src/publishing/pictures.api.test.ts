/**
 * Pictures in an item's body, on both databases. While the item is a draft its picture is served
 * to the staff who read the item (the editor shows it) and to nobody else: not to the public, not
 * to another unit's staff. Once published, the page shows it from the picture address, which does
 * not count as a download; the 附件 link still does, so 已下载 N 次 counts fetches of the file.
 */
import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { fgwDesk } from './fgw-desk.testing.ts';
import { multipartForm, samplePdf } from '../applications/case-files.testing.ts';
import { COMPLETE_REVIEW } from './confidentiality.testing.ts';

type Headers = Record<string, string>;
/** A real 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

describeOnBothDatabases('pictures in a body: staff preview of drafts, not counted as downloads', (t) => {
  let a: TestApp;
  let editor: Headers;
  let reviewer: Headers;
  let itemId = 0;
  let pictureId = 0;
  let pdfId = 0;

  before(async () => {
    a = await createTestApp(t());
    let columnId: number;
    ({ editor, reviewer, columnId } = await fgwDesk(a));
    const res = await a.app.inject({ method: 'POST', url: '/api/v1/publishing/items', headers: editor, payload: { columnId, kind: 'general', title: '石龙区城区停车场分布图' } });
    assert.equal(res.statusCode, 200, res.body);
    itemId = (res.json() as { id: number }).id;
    const upload = async (fileName: string, bytes: Buffer) => {
      const form = multipartForm({}, [{ name: 'file', fileName, bytes }]);
      const up = await a.app.inject({ method: 'POST', url: `/api/v1/publishing/items/${itemId}/attachments`, headers: { ...editor, 'content-type': form.contentType }, payload: form.payload });
      assert.equal(up.statusCode, 200, up.body);
      return (up.json() as { id: number }).id;
    };
    pictureId = await upload('分布图.png', PNG);
    pdfId = await upload('停车场名录.pdf', samplePdf('停车场名录'));
    const body = `<p>城区停车场分布如下：</p><p><img src="/xxgk/tp/${pictureId}" alt="石龙区城区停车场分布图"></p><p><a href="/xxgk/fj/${pdfId}">停车场名录</a></p>`;
    const saved = await a.app.inject({ method: 'PATCH', url: `/api/v1/publishing/items/${itemId}`, headers: editor, payload: { bodyHtml: body } });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.match((saved.json() as { bodyHtml: string }).bodyHtml, new RegExp(`<img src="/xxgk/tp/${pictureId}" alt="石龙区城区停车场分布图"`));
  });
  after(async () => {
    await a.app.close();
  });

  const staff = (id: number, headers: Headers = {}) => a.app.inject({ method: 'GET', url: `/api/v1/publishing/attachments/${id}/file`, headers });
  const counts = async () => (await a.deps.db.selectFrom('publishing_attachments').select(['id', 'download_count']).where('item_id', '=', itemId).orderBy('id').execute()).map((r) => r.download_count);

  it('shows a draft\'s picture to the unit\'s staff only, never to the public or another unit', async () => {
    for (const headers of [editor, reviewer]) {
      const res = await staff(pictureId, headers);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'image/png');
      assert.equal(res.headers['content-disposition'], 'inline');
      assert.deepEqual(res.rawPayload, PNG);
    }
    const pdf = await staff(pdfId, editor);
    assert.equal(pdf.statusCode, 200);
    assert.match(String(pdf.headers['content-disposition']), /^attachment; filename\*=UTF-8''/);

    assert.equal((await staff(pictureId)).statusCode, 401);
    const jyj = (await a.login('jyj-editor')).headers;
    const foreign = await staff(pictureId, jyj);
    assert.equal(foreign.statusCode, 404);
    assert.doesNotMatch(foreign.body, /PNG/);
    assert.equal((await staff(999999, editor)).statusCode, 404);
    for (const url of [`/xxgk/tp/${pictureId}`, `/xxgk/fj/${pictureId}`, `/xxgk/xx/${itemId}/`]) assert.equal((await a.app.inject({ method: 'GET', url })).statusCode, 404, url);
    assert.deepEqual(await counts(), [0, 0], 'staff views are not downloads');
  });

  it('on the portal a picture is shown without counting; the 附件 link counts', async () => {
    assert.equal((await a.app.inject({ method: 'POST', url: `/api/v1/publishing/items/${itemId}/transitions`, headers: editor, payload: { action: 'submit' } })).statusCode, 200);
    const ok = await a.app.inject({ method: 'POST', url: `/api/v1/publishing/items/${itemId}/transitions`, headers: reviewer, payload: { action: 'approve', confidentialityReview: COMPLETE_REVIEW } });
    assert.equal(ok.statusCode, 200, ok.body);
    const page = await a.app.inject({ method: 'GET', url: `/xxgk/xx/${itemId}/` });
    assert.match(page.body, new RegExp(`<img src="/xxgk/tp/${pictureId}" alt="石龙区城区停车场分布图"`));
    for (let i = 0; i < 3; i++) {
      const img = await a.app.inject({ method: 'GET', url: `/xxgk/tp/${pictureId}` });
      assert.equal(img.statusCode, 200);
      assert.equal(img.headers['content-type'], 'image/png');
      assert.equal(img.headers['content-disposition'], 'inline');
    }
    assert.deepEqual(await counts(), [0, 0]);
    assert.equal((await a.app.inject({ method: 'GET', url: `/xxgk/fj/${pictureId}` })).statusCode, 200);
    assert.equal((await a.app.inject({ method: 'GET', url: `/xxgk/fj/${pdfId}` })).statusCode, 200);
    assert.deepEqual(await counts(), [1, 1]);
    // Only pictures are served inline under the picture address.
    assert.equal((await a.app.inject({ method: 'GET', url: `/xxgk/tp/${pdfId}` })).statusCode, 404);

    // A body saved when pictures pointed at the download address is shown from the picture address.
    await a.deps.db.updateTable('publishing_items').set({ body_html: `<p><img src="/xxgk/fj/${pictureId}" alt="旧图"></p><p><a href="/xxgk/fj/${pictureId}">下载原图</a></p>` }).where('id', '=', itemId).execute();
    a.app.pageCache.invalidate(); // written past the application, as a body from an older version is
    const old = await a.app.inject({ method: 'GET', url: `/xxgk/xx/${itemId}/` });
    assert.match(old.body, new RegExp(`<img src="/xxgk/tp/${pictureId}" alt="旧图"`));
    assert.match(old.body, new RegExp(`<a href="/xxgk/fj/${pictureId}">下载原图</a>`));

    // Withdrawn: gone from the public, still there for the staff.
    assert.equal((await a.app.inject({ method: 'POST', url: `/api/v1/publishing/items/${itemId}/transitions`, headers: reviewer, payload: { action: 'withdraw', comment: '信息更新' } })).statusCode, 200);
    assert.equal((await a.app.inject({ method: 'GET', url: `/xxgk/tp/${pictureId}` })).statusCode, 404);
    assert.equal((await staff(pictureId, editor)).statusCode, 200);
  });
});
