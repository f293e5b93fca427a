/**
 * 导入 Word 文档 over the API: a publisher sends a .docx and gets its text back as body HTML,
 * cleaned as saving would clean it; anything that is not a .docx, or a zip bomb, is a 400 in
 * Chinese; a reviewer without the publisher role is refused. Nothing is stored.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Document, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { openTestDatabase, type TestDatabase } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { docxBomb } from '../shared/zip.testing.ts';

function multipart(fileName: string, bytes: Buffer) {
  const boundary = '----gongkai-docx-boundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, bytes, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

// A 1×1 transparent PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

async function sampleDocx(): Promise<Buffer> {
  const cell = (text: string, columnSpan?: number) => new TableCell({ columnSpan, children: [new Paragraph(text)] });
  const doc = new Document({
    sections: [{
      children: [
        new Paragraph({ heading: HeadingLevel.HEADING_1, text: '一、工作目标' }),
        new Paragraph({ children: [new TextRun('全面推进'), new TextRun({ text: '基层政务公开', bold: true }), new TextRun('标准化规范化建设。')] }),
        new Table({ rows: [new TableRow({ children: [cell('事项', 2)] }), new TableRow({ children: [cell('主动公开'), cell('依申请公开')] })] }),
        new Paragraph({ children: [new ImageRun({ type: 'png', data: PNG, transformation: { width: 10, height: 10 } })] }),
      ],
    }],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

describe('导入 Word 文档 (POST /api/v1/publishing/docx-to-html)', () => {
  let t: TestDatabase;
  let a: TestApp;
  before(async () => {
    t = await openTestDatabase('sqlite');
    a = await createTestApp(t);
  });
  after(async () => {
    await a.app.close();
    await t.close();
  });
  const send = async (username: string, fileName: string, bytes: Buffer) => {
    const { headers } = await a.login(username);
    const body = multipart(fileName, bytes);
    return a.app.inject({ method: 'POST', url: '/api/v1/publishing/docx-to-html', payload: body.payload, headers: { ...headers, ...body.headers } });
  };

  it('returns the document as body HTML: headings below the title, bold, the merged table; pictures counted and left out', async () => {
    const res = await send('fgw-editor', '工作方案.docx', await sampleDocx());
    assert.equal(res.statusCode, 200, res.body);
    const { html, droppedImages } = res.json() as { html: string; droppedImages: number };
    assert.match(html, /^<h2>一、工作目标<\/h2>/);
    assert.match(html, /<p>全面推进<strong>基层政务公开<\/strong>标准化规范化建设。<\/p>/);
    assert.match(html, /<td colspan="2"><p>事项<\/p><\/td>/);
    assert.match(html, /<td><p>主动公开<\/p><\/td><td><p>依申请公开<\/p><\/td>/);
    assert.equal(html.includes('<img'), false);
    assert.equal(droppedImages, 1);
    assert.equal(await t.db.selectFrom('publishing_attachments').select('id').executeTakeFirst(), undefined, 'nothing stored');
  });

  it('refuses what is not a .docx, in Chinese', async () => {
    for (const [name, bytes] of [['通知.pdf', Buffer.from('%PDF-1.4 test')], ['通知.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])], ['通知.txt', Buffer.from('纯文本')], ['改名.docx', Buffer.from('%PDF-1.4 test')]] as const) {
      const res = await send('fgw-editor', name, bytes);
      assert.equal(res.statusCode, 400, `${name}: ${res.body}`);
      const { error } = res.json() as { error: { code: string; message: string } };
      assert.equal(error.code, 'publishing.docx_type', name);
      assert.match(error.message, /只能导入 Word 文档（\.docx）/);
    }
  });

  it('refuses a zip bomb, declared or hidden behind a false size, before it is inflated', async () => {
    const declared = await send('fgw-editor', '炸弹.docx', await docxBomb(100));
    assert.equal(declared.statusCode, 400, declared.body);
    assert.match((declared.json() as { error: { message: string } }).error.message, /疑似压缩炸弹/);
    const hidden = await send('fgw-editor', '炸弹.docx', await docxBomb(100, { declaredSize: 50_000 }));
    assert.equal(hidden.statusCode, 400, hidden.body);
    const { error } = hidden.json() as { error: { code: string; message: string } };
    assert.equal(error.code, 'publishing.docx_archive_refused');
    assert.match(error.message, /疑似压缩炸弹/);
  });

  it('is for publishers: a reviewer is refused', async () => {
    const res = await send('fgw-reviewer', '工作方案.docx', await sampleDocx());
    assert.equal(res.statusCode, 403);
  });
});
