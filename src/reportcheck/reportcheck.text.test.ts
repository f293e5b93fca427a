import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decodeText, splitCells, textToLines } from './reportcheck.text.ts';
import { rowParts } from './reportcheck.row.ts';
import { readTable3 } from './reportcheck.table3.ts';
import { parseLabel } from './reportcheck.table3.labels.ts';
import { APPLICATION_ROWS } from '../report/report.model.ts';
import { readLines } from './reportcheck.read.ts';
import { checkReport } from './reportcheck.checks.ts';

describe('text to lines', () => {
  it('drops page numbers and Markdown rules but keeps the source line numbers', () => {
    const lines = textToLines('第一行\n\n      -3-\n第 2 页 共 5 页\n|---|---|\n| a | b |\n');
    assert.deepEqual(
      lines.map((l) => [l.no, l.cells]),
      [
        [1, ['第一行']],
        [6, ['a', 'b']],
      ],
    );
  });

  it('splits tab, pipe-joined and space-aligned cells, keeping blank delimited cells', () => {
    assert.deepEqual(splitCells('a\t\tb'), { cells: ['a', '', 'b'], delimited: true });
    assert.deepEqual(splitCells('（一）予以公开 | 5 | 0'), { cells: ['（一）予以公开', '5', '0'], delimited: true });
    assert.deepEqual(splitCells('规章      0     0'), { cells: ['规章', '0', '0'], delimited: false });
    assert.deepEqual(splitCells('## 一、总体情况').cells, ['一、总体情况']);
  });

  it('reads full-width digits and GB18030 files', () => {
    assert.deepEqual(textToLines('规章 ０ １２')[0].cells, ['规章', '0', '12']);
    const gbk = new Uint8Array([0xb9, 0xe6, 0xd5, 0xc2]); // 规章 in GB18030
    assert.equal(decodeText(gbk), '规章');
  });

  it('reads a blank cell as 0 and says so once for the table', () => {
    const [line] = textToLines('（一）予以公开\t5\t\t0\t0\t0\t0\t5');
    assert.deepEqual(rowParts(line, 7), { label: '（一）予以公开', values: ['5', '', '0', '0', '0', '0', '5'], blanks: 1 });
    const t = readTable3([line]);
    assert.deepEqual(t.rows.disclosed, [5, 0, 0, 0, 0, 0, 5]);
    const blank = t.findings.filter((f) => f.code === 'reportcheck.cells_blank');
    assert.equal(blank.length, 1);
    assert.match(blank[0].message, /^空白单元格应填0/);
    assert.deepEqual(blank[0].details?.cells, [{ row: 'disclosed', column: '商业企业', line: 1 }]);
  });

  it('lists every blank cell of the real 石龙区 table in one finding', () => {
    // The published tab-separated table with every printed 0 of section 三 left blank instead.
    const text = readFileSync(new URL('./fixtures/shilong-2022.txt', import.meta.url), 'utf8');
    const start = text.indexOf('三、本年度办理结果');
    const end = text.indexOf('#### 四、');
    const table = text.slice(start, end);
    const blanked = table.replace(/\t0(?=\t|\n)/g, '\t');
    const zeros = (table.match(/\t0(?=\t|\n)/g) ?? []).length;
    const asPrinted = readLines(textToLines(text));
    const r = readLines(textToLines(text.slice(0, start) + blanked + text.slice(end)));
    assert.deepEqual(r.applications.rows, asPrinted.applications.rows);
    const blank = r.findings.filter((f) => f.code === 'reportcheck.cells_blank');
    assert.equal(blank.length, 1);
    assert.equal(blank[0].location?.section, '三');
    assert.equal((blank[0].details?.cells as unknown[]).length, zeros);
    assert.ok(zeros > 100, `${zeros} blank cells`);
    assert.deepEqual((blank[0].details?.cells as { row: string; column: string }[])[0], { row: 'disclosed', column: '商业企业', line: 24 });
    assert.ok(!r.findings.some((f) => f.code === 'reportcheck.row_unreadable' || f.code === 'reportcheck.cell_unreadable'));
  });
});

/** A complete section 三 in ` | `-joined form: 8 new, 1 carried over; 6 disclosed, 2 unable1, 1 forward. */
function pipeTable3(): string {
  const z = '0 | 0 | 0 | 0 | 0 | 0 | 0';
  const rows = [
    '三、收到和处理政府信息公开申请情况',
    `一、本年新收政府信息公开申请数量 | 8 | 0 | 0 | 0 | 0 | 0 | 8`,
    `二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1`,
    `三、本年度办理结果 | （一）予以公开 | 6 | 0 | 0 | 0 | 0 | 0 | 6`,
    `（二）部分公开（区分处理的，只计这一情形，不计其他情形） | ${z}`,
    ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `${n === 1 ? '（三）不予公开 | ' : ''}${n}.${['属于国家秘密', '其他法律行政法规禁止公开', '危及“三安全一稳定”', '保护第三方合法权益', '属于三类内部事务信息', '属于四类过程性信息', '属于行政执法案卷', '属于行政查询事项'][n - 1]} | ${z}`),
    `（四）无法提供 | 1.本机关不掌握相关政府信息 | 2 | 0 | 0 | 0 | 0 | 0 | 2`,
    `2.没有现成信息需要另行制作 | ${z}`,
    `3.补正后申请内容仍不明确 | ${z}`,
    `（五）不予处理 | 1.信访举报投诉类申请 | ${z}`,
    `2.重复申请 | ${z}`,
    `3.要求提供公开出版物 | ${z}`,
    `4.无正当理由大量反复申请 | ${z}`,
    `5.要求行政机关确认或重新出具已获取信息 | ${z}`,
    `（六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | ${z}`,
    `2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | ${z}`,
    `3.其他 | ${z}`,
    `（七）总计 | 8 | 0 | 0 | 0 | 0 | 0 | 8`,
    `四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1`,
    '四、政府信息公开行政复议、行政诉讼情况',
  ];
  return rows.join('\n');
}

describe('cells joined by " | "', () => {
  it('reads the whole section 三 and finds it consistent', () => {
    const r = checkReport(readLines(textToLines(`某局2023年政府信息公开工作年度报告\n${pipeTable3()}`)));
    assert.deepEqual(r.applications.rows.newReceived, [8, 0, 0, 0, 0, 0, 8]);
    assert.deepEqual(r.applications.rows.unable1, [2, 0, 0, 0, 0, 0, 2]);
    assert.deepEqual(r.applications.rows.otherHandling3, [0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(r.applications.rows.carriedForward, [1, 0, 0, 0, 0, 0, 1]);
    assert.ok(!r.findings.some((f) => f.code.startsWith('reportcheck.table3') || f.code.startsWith('report.rule')));
  });
});

describe('Markdown tables damaged by conversion', () => {
  it('copes with lost pipes, bold figures, <br> in labels, merged cells and a wrapped label', () => {
    const md = [
      '## 三、收到和处理政府信息公开申请情况',
      '| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |',
      '|---|---|---|---|---|---|---|---|',
      '| 一、本年新收政府信息公开申请数量 | **3** | 0 | 0 | 0 | 0 | 0 | **3** |',
      '| 二、上年结转政府信息<br>公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
      '| 三、本年度办理结果 （一）予以公开 | 2 0 0 0 | 0 | 0 | 2 |', // four cells merged into one
      '| （二）部分公开（区分处理的，只计这一情形，',
      '不计其他情形） | 1 | 0 | 0 | 0 | 0 | 0 | 1 |', // the row broke in two
      '| （七）总计 | 3 | 0 | 0 | 0 | 0 | 0 | 3',
      '四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    ].join('\n');
    const t = readTable3(textToLines(md).slice(1));
    assert.deepEqual(t.rows.newReceived, [3, 0, 0, 0, 0, 0, 3]);
    assert.deepEqual(t.rows.carriedOver, [0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(t.rows.disclosed, [2, 0, 0, 0, 0, 0, 2]);
    assert.deepEqual(t.rows.partiallyDisclosed, [1, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(t.rows.total, [3, 0, 0, 0, 0, 0, 3]);
    assert.deepEqual(t.rows.carriedForward, [0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(t.sources.partiallyDisclosed[0], 8);
    // The rows the damaged table lost are null and reported, not zero.
    assert.deepEqual(t.rows.withheld1, [null, null, null, null, null, null, null]);
    assert.ok(t.findings.some((f) => f.code === 'reportcheck.table3_row_missing' && f.location?.row === 'withheld1'));
  });
});

describe('page numbers inside the section 三 table', () => {
  it('skips a bare page number between a label and its figures', () => {
    const t = readTable3(textToLines('5.要求行政机关确认或重新出具\n已获取信息\n\n3\n\n0 0 0 0 0 0 0'));
    assert.deepEqual(t.rows.notProcessed5, [0, 0, 0, 0, 0, 0, 0]);
    assert.equal(t.sources.notProcessed5[0], 6);
  });
});

describe('copied text with items numbered “1、”', () => {
  it('reads the rows as it reads “1.”', () => {
    const text = readFileSync(new URL('./fixtures/hongze-2023.txt', import.meta.url), 'utf8');
    const read = (t: string) => checkReport(readLines(textToLines(t))).applications.rows;
    const renumbered = text.replace(/(?<![\d.])(\d)\.(?=[\u4e00-\u9fff])/g, '$1、');
    assert.notEqual(renumbered, text);
    assert.deepEqual(read(renumbered), read(text));
  });
});

describe('a table copied from a browser, one cell per line', () => {
  // document.body.innerText of <td><p>…</p></td> cells: blank lines around every cell, a line
  // holding only a tab between the cells of a row, a blank cell (&nbsp;) as a no-break space.
  const row = (label: string, cells: string[]) => [label, ...cells].join('\n\n\t\n\n');
  const text = [
    '2019年某区人民政府办公室政府信息公开工作年度报告',
    '',
    row('一、本年新收政府信息公开申请数量', ['821', '35', '\u00a0', '\u00a0', '2', '1', '859']),
    '',
    '',
    row('二、上年结转政府信息公开申请数量', ['18', '\u00a0', '\u00a0', '\u00a0', '\u00a0', '\u00a0', '18']),
  ].join('\n');

  it('joins every row on one line again, its blank cells kept', () => {
    const lines = textToLines(text);
    assert.deepEqual(
      lines.map((l) => [l.no, l.cells, l.delimited]),
      [
        [1, ['2019年某区人民政府办公室政府信息公开工作年度报告'], false],
        [3, ['一、本年新收政府信息公开申请数量', '821', '35', '', '', '2', '1', '859'], true],
        [34, ['二、上年结转政府信息公开申请数量', '18', '', '', '', '', '', '18'], true],
      ],
    );
  });

  it('leaves text with a stray tab-only line as it was', () => {
    const lines = textToLines('第一行\n\t\n第二行');
    assert.deepEqual(lines.map((l) => [l.no, l.cells]), [[1, ['第一行']], [3, ['第二行']]]);
  });
});

describe('labels cut by a PDF-to-Markdown conversion (上海市人民政府办公厅 2025)', () => {
  it('takes the first line of a wrapped label for its row, whatever group came before', () => {
    assert.deepEqual(
      parseLabel('2.申请人逾期未按收费通知要求', '五').map((p) => (p.kind === 'row' ? p.key : p.kind)),
      ['otherHandling2'],
    );
  });

  it('takes a group marker with the first character of its label for the group', () => {
    assert.deepEqual(parseLabel('（六）其', '五'), [{ kind: 'group', group: '六', printed: '（六）其' }]);
    assert.deepEqual(parseLabel('（四）无', '三'), [{ kind: 'group', group: '四', printed: '（四）无' }]);
  });

  it('places a row whose label kept only a middle fragment as the next row in order', () => {
    const zero = '| 0 | 0 | 0 | 0 | 0 | 0 | 0 |';
    const labels = APPLICATION_ROWS.map((r) => r.label);
    const at = labels.indexOf('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请');
    const text = [
      ...labels.slice(0, at).map((l) => `| ${l} ${zero}`),
      '| 行政机关不再处理其政府信息公 | 40 | 1 | 0 | 0 | 2 | 0 | 43 |',
      ...labels.slice(at + 1).map((l) => `| ${l} ${zero}`),
    ].join('\n');
    const t = readTable3(textToLines(text));
    assert.deepEqual(t.rows.otherHandling1, [40, 1, 0, 0, 2, 0, 43]);
    assert.ok(!t.findings.some((f) => f.code === 'reportcheck.table3_row_missing'), JSON.stringify(t.findings));
  });
});

describe('labels printed apart from their figures (上海市科委 2024, Markdown converted from its PDF)', () => {
  it('gives figures with no label to the earliest label still waiting, in statutory order', () => {
    const row = (l: string, v: number) => `| ${l} | ${v} | 0 | 0 | 0 | 0 | 0 | ${v} |`;
    const labels = APPLICATION_ROWS.map((r) => r.label);
    const from = labels.indexOf('5.属于三类内部事务信息');
    const to = labels.indexOf('2.没有现成信息需要另行制作');
    const text = [
      ...labels.slice(0, from).map((l) => row(l, 0)),
      '5.属于三类内部事务信',
      '息',
      '1.本机关不掌握相关政',
      '府信息',
      '| 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
      row('6.属于四类过程性信息', 2),
      row('7.属于行政执法案卷', 0),
      row('8.属于行政查询事项', 0),
      '| 4 | 0 | 0 | 0 | 0 | 0 | 4 |',
      ...labels.slice(to).map((l) => row(l, 0)),
    ].join('\n');
    const t = readTable3(textToLines(text));
    assert.deepEqual(t.rows.withheld5, [1, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(t.rows.withheld6, [2, 0, 0, 0, 0, 0, 2]);
    assert.deepEqual(t.rows.unable1, [4, 0, 0, 0, 0, 0, 4]);
    assert.deepEqual(t.rows.unable2, [0, 0, 0, 0, 0, 0, 0]);
    assert.ok(!t.findings.some((f) => f.severity === 'error'), JSON.stringify(t.findings));
  });
});
