/**
 * PDFs with a text layer: the two 洪泽区 reports as published (fixtures/hongze-*.pdf) read
 * through pdftotext's word boxes give the same tables, cell for cell, as their hand-checked
 * `pdftotext -layout` text (fixtures/hongze-*.txt, see reportcheck.fixtures.test.ts), and the
 * same findings.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readReportFile } from './reportcheck.file.ts';
import { pdfToLines } from './reportcheck.pdf.ts';
import { wordsToLines } from './reportcheck.layout.ts';
import { deadlineIn } from './reportcheck.tools.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const read = (name: string) => readReportFile({ name, bytes: fixture(name) });
const codes = (findings: { code: string; severity: string }[]) => findings.filter((f) => f.severity !== 'info').map((f) => f.code).sort();

for (const year of [2023, 2024]) {
  describe(`洪泽区 ${year}: the published PDF`, () => {
    it('reads every table cell as the hand-checked text gives it, and finds the same problems', async () => {
      const [pdf, text] = await Promise.all([read(`hongze-${year}.pdf`), read(`hongze-${year}.txt`)]);
      assert.equal(pdf.inputKind, 'pdf');
      assert.deepEqual([pdf.body.name, pdf.year], [text.body.name, year]);
      assert.deepEqual(pdf.applications.rows, text.applications.rows);
      assert.deepEqual(pdf.reviewLitigation, text.reviewLitigation);
      assert.deepEqual(pdf.proactive, text.proactive);
      assert.deepEqual(codes(pdf.findings), codes(text.findings));
    });
  });
}

describe('PDF findings point at the printed line', () => {
  it('quotes the row of the wrong section 四 totals', async () => {
    const r = await read('hongze-2023.pdf');
    const bad = r.findings.filter((f) => f.code === 'report.review_total_mismatch');
    assert.deepEqual(bad.map((f) => f.details?.printed), [0, 0]);
    const quoted = r.sourceLines[String(bad[0].location?.line)];
    assert.match(quoted, /^10\s+1\s+0/); // the one row of figures under the section 四 header
    const newReceived = r.sourceLines[String(r.sources.applications.newReceived[0])];
    assert.match(newReceived, /一、本年新收政府信息公开申请数量\s+21\s+0/);
  });
});

describe('reading PDFs: missing programs and limits', () => {
  it('names the Debian package when pdftotext is missing', async () => {
    await assert.rejects(
      pdfToLines(fixture('hongze-2023.pdf'), { deadline: deadlineIn(), commands: { pdftotext: '/nonexistent/pdftotext' } }),
      (e: Error & { code?: string }) => e.code === 'reportcheck.tool_missing' && /未安装 pdftotext.*poppler-utils/.test(e.message),
    );
  });

  it('stops when the time is up', async () => {
    await assert.rejects(pdfToLines(fixture('hongze-2023.pdf'), { deadline: Date.now() - 1 }), (e: Error & { code?: string }) => e.code === 'reportcheck.read_timeout');
  });

  it('turns a damaged PDF into a finding, not a failure', async () => {
    const r = await readReportFile({ name: '坏.pdf', bytes: new TextEncoder().encode('%PDF-1.7\n垃圾') });
    assert.deepEqual(r.findings.map((f) => f.code), ['reportcheck.file_unreadable']);
    assert.match(r.findings[0].message, /“坏\.pdf”无法读取/);
  });
});

describe('words with positions → lines', () => {
  const word = (x0: number, y0: number, text: string, page = 1) => ({ page, x0, y0, x1: x0 + text.length * 10, y1: y0 + 10, text });

  it('orders rows by position, whatever order the file stores the words in', () => {
    const lines = wordsToLines([word(300, 100, '0'), word(10, 100, '（一）予以公开'), word(200, 101, '5'), word(10, 50, '三、收到和处理政府信息公开申请情况')]);
    assert.deepEqual(lines.map((l) => l.cells), [['三、收到和处理政府信息公开申请情况'], ['（一）予以公开', '5', '0']]);
    assert.deepEqual(lines.map((l) => l.no), [1, 2]);
  });

  it('keeps a figure centred in a tall cell as a row of its own between the label’s lines', () => {
    const lines = wordsToLines([word(10, 100, '（二）部分公开（区分处理的'), word(10, 120, '计其他情形）'), word(200, 110, '4'), word(250, 110, '0')]);
    assert.deepEqual(lines.map((l) => l.cells), [['（二）部分公开（区分处理的'], ['4', '0'], ['计其他情形）']]);
  });

  it('drops page numbers and numbers lines page after page', () => {
    const lines = wordsToLines([word(10, 10, '行政许可'), word(200, 10, '550'), word(100, 800, '-2-'), word(10, 10, '行政处罚', 2), word(200, 10, '4119', 2)]);
    assert.deepEqual(lines.map((l) => [l.no, l.cells.join(' ')]), [[1, '行政许可 550'], [2, '行政处罚 4119']]);
  });
});
