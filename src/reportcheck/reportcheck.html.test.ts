import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'node-html-parser';
import { htmlToLines, tableGrid } from './reportcheck.html.ts';
import { readLines } from './reportcheck.read.ts';
import { checkReport } from './reportcheck.checks.ts';

const Z = [0, 0, 0, 0, 0, 0, 0];

describe('HTML tables', () => {
  it('expands rowspan and colspan so every row keeps its columns, text written once', () => {
    const table = parse(
      '<table><tr><td rowspan="2">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>5</td></tr>' +
        '<tr><td>（三）不予公开</td><td>1.属于国家秘密</td><td>0</td></tr></table>',
    ).querySelector('table')!;
    assert.deepEqual(
      tableGrid(table).map((r) => r.cells),
      [
        ['三、本年度办理结果', '（一）予以公开', '', '5'],
        ['', '（三）不予公开', '1.属于国家秘密', '0'],
      ],
    );
  });

  it('numbers each line by the HTML source line it starts on, skipping scripts and the doctype', () => {
    const lines = htmlToLines('<!DOCTYPE html>\n<html><head><script>var a = 1;</script></head>\n<body>\n<p>一、总体情况</p>\n<p>第二段</p></body></html>');
    assert.deepEqual(
      lines.map((l) => [l.no, l.cells.join('')]),
      [
        [4, '一、总体情况'],
        [5, '第二段'],
      ],
    );
  });
});

describe('a published HTML report (fixtures/sample-county-bureau-2023.html)', () => {
  const html = readFileSync(new URL('./fixtures/sample-county-bureau-2023.html', import.meta.url), 'utf8');
  const r = checkReport(readLines(htmlToLines(html), { source: 'sample.html' }));

  it('reads title, publication date and section 二 (1,234 read as 1234)', () => {
    assert.equal(r.body.name, '某县交通运输局');
    assert.equal(r.year, 2023);
    assert.equal(r.publishedOn, '2024-02-05');
    assert.deepEqual(r.proactive, {
      rules: [0, 0, 0],
      normativeDocuments: [2, 1, 9],
      licensing: 1234,
      punishment: 56,
      enforcement: 0,
      feesAmountWanYuan: '12.5',
    });
  });

  it('reads every cell of section 三 through the merged label cells', () => {
    const rows = r.applications.rows;
    assert.deepEqual(rows.newReceived, [12, 2, 0, 0, 1, 0, 15]);
    assert.deepEqual(rows.carriedOver, [1, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(rows.disclosed, [5, 1, 0, 0, 0, 0, 6]);
    assert.deepEqual(rows.partiallyDisclosed, [2, 0, 0, 0, 1, 0, 3]);
    assert.deepEqual(rows.withheld4, [1, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(rows.unable1, [3, 1, 0, 0, 0, 0, 4]);
    assert.deepEqual(rows.notProcessed2, [1, 0, 0, 0, 0, 0, 1]);
    for (const k of ['withheld1', 'withheld2', 'withheld3', 'withheld5', 'withheld6', 'withheld7', 'withheld8', 'unable2', 'unable3',
      'notProcessed1', 'notProcessed3', 'notProcessed4', 'notProcessed5', 'otherHandling1', 'otherHandling2', 'otherHandling3'] as const) {
      assert.deepEqual(rows[k], Z, k);
    }
    assert.deepEqual(rows.total, [12, 2, 0, 0, 1, 0, 15]);
    assert.deepEqual(rows.carriedForward, [1, 0, 0, 0, 0, 0, 1]);
    // The 一 row is the <tr> on line 32 of the HTML file.
    assert.deepEqual(r.sources.applications.newReceived, [32, 32, 32, 32, 32, 32, 32]);
  });

  it('reads section 四 under its two-level colspan header', () => {
    assert.deepEqual(r.reviewLitigation, {
      review: [1, 0, 0, 1, 2],
      litigationDirect: [0, 1, 0, 0, 1],
      litigationAfterReview: [0, 0, 0, 0, 0],
    });
  });

  it('finds only the late publication: a department must publish by 31 January', () => {
    assert.deepEqual(
      r.findings.filter((f) => f.severity !== 'info').map((f) => f.code),
      ['report.published_late'],
    );
    assert.equal(r.narrativeFigures.find((f) => f.kind === 'applicationsReceived')?.value, 15);
  });
});

describe('layout tables', () => {
  it('reads a report wrapped in a page-layout table as paragraphs plus its data tables', () => {
    const html = [
      '<table class="layout"><tr><td>',
      '<p>三、收到和处理政府信息公开申请情况</p>',
      '<table><tr><td>（一）予以公开</td><td>5</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>5</td></tr></table>',
      '<p>五、存在的主要问题及改进情况</p>',
      '</td></tr></table>',
    ].join('\n');
    const lines = htmlToLines(html);
    assert.deepEqual(
      lines.map((l) => [l.no, l.cells.filter((c) => c !== '').length]),
      [
        [2, 1],
        [3, 8],
        [4, 1],
      ],
    );
  });
});

describe('the single （六）其他处理 row of the 2019 layout printed blank', () => {
  const cells = (vals: string[]) => vals.map((v) => `<td>${v}</td>`).join('');
  const blank = cells(new Array<string>(7).fill('&nbsp;'));
  const html =
    '<p>2019年某区人民政府办公室政府信息公开工作年度报告</p><p>三、收到和处理政府信息公开申请情况</p><table>' +
    `<tr><td colspan="3">一、本年新收政府信息公开申请数量</td>${cells(['2', '', '', '', '', '', '2'])}</tr>` +
    `<tr><td colspan="3">二、上年结转政府信息公开申请数量</td>${blank}</tr>` +
    `<tr><td rowspan="20">三、本年度办理结果</td><td colspan="2">（一）予以公开</td>${cells(['2', '', '', '', '', '', '2'])}</tr>` +
    `<tr><td colspan="2">（二）部分公开（区分处理的，只计这一情形，不计其他情形）</td>${blank}</tr>` +
    ['1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息',
      '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项']
      .map((l, i) => `<tr>${i === 0 ? '<td rowspan="8">（三）不予公开</td>' : ''}<td>${l}</td>${blank}</tr>`).join('') +
    ['1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确']
      .map((l, i) => `<tr>${i === 0 ? '<td rowspan="3">（四）无法提供</td>' : ''}<td>${l}</td>${blank}</tr>`).join('') +
    ['1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息']
      .map((l, i) => `<tr>${i === 0 ? '<td rowspan="5">（五）不予处理</td>' : ''}<td>${l}</td>${blank}</tr>`).join('') +
    `<tr><td colspan="2">（六）其他处理</td>${blank}</tr>` +
    `<tr><td colspan="2">（七）总计</td>${cells(['2', '', '', '', '', '', '2'])}</tr>` +
    `<tr><td colspan="3">四、结转下年度继续办理</td>${blank}</tr></table>`;
  const r = checkReport(readLines(htmlToLines(html), { source: 'single.html' }));

  it('reads it as one row of 0s, not as three rows missing', () => {
    assert.deepEqual(r.applications.rows.otherHandling, Z);
    assert.deepEqual(r.applications.rows.total, [2, 0, 0, 0, 0, 0, 2]);
    const codes = r.findings.map((f) => f.code);
    assert.ok(codes.includes('reportcheck.single_other_handling_row'), codes.join());
    assert.ok(!codes.includes('reportcheck.table3_row_missing'), codes.join());
  });
});
