/**
 * Section 四 table (行政复议、行政诉讼, regulations.md A.5): one data row of 15 figures, three
 * groups of 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计. The header above it is several lines
 * of column names in any layout; the data row is the first line of the section with 15 figures
 * (or fewer tokens whose digits decode into 15 under the group sum rule).
 */
import { REVIEW_COLUMNS, type Cell, type ReviewLitigationTable } from '../report/report.model.ts';
import type { ReportFinding } from '../report/report.validate.ts';
import type { SourceLine } from './reportcheck.text.ts';
import { rowParts } from './reportcheck.row.ts';
import { ambiguityFinding, blankCellsFinding, readCells } from './reportcheck.cells.ts';
import { reviewGroupsHold } from './reportcheck.digits.ts';
import { figuresIn, streamOf } from './reportcheck.stream.ts';

export interface Table4Result {
  table: ReviewLitigationTable;
  sources: { review: (number | null)[]; litigationDirect: (number | null)[]; litigationAfterReview: (number | null)[] };
  findings: ReportFinding[];
}

const COLUMNS = ['行政复议', '直接起诉', '复议后起诉'].flatMap((g) => REVIEW_COLUMNS.map((c) => `${g}·${c}`));

function split(values: Cell[]): ReviewLitigationTable {
  return { review: values.slice(0, 5), litigationDirect: values.slice(5, 10), litigationAfterReview: values.slice(10, 15) };
}

export function readTable4(lines: SourceLine[]): Table4Result {
  const empty = new Array<Cell>(15).fill(null);
  const noSource = new Array<number | null>(5).fill(null);
  const read = (values: string[], line: number, linesOf?: number[]): Table4Result => {
    const at = { section: '四', row: 'reviewLitigation', label: '行政复议、行政诉讼', line, columns: COLUMNS };
    // The sum rule is used only to cut run-together digits; printed totals are kept as printed.
    const cells = readCells(values, 15, reviewGroupsHold, at);
    const findings = [...cells.findings];
    if (cells.candidates.length > 1) findings.push(ambiguityFinding(at, cells.candidates));
    findings.push(...blankCellsFinding('四', cells.blank.map((column) => ({ label: at.label, row: at.row, column, line }))));
    const source = cells.values.map((v, i) => (v === null ? null : (linesOf?.[i] ?? line)));
    return {
      table: split(cells.values),
      sources: { review: source.slice(0, 5), litigationDirect: source.slice(5, 10), litigationAfterReview: source.slice(10, 15) },
      findings,
    };
  };
  const fits = (values: string[]) =>
    values.length === 15 || (values.length > 0 && values.length < 15 && values.join('').length >= 15 && values.every((v) => /^\d+$/.test(v)));
  for (const line of lines) {
    const { values } = rowParts(line, 15);
    if (fits(values)) return read(values, line.no);
  }
  // No printed row holds the figures (one cell per line, or the table run into one line): the
  // figures of the whole section, in order, are the row.
  const stream = streamOf(lines);
  const figures = figuresIn(stream, 0, stream.text.length);
  if (fits(figures.map((f) => f.text))) {
    return read(
      figures.map((f) => f.text),
      figures[0].line,
      figures.length === 15 ? figures.map((f) => f.line) : undefined,
    );
  }
  return {
    table: split(empty),
    sources: { review: noSource, litigationDirect: noSource, litigationAfterReview: noSource },
    findings: [
      {
        code: 'reportcheck.table4_missing',
        severity: 'error',
        message: '未找到第四部分（行政复议、行政诉讼）表格的 15 个数字',
        location: { section: '四' },
      },
    ],
  };
}
