/**
 * Section 三 table 收到和处理政府信息公开申请情况 (regulations.md A.4), 10 columns:
 * three label columns (三、本年度办理结果 | group （三）… | leaf label) and the seven applicant
 * columns. The header block's top-left cell (3 × 3) carries the statutory cross-check note.
 */
import { APPLICANT_COLUMNS, type AnnualReport } from '../../report/report.model.ts';
import { APPLICATIONS_CROSS_CHECK_NOTE, applicationsLayout, OUTCOMES_GROUP_LABEL, type ApplicationsLayoutRow } from '../report-content.ts';
import { figureCell, pairedHeader } from './figure-cell.ts';
import { html, type SafeHtml } from './html.ts';

const LEGAL_PERSON_COLUMNS = APPLICANT_COLUMNS.slice(1, 6);

function header(): SafeHtml {
  return html`<thead>
<tr><th colspan="3" rowspan="3" class="note" scope="col">${APPLICATIONS_CROSS_CHECK_NOTE}</th><th colspan="7" scope="colgroup">申请人情况</th></tr>
<tr><th rowspan="2" scope="col">${APPLICANT_COLUMNS[0]}</th><th colspan="5" scope="colgroup">法人或其他组织</th><th rowspan="2" scope="col">${APPLICANT_COLUMNS[6]}</th></tr>
<tr>${LEGAL_PERSON_COLUMNS.map((c) => html`<th scope="col">${pairedHeader(c)}</th>`)}</tr>
</thead>`;
}

function labelCells(row: ApplicationsLayoutRow, first: boolean, outcomeRows: number): SafeHtml {
  if (row.kind === 'top') return html`<th colspan="3" scope="row" class="label">${row.label}</th>`;
  const outcomeCell = first && html`<th rowspan="${outcomeRows}" scope="rowgroup" class="group vertical">${OUTCOMES_GROUP_LABEL}</th>`;
  if (!row.inGroup) return html`${outcomeCell}<th colspan="2" scope="row" class="label">${row.label}</th>`;
  const groupCell = row.groupStart && html`<th rowspan="${row.groupStart.rowSpan}" scope="rowgroup" class="group">${row.groupStart.label}</th>`;
  return html`${outcomeCell}${groupCell}<th scope="row" class="label leaf">${row.label}</th>`;
}

export function applicationsTable(report: AnnualReport): SafeHtml {
  const layout = applicationsLayout(report);
  const outcomeRows = layout.filter((r) => r.kind === 'outcome').length;
  const firstOutcome = layout.findIndex((r) => r.kind === 'outcome');
  const body = layout.map(
    (row, i) =>
      html`<tr${row.label === '（七）总计' && html` class="total"`}>${labelCells(row, i === firstOutcome, outcomeRows)}${row.cells.map((c) => figureCell(c))}</tr>\n`,
  );
  return html`<table class="report-table applications" data-section="三">
<caption class="visually-hidden">收到和处理政府信息公开申请情况</caption>
<colgroup><col class="c-outcome"><col class="c-group"><col class="c-label">${APPLICANT_COLUMNS.map(() => html`<col class="c-num">`)}</colgroup>
${header()}
<tbody>
${body}</tbody>
</table>`;
}
