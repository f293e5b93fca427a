import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph } from 'docx';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

type Part = { field: string; value: string } | { file: string; bytes: Buffer };

/** A multipart/form-data body as a browser sends it: file parts and plain fields. */
function multipart(parts: Part[]) {
  const boundary = '----gongkai-reportcheck-boundary';
  const chunks: Buffer[] = [];
  for (const p of parts) {
    if ('field' in p) {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.field}"\r\n\r\n${p.value}\r\n`));
    } else {
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${p.file}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
      chunks.push(Buffer.from(head), p.bytes, Buffer.from('\r\n'));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

interface Finding {
  code: string;
  severity: string;
  message: string;
  location?: { section?: string; row?: string; column?: string; line?: number };
}
interface Checked {
  source: string;
  inputKind: string;
  body: { name: string };
  year: number;
  applications: { rows: Record<string, (number | null)[]> };
  reviewLitigation: Record<string, (number | null)[]>;
  sources: { reviewLitigation: Record<string, (number | null)[]> };
  findings: Finding[];
  counts: { error: number; warning: number; info: number };
  sourceLines: Record<string, string>;
}
interface Result {
  reports: Checked[];
  errorCount: number;
  warningCount: number;
}

describeOnBothDatabases('report checks over the API', (t) => {
  let a: TestApp;
  let auditor: { headers: Record<string, string> };

  before(async () => {
    a = await createTestApp(t());
    auditor = await a.login('auditor');
  });
  after(async () => {
    await a?.app.close();
  });

  const upload = (parts: Part[], url = '/api/v1/report-checks', headers = auditor.headers) => {
    const body = multipart(parts);
    return a.app.inject({ method: 'POST', url, payload: body.payload, headers: { ...headers, 'content-type': body.contentType } });
  };
  const auditRows = async () => Number((await a.deps.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('reads uploaded reports for an auditor, with figures, source lines and the printed 0 totals of section 四', async () => {
    const before = await auditRows();
    const res = await upload([
      { file: 'shilong-2022.txt', bytes: fixture('shilong-2022.txt') },
      { file: '洪泽区2023年报.txt', bytes: fixture('hongze-2023.txt') },
    ]);
    assert.equal(res.statusCode, 200, res.body);
    const { reports, errorCount } = res.json() as Result;
    assert.deepEqual(reports.map((r) => [r.source, r.inputKind, r.body.name, r.year]), [
      ['shilong-2022.txt', 'text', '石龙区人民政府', 2022],
      ['洪泽区2023年报.txt', 'text', '洪泽区人民政府', 2023],
    ]);
    const [shilong, hongze] = reports;
    // 石龙区's table lost its 一/二 rows: unread, so null, never 0.
    assert.deepEqual(shilong.applications.rows.newReceived, [null, null, null, null, null, null, null]);
    assert.deepEqual(hongze.applications.rows.newReceived, [21, 0, 0, 0, 0, 0, 21]);
    // 洪泽区 2023 prints 维持 10, 纠正 1 but 总计 0 for 行政复议, and 5 … 0 for 复议后起诉 (line 153).
    assert.deepEqual(hongze.reviewLitigation.review, [10, 1, 0, 0, 0]);
    assert.deepEqual(hongze.reviewLitigation.litigationAfterReview, [5, 0, 0, 0, 0]);
    assert.equal(hongze.sources.reviewLitigation.review[4], 153);
    // The cited lines come back as printed, for the reader to compare.
    assert.equal(hongze.sourceLines['153'], '10    1      0   0    0   0    0   0   0    0   5   0     0   0   0');
    assert.match(hongze.sourceLines['99'], /^一、本年新收政府信息公开申请数量\s+21\s+0/);
    const flaws = hongze.findings.filter((f) => f.code === 'report.review_total_mismatch');
    assert.deepEqual(flaws.map((f) => [f.severity, f.location?.row, f.location?.column, f.location?.line]), [
      ['error', 'review', '总计', 153],
      ['error', 'litigationAfterReview', '总计', 153],
    ]);
    assert.match(flaws[0].message, /之和为 11，但“总计”为 0/);
    assert.equal(hongze.counts.error, 2);
    assert.equal(shilong.counts.error, 8);
    assert.equal(errorCount, 10);
    assert.equal(await auditRows(), before, 'checking reads only: nothing is written to the audit log');
  });

  it('reads pasted text, alone or next to uploaded files', async () => {
    const res = await a.app.inject({ method: 'POST', url: '/api/v1/report-checks/text', headers: auditor.headers, payload: { text: fixture('hongze-2023.txt').toString('utf8') } });
    assert.equal(res.statusCode, 200, res.body);
    const [pasted] = (res.json() as Result).reports;
    assert.deepEqual([pasted.source, pasted.body.name, pasted.year, pasted.counts.error], ['粘贴文本', '洪泽区人民政府', 2023, 2]);

    const mixed = await upload([
      { file: 'hongze-2024.txt', bytes: fixture('hongze-2024.txt') },
      { field: 'text', value: fixture('hongze-2023.txt').toString('utf8') },
      { field: 'name', value: '洪泽区2023（粘贴）' },
    ]);
    assert.equal(mixed.statusCode, 200, mixed.body);
    assert.deepEqual((mixed.json() as Result).reports.map((r) => [r.source, r.year]), [
      ['hongze-2024.txt', 2024],
      ['洪泽区2023（粘贴）', 2023],
    ]);

    const blank = await a.app.inject({ method: 'POST', url: '/api/v1/report-checks/text', headers: auditor.headers, payload: { text: '  \n ' } });
    assert.equal(blank.statusCode, 400);
    assert.equal((blank.json() as { error: { code: string } }).error.code, 'reportcheck.text_empty');
  });

  it('takes the body’s level from the form or the text body, and refuses an unknown one', async () => {
    const sample = fixture('sample-county-bureau-2023.html');
    const late = (r: { findings: { code: string }[] }) => r.findings.some((f) => f.code === 'report.published_late');
    const inferred = await upload([{ file: 'sample.html', bytes: sample }]);
    assert.ok(late((inferred.json() as { reports: { findings: { code: string }[] }[] }).reports[0]));
    const zone = await upload([{ file: 'sample.html', bytes: sample }, { field: 'level', value: '管委会' }]);
    assert.equal(zone.statusCode, 200, zone.body);
    const [r] = (zone.json() as { reports: { level: unknown; findings: { code: string }[] }[] }).reports;
    assert.deepEqual(r.level, { kind: 'zone', name: '管委会（开发区、实验区、新区）', inferred: false });
    assert.ok(!late(r));
    const text = await a.app.inject({ method: 'POST', url: '/api/v1/report-checks/text', headers: auditor.headers, payload: { text: sample.toString('utf8'), level: 'government' } });
    assert.ok(!late((text.json() as { reports: { findings: { code: string }[] }[] }).reports[0]));
    const bad = await upload([{ file: 'sample.html', bytes: sample }, { field: 'level', value: '县长' }]);
    assert.equal(bad.statusCode, 400);
    assert.equal((bad.json() as { error: { code: string } }).error.code, 'reportcheck.level_invalid');
  });

  it('accepts a Word file and reads it as such', async () => {
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('石龙区教育局2023年政府信息公开工作年度报告')] }] }));
    const res = await upload([{ file: '年报.docx', bytes: Buffer.from(docx) }]);
    assert.equal(res.statusCode, 200, res.body);
    const [r] = (res.json() as Result).reports;
    assert.deepEqual([r.inputKind, r.year], ['docx', 2023]);
  });

  it('downloads the batch summary as CSV, XLSX and HTML with a Chinese file name', async () => {
    const files: Part[] = [
      { file: 'shilong-2022.txt', bytes: fixture('shilong-2022.txt') },
      { file: 'hongze-2023.txt', bytes: fixture('hongze-2023.txt') },
    ];
    const csv = await upload(files, '/api/v1/report-checks/export?format=csv');
    assert.equal(csv.statusCode, 200, csv.body);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    assert.equal(
      csv.headers['content-disposition'],
      `attachment; filename="report-check-summary.csv"; filename*=UTF-8''${encodeURIComponent('年报核查汇总.csv')}`,
    );
    const lines = csv.body.replace(/^\uFEFF/, '').split('\r\n');
    assert.match(lines[0], /^文件或网址,机关,层级,年度,发布日期,三四部分读出单元格,三四部分单元格,错误,警告,提示,/);
    assert.match(lines[2], /^hongze-2023\.txt,洪泽区人民政府,人民政府,2023,[^,]*,\d+,\d+,2,/);

    const xlsx = await upload(files, '/api/v1/report-checks/export?format=xlsx');
    assert.equal(xlsx.statusCode, 200, xlsx.body);
    assert.match(String(xlsx.headers['content-disposition']), /filename\*=UTF-8''%E5%B9%B4%E6%8A%A5%E6%A0%B8%E6%9F%A5%E6%B1%87%E6%80%BB\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    assert.equal(book.worksheets[0].name, '年报核查汇总');
    assert.equal(book.worksheets[0].getRow(3).getCell(2).value, '洪泽区人民政府');

    const html = await a.app.inject({
      method: 'POST',
      url: '/api/v1/report-checks/text/export?format=html',
      headers: auditor.headers,
      payload: { text: fixture('hongze-2023.txt').toString('utf8'), name: '洪泽区' },
    });
    assert.equal(html.statusCode, 200, html.body);
    assert.match(String(html.headers['content-type']), /^text\/html/);
    assert.ok(html.body.includes('<td>report.review_total_mismatch</td>'));

    const badFormat = await upload(files, '/api/v1/report-checks/export?format=pdf');
    assert.equal(badFormat.statusCode, 400);
  });

  it('reads a published PDF in the parsing worker like its text', async () => {
    const res = await upload([{ file: '洪泽区2023年报.pdf', bytes: fixture('hongze-2023.pdf') }]);
    assert.equal(res.statusCode, 200, res.body);
    const [r] = (res.json() as Result).reports;
    assert.deepEqual([r.inputKind, r.body.name, r.year], ['pdf', '洪泽区人民政府', 2023]);
    assert.deepEqual(r.applications.rows.newReceived, [21, 0, 0, 0, 0, 0, 21]);
    assert.deepEqual(r.reviewLitigation.review, [10, 1, 0, 0, 0]);
    assert.equal(r.findings.filter((f) => f.code === 'report.review_total_mismatch').length, 2);
  });

  it('refuses other file types, renamed binaries, empty uploads and oversized files in Chinese', async () => {
    const error = (res: { json(): unknown }) => (res.json() as { error: { code: string; message: string } }).error;
    const doc = await upload([{ file: '年报.doc', bytes: Buffer.from('\u00d0\u00cf\u0011\u00e0') }]);
    assert.equal(doc.statusCode, 415);
    assert.equal(error(doc).code, 'reportcheck.unsupported_type');
    assert.match(error(doc).message, /“年报\.doc”不是有效的 Word 97–2003（\.doc）或 WPS 文字（\.wps）文件.*请上传 \.txt、\.html、\.htm、\.docx、\.doc、\.wps、\.pdf 或图片/);
    const xls = await upload([{ file: '年报.xls', bytes: Buffer.from('一、总体情况') }]);
    assert.equal(xls.statusCode, 415);
    assert.match(error(xls).message, /“年报\.xls”的类型不受支持/);
    const notPdf = await upload([{ file: '年报.pdf', bytes: Buffer.from('一、总体情况') }]);
    assert.equal(notPdf.statusCode, 415);
    assert.match(error(notPdf).message, /不是有效的 PDF 文件/);
    const notImage = await upload([{ file: '截图.png', bytes: Buffer.from('一、总体情况') }]);
    assert.match(error(notImage).message, /不是有效的 PNG 或 JPEG 图片/);

    const renamed = await upload([{ file: '年报.txt', bytes: Buffer.from('%PDF-1.7\n\u0000\u0001') }]);
    assert.equal(renamed.statusCode, 415);
    assert.match(error(renamed).message, /内容不是文本/);
    const fakeWord = await upload([{ file: '年报.docx', bytes: Buffer.from('一、总体情况') }]);
    assert.equal(fakeWord.statusCode, 415);

    const none = await upload([]);
    assert.equal(none.statusCode, 400);
    assert.equal(error(none).code, 'reportcheck.no_files');
    const emptyFile = await upload([{ file: '空.txt', bytes: Buffer.alloc(0) }]);
    assert.equal(emptyFile.statusCode, 400);
    assert.equal(error(emptyFile).code, 'reportcheck.file_empty');

    const big = await upload([{ file: '超大.txt', bytes: Buffer.alloc(10 * 1024 * 1024 + 1, 0x31) }]);
    assert.equal(big.statusCode, 413);
    assert.equal(error(big).code, 'reportcheck.file_too_large');
    assert.match(error(big).message, /“超大\.txt”超过 10 MB/);

    const tooMany = await upload(Array.from({ length: 51 }, (_, i) => ({ file: `r${i}.txt`, bytes: Buffer.from('年度报告') })));
    assert.equal(tooMany.statusCode, 413);
    assert.equal(error(tooMany).code, 'reportcheck.too_many_files');

    const json = await a.app.inject({ method: 'POST', url: '/api/v1/report-checks', headers: auditor.headers, payload: { text: 'x' } });
    assert.equal(json.statusCode, 415);
  });

  it('requires a session and the CSRF token', async () => {
    const body = multipart([{ file: 'hongze-2023.txt', bytes: fixture('hongze-2023.txt') }]);
    const anonymous = await a.app.inject({ method: 'POST', url: '/api/v1/report-checks', payload: body.payload, headers: { 'content-type': body.contentType } });
    assert.equal(anonymous.statusCode, 401);
    const anonymousText = await a.app.inject({ method: 'POST', url: '/api/v1/report-checks/text', payload: { text: '报告' } });
    assert.equal(anonymousText.statusCode, 401);
    const noCsrf = await a.app.inject({
      method: 'POST',
      url: '/api/v1/report-checks',
      payload: body.payload,
      headers: { cookie: auditor.headers.cookie, 'content-type': body.contentType },
    });
    assert.equal(noCsrf.statusCode, 403);
  });

  it('documents its routes on the OpenAPI page', async () => {
    const doc = (await a.app.inject({ method: 'GET', url: '/api/docs/json', headers: (await a.login('gkb')).headers })).json() as { paths: Record<string, { post?: { summary?: string } }> };
    for (const path of ['/api/v1/report-checks', '/api/v1/report-checks/text', '/api/v1/report-checks/export', '/api/v1/report-checks/text/export']) {
      assert.ok(doc.paths[path]?.post?.summary, `${path} is documented`);
    }
  });
});
