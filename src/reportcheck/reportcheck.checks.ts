/**
 * Checks on reports read from their published text, on top of the model's cross-checks
 * (report.validate.ts): prose that contradicts the tables, departures from the 2021 format,
 * the statutory publication deadline, and comparisons between years of one body.
 */
import {
  checkPublicationDeadline,
  compareWithPreviousYear,
  validateReport,
  type BodyKind,
  type ReportFinding,
} from '../report/report.validate.ts';
import type { Cell } from '../report/report.model.ts';
import { SECTION_NUMBERS, SECTION_TITLES } from './reportcheck.sections.ts';
import type { ReadReport } from './reportcheck.types.ts';

function sum(...cells: Cell[]): number | null {
  return cells.some((c) => c === null) ? null : cells.reduce<number>((a, b) => a + (b as number), 0);
}

/** Figures in the prose that no table figure supports. */
export function narrativeFindings(report: ReadReport): ReportFinding[] {
  const rows = report.applications.rows;
  const review = report.reviewLitigation;
  const findings: ReportFinding[] = [];
  for (const figure of report.narrativeFigures) {
    let accepted: number[] = [];
    let tableName = '';
    if (figure.kind === 'applicationsReceived') {
      // The prose may count new applications, or new plus carried over, or those decided.
      accepted = [rows.newReceived[6], sum(rows.newReceived[6], rows.carriedOver[6]), rows.total[6]].filter(
        (v): v is number => v !== null,
      );
      tableName = '第三部分表格（本年新收/办理结果总计）';
    } else if (figure.kind === 'reviewCases') {
      accepted = [review.review[4], sum(...review.review.slice(0, 4))].filter((v): v is number => v !== null);
      tableName = '第四部分行政复议总计';
    } else if (figure.kind === 'litigationCases') {
      accepted = [
        sum(review.litigationDirect[4], review.litigationAfterReview[4]),
        review.litigationDirect[4],
        review.litigationAfterReview[4],
      ].filter((v): v is number => v !== null);
      tableName = '第四部分行政诉讼总计';
    } else continue;
    if (accepted.length === 0) {
      findings.push({
        code: 'reportcheck.narrative_unchecked',
        severity: 'info',
        message: `正文“${figure.text}”无法与表格核对（表格相应数字缺失）`,
        location: { line: figure.line, year: report.year },
      });
    } else if (!accepted.includes(figure.value)) {
      findings.push({
        code: 'reportcheck.narrative_contradicts_table',
        severity: 'warning',
        message: `正文称“${figure.text}”（${figure.value}），与${tableName}的 ${[...new Set(accepted)].join('/')} 不一致`,
        location: { line: figure.line, year: report.year },
        details: { narrative: figure.value, table: [...new Set(accepted)], kind: figure.kind },
      });
    }
  }
  return findings;
}

/** Missing or renamed section headings (国办公开办函〔2021〕30号 layout). */
export function formatFindings(report: ReadReport): ReportFinding[] {
  const findings: ReportFinding[] = [];
  for (const number of SECTION_NUMBERS) {
    const heading = report.headings.find((h) => h.number === number);
    const expected = `${number}、${SECTION_TITLES[number].title}`;
    if (!heading) {
      findings.push({
        code: 'reportcheck.section_missing',
        severity: 'warning',
        message: `未找到第${number}部分标题“${expected}”`,
        location: { section: number, year: report.year },
      });
    } else if (heading.title !== SECTION_TITLES[number].title) {
      findings.push({
        code: 'reportcheck.section_renamed',
        severity: 'info',
        message: `第${number}部分标题为“${number}、${heading.title}”，2021年格式为“${expected}”`,
        location: { section: number, line: heading.line, year: report.year },
      });
    }
  }
  if (report.format === '2019') {
    findings.push({
      code: 'reportcheck.old_format',
      severity: 'warning',
      message: `${report.year}年度报告仍使用2019年试行格式；2021年度起应使用国办公开办函〔2021〕30号格式`,
      location: { year: report.year },
    });
  }
  return findings;
}

export interface CheckOptions {
  bodyKind?: BodyKind;
}

/** Every check of one report; returns the report with its findings completed. */
export function checkReport(report: ReadReport, options: CheckOptions = {}): ReadReport {
  const findings = [
    ...report.findings,
    ...validateReport(report, { reportMissingCells: false }).map((f) => ({ ...f, location: withLine(report, f) })),
    ...narrativeFindings(report),
    ...formatFindings(report),
    ...checkPublicationDeadline(report, options.bodyKind),
  ];
  return { ...report, findings };
}

/** Adds the source line to a model finding that names a section 三/四 row. */
function withLine(report: ReadReport, finding: ReportFinding): ReportFinding['location'] {
  const loc = finding.location ?? {};
  if (!loc.row) return loc;
  const line =
    report.sources.applications[loc.row]?.find((l) => l !== null) ??
    (report.sources.reviewLitigation as Record<string, (number | null)[]>)[loc.row]?.find((l) => l !== null);
  return line ? { ...loc, line } : loc;
}

/** Two names for one body: equal, or one is the other with its city prefix (淮安市洪泽区人民政府). */
export function sameBody(a: string, b: string): boolean {
  if (!a || !b) return false;
  return a === b || a.endsWith(b) || b.endsWith(a);
}

/** Compares consecutive years of each body; findings go to the later report. */
export function checkAcrossYears(reports: ReadReport[]): ReadReport[] {
  // Reports by year, in batch order: a province's thousands of reports are not scanned once per report.
  const byYear = new Map<number, ReadReport[]>();
  for (const r of reports) byYear.set(r.year, [...(byYear.get(r.year) ?? []), r]);
  return reports.map((current) => {
    const previous = byYear.get(current.year - 1)?.find((r) => r !== current && sameBody(r.body.name, current.body.name));
    if (!previous) return current;
    const extra = compareWithPreviousYear(previous, current).map((f) => ({
      ...f,
      location: { ...f.location, file: current.source },
    }));
    return { ...current, findings: [...current.findings, ...extra] };
  });
}
