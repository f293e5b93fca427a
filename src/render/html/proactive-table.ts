/**
 * Section 二 table 主动公开政府信息情况 (regulations.md A.3, 2021 format): four blocks for
 * 第二十条第（一）（五）（六）（八）项, each with its own 信息内容 header row, in one 4-column table.
 */
import type { AnnualReport, Cell } from '../../report/report.model.ts';
import { figureCell } from './figure-cell.ts';
import { html, type SafeHtml } from './html.ts';

function block(article: string, headers: string[], rows: [string, (Cell | string)[]][]): SafeHtml {
  const wide = headers.length === 1 ? 3 : 1;
  return html`<tr class="block"><th colspan="4" scope="colgroup">${article}</th></tr>
<tr><th scope="col">信息内容</th>${headers.map((h) => html`<th scope="col"${wide > 1 && html` colspan="${wide}"`}>${h}</th>`)}</tr>
${rows.map(([label, cells]) => html`<tr><th scope="row" class="label">${label}</th>${cells.map((c) => figureCell(c, wide))}</tr>\n`)}`;
}

/** Three figures in order; a short array shows its missing figures as missing. */
function three(cells: readonly Cell[]): Cell[] {
  return [0, 1, 2].map((i) => cells[i] ?? null);
}

export function proactiveTable(report: AnnualReport): SafeHtml {
  const p = report.proactive;
  return html`<table class="report-table proactive" data-section="二">
<caption class="visually-hidden">主动公开政府信息情况</caption>
<colgroup><col class="c-content"><col><col><col></colgroup>
<tbody>
${block('第二十条第（一）项', ['本年制发件数', '本年废止件数', '现行有效件数'], [
  ['规章', three(p.rules)],
  ['行政规范性文件', three(p.normativeDocuments)],
])}${block('第二十条第（五）项', ['本年处理决定数量'], [['行政许可', [p.licensing]]])}${block(
    '第二十条第（六）项',
    ['本年处理决定数量'],
    [
      ['行政处罚', [p.punishment]],
      ['行政强制', [p.enforcement]],
    ],
  )}${block('第二十条第（八）项', ['本年收费金额（单位：万元）'], [['行政事业性收费', [p.feesAmountWanYuan]]])}</tbody>
</table>`;
}
