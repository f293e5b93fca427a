/**
 * Attachments on the public application form (issue 13 item 4.1), over HTTP on both databases:
 * a good file is kept with the case and served to its handlers byte for byte; a file too large,
 * of a type not accepted, or only named like a PDF is refused with the form shown again in
 * Chinese, and nothing is stored (no case, no row, no file on disk).
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { parse } from 'node-html-parser';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { multipartForm, samplePdf, samplePng } from './case-files.testing.ts';
import { sampleForm } from './test-fixtures.ts';
import { MAX_CASE_FILE_BYTES } from './case-files.rules.ts';

function filesOnDisk(dataDir: string): string[] {
  const root = join(dataDir, 'attachments', 'cases');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name);
}

describeOnBothDatabases('attachments on the online application form', (t) => {
  let a: TestApp;
  let cookie = '';

  async function postForm(extra: Record<string, string>, files: Parameters<typeof multipartForm>[1]) {
    const page = await a.app.inject({ method: 'GET', url: '/ysqgk/', headers: cookie ? { cookie } : {} });
    if (!cookie) cookie = `gk_form=${page.cookies.find((c) => c.name === 'gk_form')!.value}`;
    const doc = parse(page.body);
    assert.equal(doc.querySelector('form.stacked')!.getAttribute('enctype'), 'multipart/form-data');
    const orgId = doc.querySelector('#f-organizationId option[value]:not([value=""])')!.getAttribute('value')!;
    const fields = Object.fromEntries(Object.entries(sampleForm(Number(orgId))).map(([k, v]) => [k, String(v)]));
    const form = multipartForm({ _csrf: doc.querySelector('input[name=_csrf]')!.getAttribute('value')!, _token: doc.querySelector('input[name=_token]')!.getAttribute('value')!, ...fields, ...extra }, files);
    return a.app.inject({ method: 'POST', url: '/ysqgk/', headers: { cookie, 'content-type': form.contentType }, payload: form.payload });
  }
  const fileRows = async () => (await a.deps.db.selectFrom('application_files').select('id').execute()).length;
  const caseCount = async () => (await a.deps.db.selectFrom('applications').select('id').execute()).length;

  it('keeps a good attachment with the case and gives its handler the same bytes', async () => {
    a = await createTestApp(t());
    const pdf = samplePdf();
    const res = await postForm({ applicantName: '李四' }, [{ fileName: '身份证复印件.pdf', bytes: pdf }, { fileName: '证明.png', bytes: samplePng() }]);
    assert.equal(res.statusCode, 200, res.body);
    const doc = parse(res.body);
    assert.equal(doc.querySelector('#file-count')!.text, '已收到 2 个');
    const tn = doc.querySelector('#tracking-number')!.text;
    const caseId = (await a.deps.db.selectFrom('applications').select('id').where('tracking_number', '=', tn).executeTakeFirstOrThrow()).id;
    assert.equal(filesOnDisk(a.deps.config.dataDir).length, 2);

    const clerk = (await a.login('gkb')).headers;
    const list = await a.app.inject({ method: 'GET', url: `/api/v1/applications/${caseId}/files`, headers: clerk });
    assert.equal(list.statusCode, 200);
    const items = list.json().items as { id: number; kind: string; fileName: string; mime: string; sha256: string }[];
    assert.deepEqual(items.map((i) => [i.kind, i.fileName, i.mime]), [['application', '身份证复印件.pdf', 'application/pdf'], ['application', '证明.png', 'image/png']]);
    const dl = await a.app.inject({ method: 'GET', url: `/api/v1/applications/${caseId}/files/${items[0]!.id}`, headers: clerk });
    assert.equal(dl.statusCode, 200);
    assert.deepEqual(dl.rawPayload, pdf);
    assert.equal(dl.headers['x-content-sha256'], createHash('sha256').update(pdf).digest('hex'));
    assert.match(String(dl.headers['content-disposition']), /filename\*=UTF-8''%E8%BA%AB/);

    // Need-to-know as for the case: a reviewer of another body neither lists nor downloads it.
    const other = (await a.login('fgw-reviewer')).headers;
    assert.equal((await a.app.inject({ method: 'GET', url: `/api/v1/applications/${caseId}/files`, headers: other })).statusCode, 404);
    assert.equal((await a.app.inject({ method: 'GET', url: `/api/v1/applications/${caseId}/files/${items[0]!.id}`, headers: other })).statusCode, 404);
    const audited = await a.deps.db.selectFrom('audit_log').select('action').where('action', '=', 'applications.file_read').execute();
    assert.equal(audited.length, 1, 'the download is in the audit log');
  });

  it('refuses a file too large, a type not accepted and a fake PDF, storing nothing', async () => {
    const before = { cases: await caseCount(), rows: await fileRows(), disk: filesOnDisk(a.deps.config.dataDir).length };
    const cases: [string, Parameters<typeof multipartForm>[1], RegExp][] = [
      ['too large', [{ fileName: '扫描件.pdf', bytes: Buffer.concat([samplePdf(), Buffer.alloc(MAX_CASE_FILE_BYTES)]) }], /超过 10 MB/],
      ['wrong type', [{ fileName: '说明.txt', bytes: Buffer.from('这是一段文字') }], /不是有效的 PDF、JPG、PNG 或 Word/],
      ['fake PDF', [{ fileName: '身份证.pdf', bytes: Buffer.from('MZ\x90\x00 this is a program, not a PDF') }], /不是有效的 PDF/],
      ['PDF renamed', [{ fileName: '照片.png', bytes: samplePdf() }], /扩展名/],
      ['too many', Array.from({ length: 6 }, (_, i) => ({ fileName: `材料${i}.pdf`, bytes: samplePdf() })), /最多 5 个/],
    ];
    for (const [what, files, message] of cases) {
      const res = await postForm({ applicantName: '王五' }, files);
      assert.equal(res.statusCode, 400, what);
      const doc = parse(res.body);
      assert.match(doc.querySelector('#e-files')!.text, message, what);
      assert.match(doc.querySelector('#e-files')!.text, /附件均未保存，请重新选择/, what);
      assert.equal(doc.querySelector('#f-applicantName')!.getAttribute('value'), '王五', `${what}: the entered values are kept`);
    }
    assert.deepEqual({ cases: await caseCount(), rows: await fileRows(), disk: filesOnDisk(a.deps.config.dataDir).length }, before);
  });

  it('keeps no file when the form itself is refused, nor for a forged post', async () => {
    const before = { rows: await fileRows(), disk: filesOnDisk(a.deps.config.dataDir).length };
    const bad = await postForm({ idNumber: '123' }, [{ fileName: '身份证复印件.pdf', bytes: samplePdf() }]);
    assert.equal(bad.statusCode, 400);
    assert.match(parse(bad.body).querySelector('#e-files')!.text, /请重新选择附件/);
    const forged = multipartForm({ _csrf: 'forged', applicantName: 'x' }, [{ fileName: 'a.pdf', bytes: samplePdf() }]);
    const res = await a.app.inject({ method: 'POST', url: '/ysqgk/', headers: { cookie, 'content-type': forged.contentType }, payload: forged.payload });
    assert.equal(res.statusCode, 403);
    assert.deepEqual({ rows: await fileRows(), disk: filesOnDisk(a.deps.config.dataDir).length }, before);
  });
});
