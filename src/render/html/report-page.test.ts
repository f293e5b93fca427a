import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'node-html-parser';
import { APPLICATION_ROWS, type AnnualReport } from '../../report/report.model.ts';
import { shilong2022 } from '../../report/fixtures/shilong-2022.ts';
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

  it('has the header block: cross-check note 3×3, 申请人情况, 法人或其他组织 over five columns', () => {
    assert.equal(grid.length, 3 + 25);
    assert.ok(grid.every((row) => row.length === 10), 'every row covers 10 columns');
    const note = grid[0][0];
    assert.equal(note.text, '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    assert.deepEqual([note.rowSpan, note.colSpan], [3, 3]);
    assert.deepEqual(rowTexts(grid[0]), [note.text, '申请人情况']);
    assert.equal(grid[0][3].colSpan, 7);
    assert.deepEqual(rowTexts(grid[1]).slice(1), ['自然人', '法人或其他组织', '总计']);
    assert.deepEqual([grid[1][3].rowSpan, grid[1][4].colSpan, grid[1][9].rowSpan], [2, 5, 2]);
    assert.deepEqual(rowTexts(grid[2]).slice(1), ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
  });

  it('puts every row label and group cell at its place', () => {
    const body = grid.slice(3);
    APPLICATION_ROWS.forEach((def, i) => {
      const labelCell = body[i][2];
      assert.equal(labelCell.text, def.label, `row ${i + 1}`);
      if ('group' in def) {
        assert.equal(body[i][1].text, def.group);
        assert.equal(labelCell.colSpan, 1);
      }
    });
    const outcome = body[2][0];
    assert.equal(outcome.text, '三、本年度办理结果');
    assert.deepEqual([outcome.row, outcome.rowSpan, outcome.colSpan], [5, 22, 1]);
    const spans = ['（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理'].map((g) => {
      const cell = body.find((r) => r[1].text === g)![1];
      return [cell.row - 3, cell.rowSpan];
    });
    assert.deepEqual(spans, [[4, 8], [12, 3], [15, 5], [20, 3]]);
    for (const i of [0, 1, 24]) assert.deepEqual([body[i][0].colSpan, body[i][0].text], [3, APPLICATION_ROWS[i].label]);
    for (const i of [2, 3, 23]) assert.deepEqual([body[i][1].colSpan, body[i][1].col], [2, 1]);
  });

  it('has every figure at its row and applicant column', () => {
    const body = grid.slice(3);
    const expected: Record<number, number> = { 0: 9, 2: 5, 12: 2, 15: 1, 22: 1, 23: 9 };
    body.forEach((row, i) => {
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
    assert.equal(grid.length, 4);
    assert.ok(grid.every((row) => row.length === 15));
    assert.deepEqual(rowTexts(grid[0]), ['行政复议', '行政诉讼']);
    assert.deepEqual([grid[0][0].colSpan, grid[0][5].colSpan], [5, 10]);
    assert.deepEqual(rowTexts(grid[1]), ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉']);
    assert.ok(grid[1].slice(0, 5).every((c) => c.rowSpan === 2));
    assert.deepEqual([grid[1][5].colSpan, grid[1][10].colSpan], [5, 5]);
    assert.deepEqual(grid[2].slice(5).map((c) => c.text), [...'结果维持 结果纠正 其他结果 尚未审结 总计 '.repeat(2).trim().split(' ')]);
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
