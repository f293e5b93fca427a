/**
 * Many reports at once (pure): a summary of bodies × findings, several bodies aggregated into
 * one table, and one body's years side by side. Each result is a plain grid (header + rows) that
 * reportcheck.export.ts writes as CSV, HTML or XLSX.
 */
import { APPLICATION_ROWS, REVIEW_COLUMNS, type Cell } from '../report/report.model.ts';
import type { ReadReport } from './reportcheck.types.ts';
import { sameBody } from './reportcheck.checks.ts';

export interface Grid {
  title: string;
  header: string[];
  rows: (string | number | null)[][];
}

/** A report as the summary shows it: with its level and, for an attachment, the page it hangs on. */
export type SummaryReport = ReadReport & { level?: { name: string }; page?: string };

/**
 * Cells of sections 三 and 四 that were read, and how many the report has: 190, or 176 for a
 * report that prints （六）其他处理 as one row instead of its three items.
 */
export function cellsRead(r: ReadReport): { read: number; total: number } {
  const { otherHandling, ...rows } = r.applications.rows;
  const single = otherHandling?.some((c) => c !== null) ?? false;
  const kept = Object.entries(rows).filter(([key]) => !(single && key.startsWith('otherHandling'))).map(([, row]) => row);
  if (single && otherHandling) kept.push(otherHandling);
  const cells = [...kept, ...Object.values(r.reviewLitigation)].flat();
  return { read: cells.filter((c) => c !== null && c !== undefined).length, total: cells.length };
}

/**
 * One row per report: what it is (file or URL, body, level, year), how much of it was read, its
 * counts by severity, then the count of each finding code seen anywhere.
 */
export function summaryGrid(reports: SummaryReport[]): Grid {
  const codes = [...new Set(reports.flatMap((r) => r.findings.filter((f) => f.severity !== 'info').map((f) => f.code)))].sort();
  const pages = reports.some((r) => r.page);
  return {
    title: '年报核查汇总',
    header: ['文件或网址', ...(pages ? ['所在页面'] : []), '机关', '层级', '年度', '发布日期', '三四部分读出单元格', '三四部分单元格', '错误', '警告', '提示', ...codes],
    rows: reports.map((r) => {
      const count = (pred: (s: string, c: string) => boolean) => r.findings.filter((f) => pred(f.severity, f.code)).length;
      const cells = cellsRead(r);
      return [
        r.source,
        ...(pages ? [r.page ?? null] : []),
        r.body.name || null,
        // A level guessed from no name at all (a report not read) would only mislead.
        r.body.name ? (r.level?.name ?? null) : null,
        r.year || null,
        r.publishedOn ?? null,
        cells.read,
        cells.total,
        count((s) => s === 'error'),
        count((s) => s === 'warning'),
        count((s) => s === 'info'),
        ...codes.map((code) => count((_, c) => c === code)),
      ];
    }),
  };
}

/** Every finding of every report, one per row (for the detailed sheet). */
export function findingsGrid(reports: SummaryReport[]): Grid {
  const severity = { error: '错误', warning: '警告', info: '提示' } as const;
  return {
    title: '核查发现明细',
    header: ['文件或网址', '机关', '层级', '年度', '严重程度', '代码', '说明', '部分', '行', '栏', '原文行号'],
    rows: reports.flatMap((r) =>
      r.findings.map((f) => [
        r.source,
        r.body.name,
        r.level?.name ?? null,
        r.year || null,
        severity[f.severity],
        f.code,
        f.message,
        f.location?.section ?? null,
        f.location?.row ?? null,
        f.location?.column ?? null,
        f.location?.line ?? null,
      ]),
    ),
  };
}

function add(a: Cell, b: Cell): Cell {
  return a === null || b === null ? null : a + b;
}

interface Line {
  label: string;
  get(r: ReadReport): Cell;
}

/** The figures compared across bodies and years: 总计 of each section 三 row, section 四, section 二. */
function comparisonLines(): Line[] {
  const lines: Line[] = APPLICATION_ROWS.map((row) => ({
    label: `三 ${row.label}（总计）`,
    get: (r: ReadReport) => r.applications.rows[row.key][6],
  }));
  lines.push({ label: '三 （六）其他处理（单行，2019年格式）（总计）', get: (r) => r.applications.rows.otherHandling?.[6] ?? null });
  const groups = [
    ['review', '行政复议'],
    ['litigationDirect', '未经复议直接起诉'],
    ['litigationAfterReview', '复议后起诉'],
  ] as const;
  for (const [key, name] of groups) {
    REVIEW_COLUMNS.forEach((column, i) => lines.push({ label: `四 ${name}·${column}`, get: (r) => r.reviewLitigation[key][i] }));
  }
  for (const [key, name] of [
    ['rules', '规章'],
    ['normativeDocuments', '行政规范性文件'],
  ] as const) {
    ['本年制发', '本年废止', '现行有效'].forEach((column, i) => lines.push({ label: `二 ${name}·${column}`, get: (r) => r.proactive[key][i] }));
  }
  lines.push({ label: '二 行政许可', get: (r) => r.proactive.licensing });
  lines.push({ label: '二 行政处罚', get: (r) => r.proactive.punishment });
  lines.push({ label: '二 行政强制', get: (r) => r.proactive.enforcement });
  return lines;
}

/**
 * Several bodies' reports added up, figure by figure. A figure missing in any report makes the
 * sum unknown (null): a partial sum would pass for a total.
 */
export function aggregateGrid(reports: ReadReport[]): Grid {
  const names = reports.map((r) => `${r.body.name}${r.year ? ` ${r.year}` : ''}`);
  return {
    title: '多机关汇总',
    header: ['项目', ...names, '合计'],
    rows: comparisonLines().map((line) => {
      const values = reports.map((r) => line.get(r));
      const total = values.reduce<Cell>((a, b) => add(a, b), 0);
      return [line.label, ...values, reports.length ? total : null];
    }),
  };
}

/** One body's reports, years as columns, with the change from the year before. */
export function yearsGrid(reports: ReadReport[]): Grid {
  const body = reports[0]?.body.name ?? '';
  const same = reports.filter((r) => sameBody(r.body.name, body)).sort((a, b) => a.year - b.year);
  const years = same.map((r) => r.year);
  return {
    title: `${body} 历年对比`,
    header: ['项目', ...years.map(String), ...(years.length > 1 ? [`${years[years.length - 1]}较${years[years.length - 2]}增减`] : [])],
    rows: comparisonLines().map((line) => {
      const values = same.map((r) => line.get(r));
      const last = values[values.length - 1];
      const before = values[values.length - 2];
      const change = values.length > 1 ? (last === null || before === null || last === undefined || before === undefined ? null : last - before) : undefined;
      return change === undefined ? [line.label, ...values] : [line.label, ...values, change];
    }),
  };
}
