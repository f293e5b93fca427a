import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'node-html-parser';
import type { AnnualReport } from '../../report/report.model.ts';
import { shilong2022 } from '../../report/fixtures/shilong-2022.ts';
import { assertApplicationsGrid, assertReviewGrid } from '../statutory-tables.assert.ts';
import { renderReportHtml } from './report-page.ts';
import { rowTexts, tableGrid } from './table-grid.ts';

const page = renderReportHtml(shilong2022);
const root = parse(page.fragment);
const table = (section: string) => root.querySelector(`table[data-section="${section}"]`)!;

describe('report HTML: page structure', () => {
  it('has the title and the six statutory sections in order', () => {
    assert.equal(root.querySelector('h1')!.text, '石龙区人民政府2022年政府信息公开工作年度报告');
    assert.deepEqual(
      root.querySelectorAll('h2').map((h) => h.text),
      [
        '一、总体情况',
        '二、主动公开政府信息情况',
        '三、收到和处理政府信息公开申请情况',
        '四、政府信息公开行政复议、行政诉讼情况',
        '五、存在的主要问题及改进情况',
        '六、其他需要报告的事项',
      ],
    );
  });

  it('prints the narrative paragraphs verbatim, run-in heads split off', () => {
    const ps = root.querySelectorAll('#section-一 p');
    assert.equal(ps.length, 5);
    assert.equal(ps[0].querySelector('.lead')!.text, '(一) 主动公开情况。');
    assert.ok(ps[1].text.includes('2022年，全区共受理政府信息公开申请9件'));
    assert.equal(root.querySelectorAll('#section-五 p').length, 2);
    const six = root.querySelectorAll('#section-六 p');
    assert.equal(six.length, 1, 'the fee text is in the narrative already, not printed twice');
    assert.ok(six[0].text.endsWith('2022年石龙区依申请公开政府信息未收费。'));
  });

  it('escapes narrative text', () => {
    const evil: AnnualReport = { ...shilong2022, narrative: [{ number: '一', title: '总体情况', text: '<img src=x onerror=alert(1)>' }] };
    const out = renderReportHtml(evil).fragment;
    assert.ok(out.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(!out.includes('<img'));
  });

  it('is a standalone A4 document with its styles and CJK fonts', () => {
    assert.match(page.document, /^<!DOCTYPE html>/);
    assert.match(page.document, /<title>石龙区人民政府2022年政府信息公开工作年度报告<\/title>/);
    assert.match(page.document, /@page \{ size: A4; margin: 37mm 26mm 35mm 28mm; \}/);
    assert.match(page.document, /Noto Serif CJK SC/);
    assert.ok(page.document.includes(page.fragment));
  });
});

describe('report HTML: section 三 table', () => {
  const grid = tableGrid(table('三'));

  it('has every header, label, group cell and figure at its row and column', () => {
    assertApplicationsGrid(grid, shilong2022);
    const expected: Record<number, number> = { 0: 9, 2: 5, 12: 2, 15: 1, 22: 1, 23: 9 };
    grid.slice(3).forEach((row, i) => {
      const n = expected[i] ?? 0;
      assert.deepEqual(row.slice(3).map((c) => c.text), [String(n), '0', '0', '0', '0', '0', String(n)], `row ${i + 1}`);
    });
  });

  it('prints the single （六）其他处理 row of the 2019 format', () => {
    const r2019: AnnualReport = structuredClone(shilong2022);
    r2019.format = '2019';
    r2019.applications.rows.otherHandling = [1, 0, 0, 0, 0, 0, 1];
    const g = tableGrid(parse(renderReportHtml(r2019).fragment).querySelector('table[data-section="三"]')!);
    assert.equal(g.length, 3 + 23);
    const row = g.find((r) => r[1].text === '（六）其他处理')!;
    assert.deepEqual([row[1].colSpan, row[3].text], [2, '1']);
    assert.equal(g[5][0].rowSpan, 20);
  });
});

describe('report HTML: section 四 table', () => {
  const grid = tableGrid(table('四'));
  it('has the 行政复议 / 行政诉讼 header and the 15 figures in order', () => {
    assertReviewGrid(grid, shilong2022);
    assert.deepEqual(grid[3].map((c) => c.text).join(','), '1,0,0,0,1,0,0,0,0,0,1,0,0,0,1');
  });
});

describe('report HTML: section 二 table and missing figures', () => {
  const grid = tableGrid(table('二'));
  it('has the four blocks with their headers', () => {
    assert.deepEqual(
      grid.filter((r) => r[0].colSpan === 4).map((r) => r[0].text),
      ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项'],
    );
    assert.deepEqual(rowTexts(grid[1]), ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']);
    assert.deepEqual(rowTexts(grid[grid.length - 2]), ['信息内容', '本年收费金额（单位：万元）']);
  });

  it('shows lost figures as empty cells marked 未填报, never 0', () => {
    const figures = table('二').querySelectorAll('td');
    assert.equal(figures.length, 10);
    for (const td of figures) {
      assert.equal(td.text, '');
      assert.equal(td.getAttribute('title'), '未填报');
      assert.ok(td.classList.contains('missing'));
    }
    assert.equal(root.querySelectorAll('table[data-section="三"] td.missing').length, 0);
  });

  it('prints entered figures, the fee amount as exact decimal text', () => {
    const r: AnnualReport = structuredClone(shilong2022);
    r.proactive = { rules: [0, 1, 2], normativeDocuments: [3, 4, 5], licensing: 6, punishment: 7, enforcement: 8, feesAmountWanYuan: '24252.311082' };
    const g = tableGrid(parse(renderReportHtml(r).fragment).querySelector('table[data-section="二"]')!);
    assert.deepEqual(rowTexts(g[2]), ['规章', '0', '1', '2']);
    assert.deepEqual(rowTexts(g[3]), ['行政规范性文件', '3', '4', '5']);
    assert.deepEqual(rowTexts(g[6]), ['行政许可', '6']);
    assert.deepEqual([rowTexts(g[9]), rowTexts(g[10])], [['行政处罚', '7'], ['行政强制', '8']]);
    assert.deepEqual(rowTexts(g[13]), ['行政事业性收费', '24252.311082']);
  });
});
