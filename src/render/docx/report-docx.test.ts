import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { parse } from 'node-html-parser';
import { shilong2022 } from '../../report/fixtures/shilong-2022.ts';
import { tableGrid } from '../html/table-grid.ts';
import { assertApplicationsGrid, assertReviewGrid } from '../statutory-tables.assert.ts';
import { renderReportDocx } from './report-docx.ts';

const docx = await renderReportDocx(shilong2022);

/** word/document.xml of the package, read with the system unzip (no extra package). */
function documentXml(buffer: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'gk-docx-'));
  try {
    writeFileSync(join(dir, 'r.docx'), buffer);
    return execFileSync('unzip', ['-p', join(dir, 'r.docx'), 'word/document.xml'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('report Word document', () => {
  it('reopens as text with the title, the six sections and the narrative in order', async () => {
    const text = (await mammoth.extractRawText({ buffer: docx })).value;
    const order = [
      '石龙区人民政府2022年政府信息公开工作年度报告',
      '一、总体情况',
      '(一) 主动公开情况。全面落实《条例》和《规范》要求',
      '(五) 监督保障。',
      '二、主动公开政府信息情况',
      '第二十条第（一）项',
      '三、收到和处理政府信息公开申请情况',
      '（本列数据的勾稽关系为',
      '四、结转下年度继续办理',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '(二) 改进措施。',
      '六、其他需要报告的事项',
      '2022年石龙区依申请公开政府信息未收费。',
    ];
    let at = -1;
    for (const s of order) {
      const next = text.indexOf(s, at + 1);
      assert.ok(next > at, `"${s}" appears after the previous part`);
      at = next;
    }
  });

  it('has the section 三 table cells in order: labels then seven figures per row', async () => {
    const text = (await mammoth.extractRawText({ buffer: docx })).value;
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    const row = (label: string) => lines.slice(lines.indexOf(label) + 1, lines.indexOf(label) + 8).join(' ');
    assert.equal(row('一、本年新收政府信息公开申请数量'), '9 0 0 0 0 0 9');
    assert.equal(row('1.本机关不掌握相关政府信息'), '2 0 0 0 0 0 2');
    assert.equal(row('1.信访举报投诉类申请'), '1 0 0 0 0 0 1');
    assert.equal(row('（七）总计'), '9 0 0 0 0 0 9');
  });

  it('keeps the merged cells of sections 三 and 四 (rowSpan / columnSpan), read back through mammoth', async () => {
    const page = parse((await mammoth.convertToHtml({ buffer: docx })).value);
    const tables = page.querySelectorAll('table');
    assert.equal(tables.length, 3, 'sections 二, 三, 四');
    assertApplicationsGrid(tableGrid(tables[1]), shilong2022);
    assertReviewGrid(tableGrid(tables[2]), shilong2022);
  });

  it('marks the lost section 二 figures 未填报 instead of printing 0', async () => {
    const page = parse((await mammoth.convertToHtml({ buffer: docx })).value);
    const figures = tableGrid(page.querySelectorAll('table')[0]).filter((r) => r[0].text === '规章' || r[0].text === '行政许可');
    assert.deepEqual(figures.map((r) => [...new Set(r.slice(1))].map((c) => c.text)), [['未填报', '未填报', '未填报'], ['未填报']]);
  });

  it('uses A4, official margins and official-document fonts and sizes', () => {
    const xml = documentXml(docx);
    // 37 / 26 / 35 / 28 mm in twips (1 mm = 1440 / 25.4 twips), A4 = 11906 × 16838.
    assert.match(xml, /<w:pgSz w:w="11906" w:h="16838"/);
    assert.match(xml, /<w:pgMar w:top="2097" w:right="1474" w:bottom="1984" w:left="1587"/);
    const runs = (font: string) => new Set([...xml.matchAll(new RegExp(`w:eastAsia="${font}"[^>]*/>(?:<w:[bi]/>)*(?:<w:color [^>]*/>)?<w:sz w:val="(\\d+)"`, 'g'))].map((m) => m[1]));
    assert.deepEqual(runs('方正小标宋简体'), new Set(['44']), 'title 二号 22pt');
    assert.deepEqual(runs('仿宋_GB2312'), new Set(['32']), 'body 三号 16pt');
    assert.deepEqual(runs('黑体'), new Set(['32']), 'first-level heads 黑体 三号');
    assert.deepEqual(runs('楷体_GB2312'), new Set(['32']), 'run-in heads 楷体 三号');
    assert.ok(runs('宋体').has('21'), 'tables 宋体 10.5pt');
    // The 26-character title is centred and breaks after the year: 石龙区人民政府2022年 / 政府信息公开工作年度报告.
    assert.match(xml, /<w:jc w:val="center"\/>.*?<w:t[^>]*>石龙区人民政府2022年<\/w:t>.*?<w:br\/>.*?<w:t[^>]*>政府信息公开工作年度报告<\/w:t>/s);
  });
});
