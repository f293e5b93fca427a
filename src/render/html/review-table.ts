/**
 * Section 四 table 政府信息公开行政复议、行政诉讼情况 (regulations.md A.5): 15 figures in one row,
 * under 行政复议 (5) and 行政诉讼 → 未经复议直接起诉 (5) | 复议后起诉 (5).
 */
import { REVIEW_COLUMNS, type AnnualReport } from '../../report/report.model.ts';
import { figureCell, pairedHeader } from './figure-cell.ts';
import { html, type SafeHtml } from './html.ts';

/** Pads or cuts a group to its five figures so a short array never shifts the columns. */
function five(cells: readonly (number | null)[]): (number | null)[] {
  return REVIEW_COLUMNS.map((_, i) => cells[i] ?? null);
}

export function reviewLitigationTable(report: AnnualReport): SafeHtml {
  const t = report.reviewLitigation;
  const figures = [...five(t.review), ...five(t.litigationDirect), ...five(t.litigationAfterReview)];
  const sub = REVIEW_COLUMNS.map((c) => html`<th scope="col">${pairedHeader(c)}</th>`);
  return html`<table class="report-table review" data-section="四">
<caption class="visually-hidden">政府信息公开行政复议、行政诉讼情况</caption>
<thead>
<tr><th colspan="5" scope="colgroup">行政复议</th><th colspan="10" scope="colgroup">行政诉讼</th></tr>
<tr>${REVIEW_COLUMNS.map((c) => html`<th rowspan="2" scope="col">${pairedHeader(c)}</th>`)}<th colspan="5" scope="colgroup">未经复议直接起诉</th><th colspan="5" scope="colgroup">复议后起诉</th></tr>
<tr>${sub}${sub}</tr>
</thead>
<tbody>
<tr>${figures.map((f) => figureCell(f))}</tr>
</tbody>
</table>`;
}
