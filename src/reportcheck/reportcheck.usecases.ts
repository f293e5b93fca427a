/**
 * Usecases for reading and checking published reports; the CLI calls them now, the HTTP API
 * and the admin screen can call them as they are (bytes in, plain data out, no I/O here beyond
 * what the caller passes).
 */
import { AppError } from '../shared/app-error.ts';
import type { BodyKind } from '../report/report.validate.ts';
import { toLines, type InputKind } from './reportcheck.input.ts';
import { readLines } from './reportcheck.read.ts';
import { checkAcrossYears, checkReport, sameBody } from './reportcheck.checks.ts';
import { aggregateGrid, findingsGrid, summaryGrid, yearsGrid, type Grid } from './reportcheck.batch.ts';
import { gridsToHtml, gridsToXlsx, gridToCsv } from './reportcheck.export.ts';
import type { ReadReport } from './reportcheck.types.ts';

export interface ReportFile {
  name: string;
  bytes: Uint8Array;
  /** Publication date known from outside the file (YYYY-MM-DD). */
  publishedOn?: string | null;
  /** Overrides the kind of body guessed from its name (for the Art. 49 deadline). */
  bodyKind?: BodyKind;
}

export interface CheckedReport extends ReadReport {
  inputKind: InputKind;
}

export interface CheckReportsResult {
  reports: CheckedReport[];
  errorCount: number;
  warningCount: number;
}

/** Upper bound per file: published reports are far smaller; anything bigger is not a report. */
export const MAX_REPORT_BYTES = 20 * 1024 * 1024;

export async function checkReports({ files }: { files: ReportFile[] }): Promise<CheckReportsResult> {
  if (files.length === 0) throw new AppError('reportcheck.no_files', '请至少提供一份年度报告文件', 400);
  const read: CheckedReport[] = [];
  for (const file of files) {
    if (file.bytes.byteLength > MAX_REPORT_BYTES) {
      throw new AppError('reportcheck.file_too_large', `文件“${file.name}”超过 20 MB，不是年度报告`, 413);
    }
    let kind: InputKind = 'text';
    let report: ReadReport;
    try {
      const input = await toLines(file.name, file.bytes);
      kind = input.kind;
      report = checkReport(readLines(input.lines, { source: file.name, publishedOn: file.publishedOn }), { bodyKind: file.bodyKind });
    } catch (e) {
      // A damaged Word file must not stop a batch: it is reported like any unreadable content.
      report = readLines([], { source: file.name });
      report.findings = [
        {
          code: 'reportcheck.file_unreadable',
          severity: 'error',
          message: `文件“${file.name}”无法读取：${(e as Error).message}`,
          location: { file: file.name },
        },
      ];
    }
    read.push({ ...report, inputKind: kind });
  }
  const reports = checkAcrossYears(read) as CheckedReport[];
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
