import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shilong2022 } from '../../report/fixtures/shilong-2022.ts';
import { chromiumSkipReason } from '../../shared/chromium.ts';
import { chromiumMissingError, renderReportPdf } from './report-pdf.ts';

function pdftotext(pdf: Buffer): { text: string; pages: number } {
  const dir = mkdtempSync(join(tmpdir(), 'gk-pdf-'));
  try {
    writeFileSync(join(dir, 'r.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
    const info = execFileSync('pdfinfo', [join(dir, 'r.pdf')], { encoding: 'utf8' });
    return { text, pages: Number(/Pages:\s+(\d+)/.exec(info)![1]) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The figures printed on the line that carries `label` (pdftotext -layout keeps a row on one line). */
function figuresOnLine(text: string, label: string): string[] {
  const line = text.split('\n').find((l) => l.includes(label));
  assert.ok(line, `a line with ${label}`);
  return line.slice(line.indexOf(label) + label.length).trim().split(/\s+/);
}

describe('report PDF', () => {
  it('says clearly what to install when Chromium is missing', () => {
    const e = chromiumMissingError();
    assert.deepEqual([e.code, e.status], ['render.chromium_missing', 503]);
    assert.match(e.message, /chromium 和 fonts-noto-cjk/);
  });

  it('prints the report to A4 with the narrative and the table figures readable as text', { skip: chromiumSkipReason() }, async () => {
    const pdf = await renderReportPdf(shilong2022);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const { text, pages } = pdftotext(pdf);
    assert.ok(pages >= 3 && pages <= 8, `${pages} pages`);
    // The title breaks where an official title breaks: after the body and year.
    assert.match(text, /石龙区人民政府2022年\s*\n\s*政府信息公开工作年度报告/);
    for (const h of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']) {
      assert.ok(text.includes(h), h);
    }
    assert.deepEqual(figuresOnLine(text, '一、本年新收政府信息公开申请数量'), ['9', '0', '0', '0', '0', '0', '9']);
    assert.deepEqual(figuresOnLine(text, '二、上年结转政府信息公开申请数量'), ['0', '0', '0', '0', '0', '0', '0']);
    assert.deepEqual(figuresOnLine(text, '（一）予以公开'), ['5', '0', '0', '0', '0', '0', '5']);
    assert.deepEqual(figuresOnLine(text, '1.本机关不掌握相关政府信息'), ['2', '0', '0', '0', '0', '0', '2']);
    assert.deepEqual(figuresOnLine(text, '1.信访举报投诉类申请'), ['1', '0', '0', '0', '0', '0', '1']);
    assert.deepEqual(figuresOnLine(text, '（七）总计'), ['9', '0', '0', '0', '0', '0', '9']);
    assert.deepEqual(figuresOnLine(text, '四、结转下年度继续办理'), ['0', '0', '0', '0', '0', '0', '0']);
    // Section 四: the one data row of 15 figures.
    const review = text.split('\n').find((l) => /^\s*1(\s+\d+){14}\s*$/.test(l));
    assert.ok(review, 'the section 四 figures on one line');
    assert.deepEqual(review.trim().split(/\s+/), '1 0 0 0 1 0 0 0 0 0 1 0 0 0 1'.split(' '));
    // Section 二 figures were lost: marked, not 0.
    assert.deepEqual(figuresOnLine(text, '规章'), ['未填报', '未填报', '未填报']);
    assert.match(text, /—\s*1\s*—/, 'page number in the footer');
  });
});
