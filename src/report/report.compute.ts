/**
 * The annual report computed from the records (pure: no I/O, no clock).
 *
 * Counting rules (DESIGN.md "Annual report for body B and year Y", 国办公开办函〔2021〕30号,
 * Regulations Art. 50):
 *  - 一、本年新收: receipt date (Art. 31) in Y.
 *  - 二、上年结转: received before 1 January of Y and undecided on that day (no decision, or a
 *    decision dated in Y or later). A case decided on 1 January of Y was still open when the day
 *    began, so it is carried over and counted in 三 — this keeps 一 + 二 = （七）总计 + 四.
 *  - 三: final decision date in Y, by its outcome row; 部分公开 only under （二）.
 *  - 四、结转下年度: received by 31 December of Y, undecided at the end of that day.
 *  - Section 四 (复议/诉讼): decided in Y → its result column; filed by 31 December of Y and
 *    undecided then → 尚未审结; decided before Y → not counted.
 *  - Section 二 第二十条第（一）项 from the normative-document registry (ProactiveReportSource);
 *    （五）（六）（八）项 from figures the clerk entered; a figure nobody entered stays null.
 *  - Section 六: information processing fees paid in Y (国办函〔2020〕109号).
 *
 * Every figure cell carries the ids of the records behind it (`cells`), for drill-down.
 */
import {
  APPLICANT_COLUMNS,
  APPLICANT_TYPES,
  APPLICATION_ROW_KEYS,
  OUTCOME_KEYS,
  emptyApplicantRow,
  zeroApplicantRow,
  type AnnualReport,
  type ApplicantRow,
  type ApplicationRowKey,
  type Cell,
  type NarrativeSection,
} from './report.model.ts';
import type {
  ApplicationForReport,
  ApplicationTally,
  OversightCaseForReport,
  OversightKind,
  ProactiveFiguresForReport,
  ReportRecords,
} from './report.sources.ts';

/** Figures of section 二 the clerk enters (or imports) per body and year; null = nobody entered it. */
export interface EnteredFigures {
  licensing: number | null;
  punishment: number | null;
  enforcement: number | null;
  /** 万元, decimal text (exact). */
  feesAmountWanYuan: string | null;
}

export const NO_ENTERED_FIGURES: EnteredFigures = {
  licensing: null,
  punishment: null,
  enforcement: null,
  feesAmountWanYuan: null,
};

export interface ComputeInput {
  body: { code?: string; name: string };
  year: number;
  /** null when no applications source is wired: section 三/四 and fees are then missing, not 0. */
  records: ReportRecords | null;
  /** null when no publishing source is wired. */
  proactive: ProactiveFiguresForReport | null;
  entered: EnteredFigures;
  narrative: NarrativeSection[];
  publishedOn?: string | null;
}

/** A drill-down cell id: `三.<rowKey>.<column index 0–6>` or `四.<group>.<column index 0–4>`. */
export type CellId = string;
export interface CellRecords {
  kind: 'application' | 'oversight';
  ids: number[];
}

/** Records that cannot be counted as they stand (a decided case without an outcome, …). */
export interface RecordProblem {
  kind: 'application' | 'oversight';
  id: number;
  code: string;
  message: string;
}

export interface ComputedReport {
  report: AnnualReport;
  /** The records behind each cell; null when some figures came as tallies (no ids to show). */
  cells: Record<CellId, CellRecords> | null;
  /** How many records each cell counts (always known). */
  cellCounts: Record<CellId, number>;
  problems: RecordProblem[];
}

export const REVIEW_GROUPS: Record<OversightKind, 'review' | 'litigationDirect' | 'litigationAfterReview'> = {
  review: 'review',
  litigation_direct: 'litigationDirect',
  litigation_after_review: 'litigationAfterReview',
};
const RESULT_COLUMN = { upheld: 0, corrected: 1, other: 2 } as const;
const PENDING_COLUMN = 3;
const GROUP_TOTAL_COLUMN = 4;

export function applicationCellId(row: ApplicationRowKey, column: number): CellId {
  return `三.${row}.${column}`;
}
export function oversightCellId(group: string, column: number): CellId {
  return `四.${group}.${column}`;
}

function yearBounds(year: number) {
  return { first: `${year}-01-01`, last: `${year}-12-31` };
}

/** Which rows of section 三 a case counts in for year Y (可为空: the case does not matter for Y). */
export function applicationRowsFor(a: ApplicationForReport, year: number): ApplicationRowKey[] {
  const { first, last } = yearBounds(year);
  if (a.receivedDate > last) return [];
  const rows: ApplicationRowKey[] = [];
  const decidedBeforeYear = a.decisionDate !== null && a.decisionDate < first;
  if (a.receivedDate >= first) rows.push('newReceived');
  else if (!decidedBeforeYear) rows.push('carriedOver');
  if (a.decisionDate !== null && a.decisionDate >= first && a.decisionDate <= last) {
    if (a.outcome) rows.push(a.outcome, 'total');
  } else if (a.decisionDate === null || a.decisionDate > last) {
    rows.push('carriedForward');
  }
  return rows;
}

function computeApplications(records: ReportRecords, year: number, cells: Record<CellId, CellRecords>, problems: RecordProblem[]) {
  const rows = Object.fromEntries(APPLICATION_ROW_KEYS.map((k) => [k, zeroApplicantRow()])) as Record<ApplicationRowKey, ApplicantRow>;
  const totalColumn = APPLICANT_COLUMNS.length - 1;
  for (const key of APPLICATION_ROW_KEYS) for (let c = 0; c <= totalColumn; c++) cells[applicationCellId(key, c)] = { kind: 'application', ids: [] };
  const { first, last } = yearBounds(year);
  for (const a of records.applications) {
    const column = APPLICANT_TYPES.indexOf(a.applicantType);
    if (a.decisionDate && a.decisionDate >= first && a.decisionDate <= last && !a.outcome) {
      problems.push({ kind: 'application', id: a.id, code: 'report.decided_without_outcome', message: `申请 ${a.id} 已于 ${a.decisionDate} 办结，但未记录办理结果，无法计入第三部分` });
    }
    if (column < 0) {
      problems.push({ kind: 'application', id: a.id, code: 'report.unknown_applicant_type', message: `申请 ${a.id} 的申请人类型“${a.applicantType}”不在年报六类之中` });
      continue;
    }
    for (const key of applicationRowsFor(a, year)) {
      for (const c of [column, totalColumn]) {
        (rows[key][c] as number)++;
        cells[applicationCellId(key, c)].ids.push(a.id);
      }
    }
  }
  const counts: Record<CellId, number> = {};
  for (const t of records.tallies ?? []) {
    const column = APPLICANT_TYPES.indexOf(t.applicantType);
    for (const key of applicationRowsFor({ ...t, id: 0, feePaidYuan: 0, feePaidDate: null }, year)) {
      for (const c of [column, totalColumn]) {
        (rows[key][c] as number) += t.count;
        const id = applicationCellId(key, c);
        counts[id] = (counts[id] ?? 0) + t.count;
      }
    }
  }
  return { rows, counts };
}

function feesPaidIn(year: number, applications: ApplicationForReport[], tallies: ApplicationTally[]): number {
  const { first, last } = yearBounds(year);
  return applications
    .filter((a) => a.feePaidDate !== null && a.feePaidDate >= first && a.feePaidDate <= last)
    .reduce((sum, a) => sum + a.feePaidYuan, tallies.reduce((sum, t) => sum + t.feesPaidInYearYuan, 0));
}

function computeOversight(cases: OversightCaseForReport[], year: number, cells: Record<CellId, CellRecords>) {
  const { first, last } = yearBounds(year);
  const out = { review: [0, 0, 0, 0, 0], litigationDirect: [0, 0, 0, 0, 0], litigationAfterReview: [0, 0, 0, 0, 0] } as Record<string, Cell[]>;
  for (const group of Object.keys(out)) for (let c = 0; c <= GROUP_TOTAL_COLUMN; c++) cells[oversightCellId(group, c)] = { kind: 'oversight', ids: [] };
  for (const o of cases) {
    if (o.filedDate > last) continue;
    const decidedInYear = o.decidedDate !== null && o.decidedDate >= first && o.decidedDate <= last && o.result !== null;
    const pending = o.decidedDate === null || o.decidedDate > last;
    if (!decidedInYear && !pending) continue;
    const group = REVIEW_GROUPS[o.kind];
    const column = decidedInYear ? RESULT_COLUMN[o.result!] : PENDING_COLUMN;
    for (const c of [column, GROUP_TOTAL_COLUMN]) {
      (out[group][c] as number)++;
      cells[oversightCellId(group, c)].ids.push(o.id);
    }
  }
  return out as unknown as AnnualReport['reviewLitigation'];
}

function missingApplications(): AnnualReport['applications']['rows'] {
  return Object.fromEntries(APPLICATION_ROW_KEYS.map((k) => [k, emptyApplicantRow()])) as AnnualReport['applications']['rows'];
}

export function computeReport(input: ComputeInput): ComputedReport {
  const cells: Record<CellId, CellRecords> = {};
  const problems: RecordProblem[] = [];
  const { year, records, proactive, entered } = input;
  const fees = records ? feesPaidIn(year, records.applications, records.tallies ?? []) : null;
  const applications = records ? computeApplications(records, year, cells, problems) : null;
  const report: AnnualReport = {
    schemaVersion: 1,
    body: input.body,
    year,
    format: '2021',
    proactive: {
      rules: proactive ? [...proactive.rules] : [null, null, null],
      normativeDocuments: proactive ? [...proactive.normativeDocuments] : [null, null, null],
      licensing: entered.licensing,
      punishment: entered.punishment,
      enforcement: entered.enforcement,
      feesAmountWanYuan: entered.feesAmountWanYuan,
    },
    applications: {
      columns: [...APPLICANT_COLUMNS],
      rows: applications ? applications.rows : missingApplications(),
    },
    reviewLitigation: records
      ? computeOversight(records.oversight, year, cells)
      : { review: [null, null, null, null, null], litigationDirect: [null, null, null, null, null], litigationAfterReview: [null, null, null, null, null] },
    narrative: input.narrative,
    fees: { amountYuan: fees },
    publishedOn: input.publishedOn ?? null,
  };
  const cellCounts = Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, v.ids.length + (applications?.counts[k] ?? 0)]));
  return { report, cells: records?.tallies ? null : cells, cellCounts, problems };
}

/** The outcome rows, re-exported for callers that list drill-down cells in print order. */
export { OUTCOME_KEYS };
