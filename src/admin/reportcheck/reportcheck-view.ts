// Pure helpers of the 年报核查 screen (no React): which table cells the findings name, how a
// finding's location reads in Chinese, and the file name of a download.
import type { ReadReport } from '../../reportcheck/reportcheck.types.ts';
import type { ReportFinding } from '../../report/report.validate.ts';
import { APPLICANT_COLUMNS, REVIEW_COLUMNS, REVIEW_GROUPS, columnLabel, rowLabel } from '../../report/report.model.ts';

/** One checked report as the API returns it (POST /api/v1/report-checks). */
export interface CheckedReportView extends ReadReport {
  inputKind: 'text' | 'html' | 'docx' | 'doc' | 'pdf' | 'scanned-pdf' | 'image';
  counts: { error: number; warning: number; info: number };
  /** Source line number → the line as printed, for every line the report cites. */
  sourceLines: Record<string, string>;
  /** The body's level, which sets the publication deadline (Art. 49). */
  level: { kind: 'government' | 'zone' | 'department' | 'township'; name: string; inferred: boolean };
}

const LEVEL_DEADLINE = { government: '次年3月31日前公布', zone: '次年3月31日前公布', department: '次年1月31日前公布', township: '不核查公布期限' } as const;

/** The level as the result shows it: what it is, where it came from, and the deadline it sets. */
export function levelText(level: CheckedReportView['level']): string {
  return `${level.name}（${level.inferred ? '按机关名称判断' : '核查时指定'}，${LEVEL_DEADLINE[level.kind]}）`;
}

export interface CheckResponse {
  reports: CheckedReportView[];
  errorCount: number;
  warningCount: number;
}

export type TableSection = '三' | '四';
export type FlagSeverity = 'error' | 'warning';

export interface CellFlag {
  severity: FlagSeverity;
  findings: ReportFinding[];
}

export const SEVERITY_LABEL = { error: '错误', warning: '警告', info: '提示' } as const;
export const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export { REVIEW_GROUPS };

export function cellKey(section: TableSection, row: string, column: string): string {
  return `${section}|${row}|${column}`;
}

/** The rows of section 三 the 勾稽关系 (rule 1) joins: 一 + 二 = （七） + 四. */
const RULE1_ROWS = ['newReceived', 'carriedOver', 'total', 'carriedForward'];

/**
 * The cells each error or warning names. A finding with row and column names one cell; a row
 * alone names the whole row; a section 三 column alone (rule 1) names that column in the four
 * rows the rule joins. Findings about a section as a whole name no cell, and notes (提示) are
 * listed but not highlighted.
 */
export function cellFlags(findings: ReportFinding[]): Map<string, CellFlag> {
  const flags = new Map<string, CellFlag>();
  const mark = (key: string, f: ReportFinding & { severity: FlagSeverity }) => {
    const flag = flags.get(key) ?? { severity: f.severity, findings: [] };
    flag.findings.push(f);
    if (f.severity === 'error') flag.severity = 'error';
    flags.set(key, flag);
  };
  for (const f of findings) {
    if (f.severity === 'info') continue;
    const flagged = f as ReportFinding & { severity: FlagSeverity };
    const { section, row, column } = f.location ?? {};
    if (section !== '三' && section !== '四') continue;
    const columns: readonly string[] = section === '三' ? APPLICANT_COLUMNS : REVIEW_COLUMNS;
    if (column && !columns.includes(column)) continue;
    const rows = row ? [row] : section === '三' && column ? RULE1_ROWS : [];
    for (const r of rows) for (const c of column ? [column] : columns) mark(cellKey(section, r, c), flagged);
  }
  return flags;
}

/** Where a finding points, in words: 第三部分 · （七）总计 · 自然人 · 第 120 行. */
export function locationText(f: ReportFinding): string {
  const loc = f.location ?? {};
  const parts: string[] = [];
  if (loc.section) parts.push(/^[一二三四五六]$/.test(loc.section) ? `第${loc.section}部分` : loc.section);
  if (loc.row) parts.push(rowLabel(loc.row));
  if (loc.column) parts.push(columnLabel(loc.section, loc.column));
  if (loc.line) parts.push(`第 ${loc.line} 行`);
  return parts.join(' · ');
}

/** The file name a download should get: RFC 5987 `filename*` first, then plain `filename`. */
export function fileNameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  return /filename\s*=\s*"([^"]+)"/i.exec(header)?.[1] ?? fallback;
}

export const INPUT_KIND_LABEL = {
  text: '文本',
  html: '网页（HTML）',
  docx: 'Word 文档',
  doc: 'Word 97–2003 或 WPS 文档（经 LibreOffice 转换）',
  pdf: 'PDF（文字层）',
  'scanned-pdf': 'PDF 扫描件（文字识别）',
  image: '图片（文字识别）',
} as const;

/** File types the server accepts, for the picker and for refusing others before sending. */
export const ACCEPTED_EXTENSIONS = ['.txt', '.html', '.htm', '.docx', '.doc', '.wps', '.pdf', '.png', '.jpg', '.jpeg'];
export const ACCEPTED_NAMES = '.txt、.html、.htm、.docx、.doc、.wps、.pdf、.png、.jpg';
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILES = 50;

/** Why a chosen file cannot be sent, or null when it can. */
export function refusalOf(file: { name: string; size: number }): string | null {
  const ext = /\.[^.]+$/.exec(file.name)?.[0]?.toLowerCase() ?? '';
  if (!ACCEPTED_EXTENSIONS.includes(ext)) return `“${file.name}”不是 .txt、.html、.htm、.docx、.doc、.wps、.pdf 或 .png/.jpg 图片`;
  if (file.size === 0) return `“${file.name}”是空文件`;
  if (file.size > MAX_FILE_BYTES) return `“${file.name}”超过 10 MB`;
  return null;
}
