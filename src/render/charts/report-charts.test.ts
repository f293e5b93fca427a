import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'node-html-parser';
import type { AnnualReport } from '../../report/report.model.ts';
import { shilong2022 } from '../../report/fixtures/shilong-2022.ts';
import { outcomeItems, renderReportCharts, sumCells } from './report-charts.ts';

/** Another year of the same body, with made-up figures, for the trend. */
function year(y: number, received: number | null, review: number): AnnualReport {
  const r: AnnualReport = structuredClone(shilong2022);
  r.year = y;
  r.applications.rows.newReceived = [received, 0, 0, 0, 0, 0, received];
  r.reviewLitigation.review = [review, 0, 0, 0, review];
  return r;
}

describe('report 图解 (charts)', () => {
  const page = renderReportCharts(shilong2022);
  const root = parse(page.fragment);

  it('charts this year\'s outcomes from the 总计 column, groups summed', () => {
    assert.deepEqual(
      outcomeItems(shilong2022).map((i) => `${i.label}${i.value}`),
      ['予以公开5', '部分公开0', '不予公开0', '无法提供2', '不予处理1', '其他处理1'],
    );
    const svg = root.querySelector('#chart-outcomes svg')!;
    assert.equal(svg.getAttribute('role'), 'img');
    assert.equal(svg.querySelector('title')!.text, '2022年政府信息公开申请办理结果');
    assert.match(svg.querySelector('desc')!.text, /予以公开：5件；部分公开：0件；不予公开：0件；无法提供：2件；不予处理：1件；其他处理：1件/);
    // One bar per non-zero figure, longest for the largest.
    const widths = svg.querySelectorAll('rect').map((r) => Number(r.getAttribute('width')));
    assert.equal(widths.length, 4);
    assert.equal(Math.max(...widths), widths[0]);
  });

  it('repeats every figure as a table under its chart', () => {
    const rows = root.querySelectorAll('#chart-outcomes table.figures tr').map((tr) => tr.text);
    assert.deepEqual(rows, ['予以公开5', '部分公开0', '不予公开0', '无法提供2', '不予处理1', '其他处理1']);
    assert.match(root.querySelector('#chart-outcomes p')!.text, /本年新收申请 9 件，上年结转 0 件，办结 9 件，结转下年度 0 件/);
  });

  it('shows lost proactive figures as 未填报, with no bar and never 0', () => {
    const svgs = root.querySelectorAll('#chart-proactive svg');
    assert.equal(svgs.length, 2);
    for (const svg of svgs) {
      assert.equal(svg.querySelectorAll('rect').length, 0);
      assert.ok(svg.querySelectorAll('text.missing').length >= 3);
    }
    assert.ok(root.querySelectorAll('#chart-proactive td').every((td) => td.text === '未填报'));
    assert.match(root.querySelector('#chart-proactive p.fees')!.text, /本年收费金额 未填报。/);
  });

  it('draws no trend for a single year, and a grouped chart with labels for several', () => {
    assert.equal(root.querySelector('#chart-trend'), null);
    const multi = parse(renderReportCharts(shilong2022, { history: [year(2023, 12, 0), year(2021, null, 2)] }).fragment);
    const svg = multi.querySelector('#chart-trend svg')!;
    assert.equal(svg.querySelector('title')!.text, '2021年至2023年政府信息公开申请与复议诉讼');
    const trendRows = multi.querySelectorAll('#chart-trend tbody tr').map((tr) => tr.querySelectorAll('th, td').map((c) => c.text));
    assert.deepEqual(trendRows, [
      ['2021年', '未填报', '9', '2', '1'],
      ['2022年', '9', '9', '1', '1'],
      ['2023年', '12', '9', '0', '1'],
    ]);
    const labels = svg.querySelectorAll('text').map((t) => t.text);
    for (const y of ['2021年', '2022年', '2023年', '本年新收申请', '行政诉讼', '12']) assert.ok(labels.includes(y), y);
  });

  it('is a standalone page without any script, escaping what it prints', () => {
    assert.doesNotMatch(page.document, /<script/i);
    assert.match(page.document, /<title>石龙区人民政府2022年政府信息公开工作年度报告（图解）<\/title>/);
    const evil = structuredClone(shilong2022);
    evil.body.name = '<b>x</b>';
    assert.ok(!renderReportCharts(evil).fragment.includes('<b>x</b>'));
  });

  it('sums to null when any part is missing', () => {
    assert.equal(sumCells([1, null, 2]), null);
    assert.equal(sumCells([1, 0, 2]), 3);
  });
});
