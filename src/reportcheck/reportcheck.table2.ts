/**
 * Section 二 tables (主动公开政府信息情况, regulations.md A.3): 第二十条第（一）（五）（六）（八）项.
 * Rows are found by their labels; the 2019 trial layout (新制作/新公开/对外公开总数量, 上一年项目数量,
 * 政府集中采购) is recognised and reported, and its figures are not forced into the 2021 fields.
 */
import type { Cell, ProactiveTables } from '../report/report.model.ts';
import type { ReportFinding } from '../report/report.validate.ts';
import type { SourceLine } from './reportcheck.text.ts';
import { canonicalLabel, lineText } from './reportcheck.text.ts';
import { rowParts } from './reportcheck.row.ts';
import { ambiguityFinding, blankCellsFinding, readCells, type BlankCell } from './reportcheck.cells.ts';
import { figuresIn, streamOf } from './reportcheck.stream.ts';

type Field = 'rules' | 'normativeDocuments' | 'licensing' | 'punishment' | 'enforcement' | 'feesAmountWanYuan';

const ROWS: { field: Field; label: string; width: number; renamedFrom?: string }[] = [
  { field: 'normativeDocuments', label: '行政规范性文件', width: 3 },
  { field: 'normativeDocuments', label: '规范性文件', width: 3, renamedFrom: '行政规范性文件' },
  { field: 'rules', label: '规章', width: 3 },
  { field: 'licensing', label: '行政许可', width: 1 },
  { field: 'punishment', label: '行政处罚', width: 1 },
  { field: 'enforcement', label: '行政强制', width: 1 },
  { field: 'feesAmountWanYuan', label: '行政事业性收费', width: 1 },
];
const FIELD_NAMES: Record<Field, string> = {
  rules: '规章',
  normativeDocuments: '行政规范性文件',
  licensing: '行政许可',
  punishment: '行政处罚',
  enforcement: '行政强制',
  feesAmountWanYuan: '行政事业性收费',
};
const COLUMNS_20_1 = ['本年制发件数', '本年废止件数', '现行有效件数'];
const MARKERS_2019 = ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '政府集中采购', '其他对外管理服务事项'];

export interface Table2Result {
  proactive: ProactiveTables;
  sources: Record<Field, (number | null)[]>;
  findings: ReportFinding[];
  format: '2021' | '2019' | null;
}

function emptyProactive(): ProactiveTables {
  return {
    rules: [null, null, null],
    normativeDocuments: [null, null, null],
    licensing: null,
    punishment: null,
    enforcement: null,
    feesAmountWanYuan: null,
  };
}

export function readTable2(lines: SourceLine[]): Table2Result {
  const proactive = emptyProactive();
  const findings: ReportFinding[] = [];
  const sources = {} as Record<Field, (number | null)[]>;
  const is2019 = lines.some((l) => MARKERS_2019.some((m) => lineText(l).includes(m)));
  if (is2019) {
    findings.push({
      code: 'reportcheck.table2_2019_layout',
      severity: 'warning',
      message: '第二部分使用2019年试行格式（新制作/新公开数量、上一年项目数量等），与2021年格式不同，其数字未并入2021年格式的栏目',
      location: { section: '二' },
    });
    return { proactive, sources, findings, format: '2019' };
  }
  const entries: Entry[] = [];
  for (const line of lines) {
    const { label } = rowParts(line, 3);
    const text = canonicalLabel(label);
    const row = ROWS.find((r) => text === r.label || (text.endsWith(r.label) && text.length <= r.label.length + 10));
    if (!row || entries.some((e) => e.row.field === row.field)) continue;
    entries.push({ row, values: rowParts(line, row.width).values, line: line.no });
  }
  const byLine = readRows(entries);
  if (byLine.filled === ROW_COUNT) return byLine.result;
  const bySequence = readRows(streamEntries(lines));
  return bySequence.filled > byLine.filled ? bySequence.result : byLine.result;
}

interface Entry {
  row: (typeof ROWS)[number];
  values: string[];
  line: number;
}

const ROW_COUNT = Object.keys(FIELD_NAMES).length;

/**
 * The rows found in their statutory order in the section read as one stream (one cell per line,
 * or the table run into one line): the figures after a label up to the next label are its cells.
 */
function streamEntries(lines: SourceLine[]): Entry[] {
  const stream = streamOf(lines);
  const found: { row: Entry['row']; start: number; end: number }[] = [];
  let cursor = 0;
  for (const field of Object.keys(FIELD_NAMES) as Field[]) {
    let best: (typeof found)[number] | null = null;
    for (const row of ROWS.filter((r) => r.field === field)) {
      const at = stream.text.indexOf(row.label, cursor);
      if (at >= 0 && (!best || at < best.start || (at === best.start && row.label.length > best.row.label.length))) {
        best = { row, start: at, end: at + row.label.length };
      }
    }
    if (!best) continue;
    found.push(best);
    cursor = best.end;
  }
  return found.map((f, i) => {
    const figures = figuresIn(stream, f.end, found[i + 1]?.start ?? stream.text.length, f.row.field === 'feesAmountWanYuan');
    return { row: f.row, values: figures.map((t) => t.text), line: figures[0]?.line ?? stream.lineOf[f.start] };
  });
}

function readRows(entries: Entry[]): { result: Table2Result; filled: number } {
  const proactive = emptyProactive();
  const findings: ReportFinding[] = [];
  const sources = {} as Record<Field, (number | null)[]>;
  const blanks: BlankCell[] = [];
  for (const { row, values, line } of entries) {
    const at = { section: '二', row: row.field, label: row.label, line };
    if (row.renamedFrom) {
      findings.push({
        code: 'reportcheck.row_renamed',
        severity: 'info',
        message: `第二部分行名“${row.label}”与2021年格式“${row.renamedFrom}”不一致`,
        location: at,
      });
    }
    if (row.field === 'feesAmountWanYuan') {
      const blank = values.length === 1 && values[0] === '';
      if (blank) blanks.push({ label: row.label, row: row.field, column: '本年收费金额', line });
      const value = blank ? '0' : values.length === 1 && /^\d+(\.\d+)?$/.test(values[0]) ? values[0] : null;
      proactive.feesAmountWanYuan = value;
      sources.feesAmountWanYuan = [value === null ? null : line];
      if (value === null) {
        findings.push({
          code: 'reportcheck.cell_unreadable',
          severity: 'error',
          message: `第二部分“行政事业性收费”金额无法读取（${values.join(' ') || '空白'}）`,
          location: at,
        });
      }
      continue;
    }
    const cells = readCells(values, row.width, () => true, { ...at, columns: row.width === 3 ? COLUMNS_20_1 : ['本年处理决定数量'] });
    findings.push(...cells.findings);
    blanks.push(...cells.blank.map((column) => ({ label: row.label, row: row.field, column, line })));
    if (cells.candidates.length > 1) findings.push(ambiguityFinding(at, cells.candidates));
    sources[row.field] = cells.values.map((v) => (v === null ? null : line));
    if (row.field === 'rules' || row.field === 'normativeDocuments') proactive[row.field] = cells.values;
    else proactive[row.field] = cells.values[0] as Cell;
  }
  for (const field of Object.keys(FIELD_NAMES) as Field[]) {
    if (sources[field]) continue;
    sources[field] = field === 'rules' || field === 'normativeDocuments' ? [null, null, null] : [null];
    findings.push({
      code: 'reportcheck.table2_row_missing',
      severity: 'error',
      message: `第二部分缺少“${FIELD_NAMES[field]}”一行`,
      location: { section: '二', row: field },
    });
  }
  findings.push(...blankCellsFinding('二', blanks));
  const filled = Object.values(sources).filter((cells) => cells.every((c) => c !== null)).length;
  return { result: { proactive, sources, findings, format: '2021' }, filled };
}
