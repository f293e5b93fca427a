/**
 * The statutory tables in Word, cell for cell the same layout as the HTML tables
 * (regulations.md A.3–A.5): merged cells via rowSpan / columnSpan, header rows repeated on
 * each page, rows never split across pages.
 */
import { Table, TableLayoutType, TableRow, type TableCell } from 'docx';
import { APPLICANT_COLUMNS, REVIEW_COLUMNS, type AnnualReport, type Cell } from '../../report/report.model.ts';
import { APPLICATIONS_CROSS_CHECK_NOTE, applicationsLayout, OUTCOMES_GROUP_LABEL } from '../report-content.ts';
import { DOCX_SIZES, figureCell, groupLabel, paired, TABLE_BORDERS, tableWidth, textCell } from './docx-parts.ts';

function table(columnWidths: number[], rows: TableRow[]): Table {
  return new Table({ width: tableWidth(), columnWidths, layout: TableLayoutType.FIXED, borders: TABLE_BORDERS, rows });
}
const header = (children: TableCell[]) => new TableRow({ children, tableHeader: true, cantSplit: true });
const row = (children: TableCell[]) => new TableRow({ children, cantSplit: true });

/** Section 三: 3 label columns + 7 applicant columns. */
export function applicationsDocxTable(report: AnnualReport): Table {
  const layout = applicationsLayout(report);
  const outcomeRows = layout.filter((r) => r.kind === 'outcome').length;
  const firstOutcome = layout.findIndex((r) => r.kind === 'outcome');
  const head = [
    header([
      textCell(APPLICATIONS_CROSS_CHECK_NOTE, { rowSpan: 3, columnSpan: 3, size: DOCX_SIZES.tableSmall, align: 'left' }),
      textCell('申请人情况', { columnSpan: 7, bold: true }),
    ]),
    header([
      textCell(APPLICANT_COLUMNS[0], { rowSpan: 2, bold: true, size: DOCX_SIZES.tableSmall }),
      textCell('法人或其他组织', { columnSpan: 5, bold: true }),
      textCell(APPLICANT_COLUMNS[6], { rowSpan: 2, bold: true, size: DOCX_SIZES.tableSmall }),
    ]),
    header(APPLICANT_COLUMNS.slice(1, 6).map((c) => textCell(paired(c), { bold: true, size: DOCX_SIZES.tableSmall }))),
  ];
  const body = layout.map((r, i) => {
    const labels: TableCell[] = [];
    if (r.kind === 'top') labels.push(textCell(r.label, { columnSpan: 3, align: 'left' }));
    else {
      if (i === firstOutcome) labels.push(textCell(OUTCOMES_GROUP_LABEL, { rowSpan: outcomeRows, vertical: true }));
      if (!r.inGroup) labels.push(textCell(r.label, { columnSpan: 2, align: 'left' }));
      else {
        if (r.groupStart) labels.push(textCell(groupLabel(r.groupStart.label), { rowSpan: r.groupStart.rowSpan }));
        labels.push(textCell(r.label, { align: 'left' }));
      }
    }
    return row([...labels, ...r.cells.map((c) => figureCell(c))]);
  });
  // 620 + 1050 + 2600 + 7 × 653 = 8841 twips ≤ the 8844 of the type area.
  return table([620, 1050, 2600, ...APPLICANT_COLUMNS.map(() => 653)], [...head, ...body]);
}

const five = (cells: readonly Cell[]) => REVIEW_COLUMNS.map((_, i) => cells[i] ?? null);

/** Section 四: 15 figures under 行政复议 | 行政诉讼 (未经复议直接起诉 | 复议后起诉). */
export function reviewDocxTable(report: AnnualReport): Table {
  const t = report.reviewLitigation;
  const small = { bold: true, size: DOCX_SIZES.tableSmall };
  const sub = () => REVIEW_COLUMNS.map((c) => textCell(paired(c), small));
  const figures = [...five(t.review), ...five(t.litigationDirect), ...five(t.litigationAfterReview)];
  return table(Array(15).fill(589), [
    header([textCell('行政复议', { columnSpan: 5, bold: true }), textCell('行政诉讼', { columnSpan: 10, bold: true })]),
    header([
      ...REVIEW_COLUMNS.map((c) => textCell(paired(c), { ...small, rowSpan: 2 })),
      textCell('未经复议直接起诉', { columnSpan: 5, bold: true }),
      textCell('复议后起诉', { columnSpan: 5, bold: true }),
    ]),
    header([...sub(), ...sub()]),
    row(figures.map((f) => figureCell(f))),
  ]);
}

/** Section 二: four blocks of 第二十条, 4 columns. */
export function proactiveDocxTable(report: AnnualReport): Table {
  const p = report.proactive;
  const three = (cells: readonly Cell[]) => [0, 1, 2].map((i) => cells[i] ?? null);
  const block = (article: string, headers: string[], rows: [string, (Cell | string)[]][]) => {
    const wide = headers.length === 1 ? 3 : 1;
    return [
      row([textCell(article, { columnSpan: 4, bold: true })]),
      row([textCell('信息内容'), ...headers.map((h) => textCell(h, { columnSpan: wide }))]),
      ...rows.map(([label, cells]) => row([textCell(label, { align: 'left' }), ...cells.map((c) => figureCell(c, { columnSpan: wide }))])),
    ];
  };
  return table([2646, 2066, 2066, 2066], [
    ...block('第二十条第（一）项', ['本年制发件数', '本年废止件数', '现行有效件数'], [
      ['规章', three(p.rules)],
      ['行政规范性文件', three(p.normativeDocuments)],
    ]),
    ...block('第二十条第（五）项', ['本年处理决定数量'], [['行政许可', [p.licensing]]]),
    ...block('第二十条第（六）项', ['本年处理决定数量'], [
      ['行政处罚', [p.punishment]],
      ['行政强制', [p.enforcement]],
    ]),
    ...block('第二十条第（八）项', ['本年收费金额（单位：万元）'], [['行政事业性收费', [p.feesAmountWanYuan]]]),
  ]);
}
