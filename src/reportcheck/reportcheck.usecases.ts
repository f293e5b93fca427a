/**
 * Usecases for reading and checking published reports; the CLI calls them now, the HTTP API
 * and the admin screen can call them as they are (bytes in, plain data out, no I/O here beyond
 * what the caller passes).
 */
import { AppError } from '../shared/app-error.ts';
import type { BodyKind } from '../report/report.validate.ts';
import { checkAcrossYears, sameBody } from './reportcheck.checks.ts';
import { readReportFile, type CheckedReport, type ReportFile } from './reportcheck.file.ts';
import { aggregateGrid, findingsGrid, summaryGrid, yearsGrid, type Grid, type SummaryReport } from './reportcheck.batch.ts';
import { gridsToHtml, gridsToXlsx, gridToCsv } from './reportcheck.export.ts';
import type { ReadReport } from './reportcheck.types.ts';

export type { CheckedReport, ReportFile };

/** Names a reader may give for a level (CLI `--level`, the API's `level`), English or Chinese. */
const LEVEL_WORDS: Record<string, BodyKind> = {
  government: 'government',
  人民政府: 'government',
  政府: 'government',
  zone: 'zone',
  管委会: 'zone',
  开发区: 'zone',
  实验区: 'zone',
  department: 'department',
  部门: 'department',
  township: 'township',
  乡镇: 'township',
  街道: 'township',
};

/**
 * The reader's level for the bodies of a batch, overriding what their names say; empty or
 * `auto` leaves it to the names. An unknown word is refused (400), so that a typo does not
 * silently check a department against the governments' deadline.
 */
export function parseLevel(value: string | undefined): BodyKind | undefined {
  const word = (value ?? '').trim();
  if (word === '' || word === 'auto' || word === '自动') return undefined;
  const kind = LEVEL_WORDS[word];
  if (!kind) {
    throw new AppError('reportcheck.level_invalid', `机关层级“${word.slice(0, 20)}”无法识别；请填 人民政府、管委会、部门 或 乡镇（也可 government、zone、department、township）`, 400);
  }
  return kind;
}

export interface CheckReportsResult {
  reports: CheckedReport[];
  errorCount: number;
  warningCount: number;
}

/** Upper bound per file: published reports are far smaller; anything bigger is not a report. */
export const MAX_REPORT_BYTES = 20 * 1024 * 1024;

/**
 * Reads every file with `read` (in process by default; the API passes a worker-backed reader so
 * that parsing cannot stall or exhaust the server), then compares consecutive years.
 */
export async function checkReports({ files, read = readReportFile }: { files: ReportFile[]; read?: (file: ReportFile) => Promise<CheckedReport> }): Promise<CheckReportsResult> {
  if (files.length === 0) throw new AppError('reportcheck.no_files', '请至少提供一份年度报告文件', 400);
  for (const file of files) {
    if (file.bytes.byteLength > MAX_REPORT_BYTES) {
      throw new AppError('reportcheck.file_too_large', `文件“${file.name}”超过 20 MB，不是年度报告`, 413);
    }
  }
  const done: CheckedReport[] = [];
  for (const file of files) done.push(await read(file));
  const reports = checkAcrossYears(done) as CheckedReport[];
  const count = (s: string) => reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === s).length, 0);
  return { reports, errorCount: count('error'), warningCount: count('warning') };
}

export type SummaryFormat = 'csv' | 'html' | 'xlsx';

/** The batch summary: bodies × findings, every finding, and the aggregated figures. */
export function summaryGrids(reports: SummaryReport[]): Grid[] {
  const grids = [summaryGrid(reports), findingsGrid(reports), aggregateGrid(reports)];
  const bodies = new Map<string, ReadReport[]>();
  for (const r of reports) {
    const key = [...bodies.keys()].find((k) => sameBody(k, r.body.name)) ?? r.body.name;
    bodies.set(key, [...(bodies.get(key) ?? []), r]);
  }
  for (const group of bodies.values()) if (group.length > 1) grids.push(yearsGrid(group));
  return grids;
}

export async function renderSummary(reports: SummaryReport[], format: SummaryFormat): Promise<Uint8Array> {
  const grids = summaryGrids(reports);
  if (format === 'xlsx') return gridsToXlsx(grids);
  if (format === 'html') return new TextEncoder().encode(gridsToHtml('政府信息公开工作年度报告核查汇总', grids));
  return new TextEncoder().encode(grids.slice(0, 1).map(gridToCsv).join(''));
}
