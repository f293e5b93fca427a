/**
 * Cell-by-cell checks of the section 三 and 四 tables (regulations.md A.4, A.5), shared by the
 * tests of every renderer whose output can be read back as an HTML table (our HTML, and the Word
 * file converted by mammoth): the same grid must come out of each.
 */
import assert from 'node:assert/strict';
import { APPLICATION_ROWS, type AnnualReport } from '../report/report.model.ts';
import { APPLICATIONS_CROSS_CHECK_NOTE } from './report-content.ts';
import { rowTexts, type GridCell } from './html/table-grid.ts';

const fig = (c: number | null) => (c === null ? '' : String(c));

export function assertApplicationsGrid(grid: GridCell[][], report: AnnualReport, missingText = ''): void {
  assert.equal(grid.length, 3 + 25, '3 header rows + 25 data rows');
  assert.ok(grid.every((row) => row.length === 10), 'every row covers 10 columns');
  const note = grid[0][0];
  assert.equal(note.text, APPLICATIONS_CROSS_CHECK_NOTE);
  assert.deepEqual([note.rowSpan, note.colSpan], [3, 3]);
  assert.deepEqual(rowTexts(grid[0]), [note.text, '申请人情况']);
  assert.equal(grid[0][3].colSpan, 7);
  assert.deepEqual(rowTexts(grid[1]).slice(1), ['自然人', '法人或其他组织', '总计']);
  assert.deepEqual([grid[1][3].rowSpan, grid[1][4].colSpan, grid[1][9].rowSpan], [2, 5, 2]);
  assert.deepEqual(rowTexts(grid[2]).slice(1), ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);

  const body = grid.slice(3);
  const outcome = body[2][0];
  assert.equal(outcome.text, '三、本年度办理结果');
  assert.deepEqual([outcome.row, outcome.rowSpan, outcome.colSpan], [5, 22, 1]);
  APPLICATION_ROWS.forEach((def, i) => {
    assert.equal(body[i][2].text, def.label, `label of row ${i + 1}`);
    if ('group' in def) assert.deepEqual([body[i][1].text, body[i][2].colSpan], [def.group, 1]);
    const expected = report.applications.rows[def.key].map((c) => (c === null ? missingText : fig(c)));
    assert.deepEqual(body[i].slice(3).map((c) => c.text), expected, `figures of row ${i + 1} ${def.label}`);
  });
  const spans = ['（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理'].map((g) => {
    const cell = body.find((r) => r[1].text === g)![1];
    return [cell.row - 3, cell.rowSpan];
  });
  assert.deepEqual(spans, [[4, 8], [12, 3], [15, 5], [20, 3]], 'group labels span their leaf rows');
  for (const i of [0, 1, 24]) assert.deepEqual([body[i][0].colSpan, body[i][0].text], [3, APPLICATION_ROWS[i].label]);
  for (const i of [2, 3, 23]) assert.deepEqual([body[i][1].colSpan, body[i][1].col], [2, 1]);
}

export function assertReviewGrid(grid: GridCell[][], report: AnnualReport, missingText = ''): void {
  assert.equal(grid.length, 4);
  assert.ok(grid.every((row) => row.length === 15), 'every row covers 15 columns');
  assert.deepEqual(rowTexts(grid[0]), ['行政复议', '行政诉讼']);
  assert.deepEqual([grid[0][0].colSpan, grid[0][5].colSpan], [5, 10]);
  assert.deepEqual(rowTexts(grid[1]), ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉']);
  assert.ok(grid[1].slice(0, 5).every((c) => c.rowSpan === 2));
  assert.deepEqual([grid[1][5].colSpan, grid[1][10].colSpan], [5, 5]);
  const five = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  assert.deepEqual(grid[2].slice(5).map((c) => c.text), [...five, ...five]);
  const t = report.reviewLitigation;
  const expected = [...t.review, ...t.litigationDirect, ...t.litigationAfterReview].map((c) => (c === null ? missingText : fig(c)));
  assert.deepEqual(grid[3].map((c) => c.text), expected);
}
