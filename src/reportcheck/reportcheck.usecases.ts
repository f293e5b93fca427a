/**
 * Usecases for reading and checking published reports; the CLI calls them now, the HTTP API
 * and the admin screen can call them as they are (bytes in, plain data out, no I/O here beyond
 * what the caller passes).
 */
import { AppError } from '../shared/app-error.ts';
import { checkAcrossYears, sameBody } from './reportcheck.checks.ts';
import { readReportFile, type CheckedReport, type ReportFile } from './reportcheck.file.ts';
import { aggregateGrid, findingsGrid, summaryGrid, yearsGrid, type Grid } from './reportcheck.batch.ts';
import { gridsToHtml, gridsToXlsx, gridToCsv } from './reportcheck.export.ts';
import type { ReadReport } from './reportcheck.types.ts';

export type { CheckedReport, ReportFile };

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
export function summaryGrids(reports: ReadReport[]): Grid[] {
  const grids = [summaryGrid(reports), findingsGrid(reports), aggregateGrid(reports)];
  const bodies = new Map<string, ReadReport[]>();
  for (const r of reports) {
    const key = [...bodies.keys()].find((k) => sameBody(k, r.body.name)) ?? r.body.name;
    bodies.set(key, [...(bodies.get(key) ?? []), r]);
  }
  for (const group of bodies.values()) if (group.length > 1) grids.push(yearsGrid(group));
  return grids;
}

export async function renderSummary(reports: ReadReport[], format: SummaryFormat): Promise<Uint8Array> {
  const grids = summaryGrids(reports);
  if (format === 'xlsx') return gridsToXlsx(grids);
  if (format === 'html') return new TextEncoder().encode(gridsToHtml('政府信息公开工作年度报告核查汇总', grids));
  return new TextEncoder().encode(grids.slice(0, 1).map(gridToCsv).join(''));
}
