/**
 * Word 97–2003 and WPS files through LibreOffice (Debian libreoffice-writer-nogui).
 *
 * fixtures/sample-county-bureau-2023.doc is the saved page sample-county-bureau-2023.html opened
 * and saved as "Word 97" by LibreOffice itself: read back, it must give the cells the page gives.
 * No WPS Office file is stored: WPS Writer saves .wps in the Word 97 compound format, so the .wps
 * case is that same .doc under a .wps name, which tests the name's path through the API and the
 * converter, not WPS Office's own variations of the format.
 * Each conversion starts LibreOffice (seconds, tens of seconds on a loaded machine).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { openTestDatabase, type TestDatabase } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { readReportFile } from './reportcheck.file.ts';
import { docToLines, isOle } from './reportcheck.doc.ts';
import { deadlineIn } from './reportcheck.tools.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const CONVERSION = { timeout: 240_000 };

/** A compound-file header followed by what no Word file holds. */
function corruptDoc(): Buffer {
  const bytes = Buffer.alloc(64 * 1024, 0x41);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes);
  return bytes;
}

/** Processes still running with `marker` on their command line (LibreOffice's, by its temporary directory). */
function processesWith(marker: string): number {
  let n = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker)) n++;
    } catch {
      // gone meanwhile
    }
  }
  return n;
}

function multipart(name: string, bytes: Uint8Array) {
  const boundary = '----gongkai-doc-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

describe('.doc and .wps through LibreOffice', () => {
  it('reads a .doc saved by LibreOffice with the same cells, body, year and findings as the page it was saved from', CONVERSION, async () => {
    const bytes = fixture('sample-county-bureau-2023.doc');
    assert.ok(isOle(bytes));
    const [doc, html] = [await readReportFile({ name: '某县交通运输局2023年报.doc', bytes }), await readReportFile({ name: 'page.html', bytes: fixture('sample-county-bureau-2023.html') })];
    assert.equal(doc.inputKind, 'doc');
    assert.deepEqual([doc.body.name, doc.year, doc.publishedOn], ['某县交通运输局', 2023, '2024-02-05']);
    assert.deepEqual(doc.applications.rows, html.applications.rows);
    assert.deepEqual(doc.reviewLitigation, html.reviewLitigation);
    assert.deepEqual(doc.proactive, html.proactive);
    assert.equal(doc.applications.rows.total[6], html.applications.rows.total[6]);
    assert.notEqual(doc.applications.rows.total[6], null);
    assert.deepEqual(doc.findings.map((f) => f.code), html.findings.map((f) => f.code));
  });

  it('names the Debian package when LibreOffice is missing, as a finding of the file in the CLI and JSON', async () => {
    await assert.rejects(
      docToLines(fixture('sample-county-bureau-2023.doc'), { deadline: deadlineIn(), commands: { soffice: '/nonexistent/soffice' } }),
      (e: Error & { code?: string }) => e.code === 'reportcheck.tool_missing' && /未安装 soffice.*libreoffice-writer-nogui/.test(e.message),
    );
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      const r = await readReportFile({ name: '年报.wps', bytes: fixture('sample-county-bureau-2023.doc') });
      assert.deepEqual(r.findings.map((f) => f.code), ['reportcheck.file_unreadable']);
      assert.match(r.findings[0].message, /“年报\.wps”无法读取：本机未安装 soffice.*apt-get install libreoffice-writer-nogui/);
    } finally {
      process.env.PATH = path;
    }
  });

  it('stops LibreOffice at the deadline, with every process it started, and leaves no files', async () => {
    const before = readdirSync('/tmp').filter((d) => d.startsWith('gongkai-doc-')).length;
    await assert.rejects(docToLines(fixture('sample-county-bureau-2023.doc'), { deadline: Date.now() + 400 }), (e: Error & { code?: string }) => e.code === 'reportcheck.read_timeout');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(processesWith('gongkai-doc-'), 0);
    assert.equal(readdirSync('/tmp').filter((d) => d.startsWith('gongkai-doc-')).length, before);
  });
});

describe('.doc and .wps over the API', () => {
  let t: TestDatabase;
  let a: TestApp;
  let headers: Record<string, string>;
  before(async () => {
    t = await openTestDatabase('sqlite');
    a = await createTestApp(t);
    headers = (await a.login('auditor')).headers;
  });
  after(async () => {
    await a?.app.close();
    await t?.close();
  });
  const upload = (name: string, bytes: Uint8Array) => {
    const body = multipart(name, bytes);
    return a.app.inject({ method: 'POST', url: '/api/v1/report-checks', payload: body.payload, headers: { ...headers, 'content-type': body.contentType } });
  };

  it('reads a WPS Writer file (a Word 97 file named .wps) in the parsing worker, in the same JSON as a page', CONVERSION, async () => {
    const res = await upload('某县交通运输局2023年报.wps', fixture('sample-county-bureau-2023.doc'));
    assert.equal(res.statusCode, 200, res.body);
    const [r] = (res.json() as { reports: { inputKind: string; year: number; applications: { rows: Record<string, unknown> }; counts: { error: number } }[] }).reports;
    const html = await readReportFile({ name: 'page.html', bytes: fixture('sample-county-bureau-2023.html') });
    assert.deepEqual([r.inputKind, r.year, r.counts.error], ['doc', 2023, html.findings.filter((f) => f.severity === 'error').length]);
    assert.deepEqual(r.applications.rows, html.applications.rows);
  });

  it('refuses a corrupt .doc with 422 and a stable code, and goes on answering', CONVERSION, async () => {
    const res = await upload('年报.doc', corruptDoc());
    assert.equal(res.statusCode, 422, res.body);
    const { error } = res.json() as { error: { code: string; message: string } };
    assert.equal(error.code, 'reportcheck.doc_unreadable');
    assert.match(error.message, /LibreOffice 无法读取该文件/);
    const text = await a.app.inject({ method: 'POST', url: '/api/v1/report-checks/text', payload: { text: readFileSync(new URL('./fixtures/hongze-2023.txt', import.meta.url), 'utf8') }, headers });
    assert.equal(text.statusCode, 200);
  });
});
