/**
 * Section 三 table (收到和处理政府信息公开申请情况, regulations.md A.4): 25 rows × 7 columns.
 *
 * Rows are recognised by their printed labels, not by position, because conversions move them:
 * a label can stand on the line above its figures, wrap over two lines, or lose its group label
 * to another line. Figures with no label at all are placed by statutory order, with a finding.
 * A row that is not in the text stays null with a finding; nothing is invented.
 */
import {
  APPLICANT_COLUMNS,
  APPLICATION_ROWS,
  emptyApplicantRow,
  type ApplicantRow,
  type ApplicationRowKey,
  type ApplicationsTable,
} from '../report/report.model.ts';
import type { ReportFinding } from '../report/report.validate.ts';
import type { SourceLine } from './reportcheck.text.ts';
import { rowParts } from './reportcheck.row.ts';
import { canonicalLabel } from './reportcheck.text.ts';
import { labelSimilarity } from './reportcheck.similarity.ts';
import { expectedBare, groupLabel, groupOf, leafNumber, parseLabel, type GroupNumber, type LabelPart } from './reportcheck.table3.labels.ts';
import { blankCellsFinding, readCells, type BlankCell } from './reportcheck.cells.ts';
import { rowTotalHolds } from './reportcheck.digits.ts';
import { resolveByColumnRules } from './reportcheck.table3.resolve.ts';

export type RowKey = ApplicationRowKey | 'otherHandling';

export interface Table3Result {
  rows: ApplicationsTable['rows'];
  /** For every cell, the source line it was read from (null when not read). */
  sources: Record<string, (number | null)[]>;
  findings: ReportFinding[];
  /** The report prints one （六）其他处理 row (2019 layout). */
  singleOtherHandling: boolean;
}

interface Pending {
  key: RowKey;
  printed: string;
  line: number;
}

const ORDER: RowKey[] = APPLICATION_ROWS.map((r) => r.key);
/** Characters a label fragment needs to stand for its row. */
const FRAGMENT_MIN = 6;

export function labelFor(key: RowKey): string {
  return key === 'otherHandling' ? '（六）其他处理' : APPLICATION_ROWS.find((r) => r.key === key)!.label;
}

export function readTable3(lines: SourceLine[]): Table3Result {
  const findings: ReportFinding[] = [];
  const read = new Map<RowKey, ApplicantRow>();
  const sources: Record<string, (number | null)[]> = {};
  const ambiguous = new Map<RowKey, number[][]>();
  let pending: Pending | null = null;
  const waiting: Pending[] = [];
  let context: GroupNumber | null = null;
  let pendingSingle: number | null = null; // line of a （六） label standing alone
  let nextIndex = 0;
  const blanks: BlankCell[] = [];

  const finishLabel = (p: Pending) => {
    if (p.key === 'otherHandling') return;
    const score = labelSimilarity(p.printed.replace(/^(?:[一二三四五六七]、|（[一二三四五六七]）|\d{1,2}\.)/, ''), expectedBare(p.key));
    if (score < 1) {
      findings.push({
        code: 'reportcheck.row_label_differs',
        severity: 'info',
        message: `第三部分行名“${p.printed}”与2021年格式“${labelFor(p.key)}”不一致，按该行读取`,
        location: { section: '三', row: p.key, line: p.line },
        details: { printed: p.printed, expected: labelFor(p.key) },
      });
    }
  };

  const assign = (key: RowKey, values: string[], line: SourceLine) => {
    if (read.has(key)) {
      findings.push({
        code: 'reportcheck.table3_row_repeated',
        severity: 'warning',
        message: `第三部分“${labelFor(key)}”出现两次，第 ${line.no} 行的数字未采用`,
        location: { section: '三', row: key, line: line.no },
      });
      return;
    }
    const cells = readCells(values, 7, rowTotalHolds, { section: '三', row: key, label: labelFor(key), line: line.no, columns: APPLICANT_COLUMNS });
    findings.push(...cells.findings);
    blanks.push(...cells.blank.map((column) => ({ label: labelFor(key), row: key, column, line: line.no })));
    read.set(key, cells.values);
    sources[key] = cells.values.map(() => line.no);
    if (cells.candidates.length > 1) ambiguous.set(key, cells.candidates);
    const index = ORDER.indexOf(key === 'otherHandling' ? 'otherHandling3' : key);
    nextIndex = Math.max(nextIndex, index + 1);
  };

  for (const line of lines) {
    const parts7 = rowParts(line, 7);
    const { label } = parts7;
    let { values } = parts7;
    const parts: LabelPart[] = label ? parseLabel(label, context) : [];
    let rowOnLine: Pending | null = null;
    for (const part of parts) {
      if (part.kind === 'group') {
        context = part.group;
        if (part.group === '六') pendingSingle = line.no;
      } else if (part.kind === 'row') {
        rowOnLine = { key: part.key, printed: part.printed, line: line.no };
        pendingSingle = null;
        const group = groupOf(part.key);
        if (group) context = group;
      } else if (part.kind === 'text' && pending && !rowOnLine && values.length === 0) {
        pending.printed += part.printed; // a label wrapped onto the next line
      }
    }
    const groupPart = parts.find((p) => p.kind === 'group');
    if (groupPart && groupPart.kind === 'group' && rowOnLine) {
      const leaf = leafNumber(rowOnLine.key as ApplicationRowKey);
      if (leaf !== null && leaf > 1 && groupOf(rowOnLine.key as ApplicationRowKey) === groupPart.group) {
        findings.push({
          code: 'reportcheck.group_label_displaced',
          severity: 'info',
          message: `第三部分分组名“${groupLabel(groupPart.group)}”印在其第 ${leaf} 项所在行，而非第一项所在行`,
          location: { section: '三', line: line.no },
        });
      }
    }
    if (rowOnLine) {
      if (pending && pending.key !== rowOnLine.key) {
        // A label whose figures have not come yet waits for them (see below).
        if (read.has(pending.key)) finishLabel(pending);
        else waiting.push(pending);
      }
      pending = rowOnLine;
    }
    // A row label followed by nothing but blank cells: a row printed blank, read as 0s. The
    // single （六）其他处理 row of the 2019 layout counts: its label is a group label.
    const labelled = rowOnLine !== null || pendingSingle === line.no;
    if (values.length === 0 && labelled && line.delimited && parts7.blanks >= 7) values = new Array<string>(7).fill('');
    if (values.length === 0) continue;
    // A lone short number on a line of its own is a page number left by conversion, not a row.
    if (!rowOnLine && label === '' && values.length === 1 && values[0].length < 7) continue;

    let target: Pending | null = pending;
    // Labels printed apart from their figures (a converter moving wrapped label cells out of the
    // table): figures with no label of their own go to the earliest label still waiting, when
    // that is the next row in statutory order.
    const next = ORDER.slice(nextIndex).find((k) => !read.has(k));
    while (waiting.length && read.has(waiting[0].key)) waiting.shift();
    if (label === '' && waiting.length && waiting[0].key === next) target = waiting.shift()!;
    if (!target && pendingSingle !== null) {
      target = { key: 'otherHandling', printed: '（六）其他处理', line: pendingSingle };
    }
    if (!target && label !== '' && values.length === 7) {
      // A label cut off on both sides by the cell's wrapping (“行政机关不再处理其政府信息公”):
      // the row is the next one in statutory order when its label holds that text.
      const key = ORDER.slice(nextIndex).find((k) => !read.has(k));
      const text = canonicalLabel(label);
      if (key && [...text].length >= FRAGMENT_MIN && canonicalLabel(labelFor(key)).includes(text)) {
        target = { key, printed: label, line: line.no };
      }
    }
    if (!target) {
      // Figures with no label: only a full row is placed, in statutory order.
      const digits = values.join('').length;
      if (label !== '' || !(values.length === 7 || (values.length < 7 && digits >= 7))) continue;
      const key = ORDER.slice(nextIndex).find((k) => !read.has(k));
      if (!key) continue;
      findings.push({
        code: 'reportcheck.table3_label_missing',
        severity: 'warning',
        message: `第 ${line.no} 行的数字没有行名，按表格顺序视为“${labelFor(key)}”`,
        location: { section: '三', row: key, line: line.no },
      });
      target = { key, printed: labelFor(key), line: line.no };
    }
    finishLabel(target);
    assign(target.key, values, line);
    if (target === pending) pending = null;
    pendingSingle = null;
  }
  if (pending) finishLabel(pending);
  findings.push(...blankCellsFinding('三', blanks));

  return finishTable3(read, sources, ambiguous, findings);
}

/**
 * The table from the rows read, however they were found: run-together figures narrowed by the
 * column rules, the single （六） row of the 2019 layout, and a finding for every row not read.
 */
export function finishTable3(
  read: Map<RowKey, ApplicantRow>,
  sources: Record<string, (number | null)[]>,
  ambiguous: Map<RowKey, number[][]>,
  findings: ReportFinding[],
): Table3Result {
  resolveByColumnRules(read, ambiguous, findings, (k) => sources[k]?.[0] ?? 0);

  const singleOtherHandling = read.has('otherHandling');
  if (singleOtherHandling) {
    findings.push({
      code: 'reportcheck.single_other_handling_row',
      severity: 'warning',
      message: '第三部分只印了一行“（六）其他处理”（2019年试行格式），未按2021年格式分列1–3项；已记入“其他处理”合计，1–3项为空',
      location: { section: '三', row: 'otherHandling', line: sources.otherHandling?.[0] ?? undefined },
    });
  }

  const rows = {} as ApplicationsTable['rows'];
  for (const key of ORDER) {
    const row = read.get(key);
    rows[key] = row ?? emptyApplicantRow();
    if (!sources[key]) sources[key] = emptyApplicantRow();
    const skip = singleOtherHandling && key.startsWith('otherHandling');
    if (!row && !skip) {
      findings.push({
        code: 'reportcheck.table3_row_missing',
        severity: 'error',
        message: `第三部分缺少“${labelFor(key)}”一行，${APPLICANT_COLUMNS.length} 个数字均为空`,
        location: { section: '三', row: key },
      });
    }
  }
  if (singleOtherHandling) rows.otherHandling = read.get('otherHandling')!;
  return { rows, sources, findings, singleOtherHandling };
}
