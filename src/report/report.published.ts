/**
 * Published reports: what the portal's 年报 column lists (every year stays listed, every
 * correction stays visible) and the year-over-year comparison of key figures.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { AnnualReport, Cell } from './report.model.ts';
import { createReportRepository, type ReportVersion } from './report.repository.ts';

export interface PublishedReport {
  version: ReportVersion;
  report: AnnualReport;
  /** Earlier published versions of the same year (corrections superseded them), newest first. */
  earlier: ReportVersion[];
}

export async function listPublished(db: Kysely<Database>, bodyId: number): Promise<ReportVersion[]> {
  return (await createReportRepository({ db }).list(bodyId)).filter((v) => v.status === 'published');
}

/** The current published version of a year (or a given version), with the earlier ones. */
export async function publishedReport(db: Kysely<Database>, bodyId: number, year: number, version?: number): Promise<PublishedReport | null> {
  const all = (await listPublished(db, bodyId)).filter((v) => v.year === year);
  const chosen = version === undefined ? all[0] : all.find((v) => v.version === version);
  if (!chosen?.model) return null;
  return { version: chosen, report: JSON.parse(chosen.model) as AnnualReport, earlier: all.filter((v) => v.version < chosen.version) };
}

/** The current published report of every year, newest first. */
export async function currentPublishedReports(db: Kysely<Database>, bodyId: number): Promise<AnnualReport[]> {
  const seen = new Set<number>();
  const out: AnnualReport[] = [];
  for (const v of await listPublished(db, bodyId)) {
    if (seen.has(v.year) || !v.model) continue;
    seen.add(v.year);
    out.push(JSON.parse(v.model) as AnnualReport);
  }
  return out;
}

export const YEAR_OVER_YEAR_ROWS: { label: string; pick: (r: AnnualReport) => Cell | string }[] = [
  { label: '本年新收政府信息公开申请', pick: (r) => r.applications.rows.newReceived[6] },
  { label: '上年结转政府信息公开申请', pick: (r) => r.applications.rows.carriedOver[6] },
  { label: '予以公开', pick: (r) => r.applications.rows.disclosed[6] },
  { label: '部分公开', pick: (r) => r.applications.rows.partiallyDisclosed[6] },
  { label: '办理结果总计', pick: (r) => r.applications.rows.total[6] },
  { label: '结转下年度继续办理', pick: (r) => r.applications.rows.carriedForward[6] },
  { label: '行政复议总计', pick: (r) => r.reviewLitigation.review[4] },
  { label: '行政诉讼总计', pick: (r) => sumCells(r.reviewLitigation.litigationDirect[4], r.reviewLitigation.litigationAfterReview[4]) },
  { label: '本年制发行政规范性文件', pick: (r) => r.proactive.normativeDocuments[0] },
  { label: '现行有效行政规范性文件', pick: (r) => r.proactive.normativeDocuments[2] },
  { label: '信息处理费（元）', pick: (r) => r.fees.amountYuan },
];

function sumCells(a: Cell, b: Cell): Cell {
  return a === null || b === null ? null : a + b;
}

/** Rows of key figures with one column per year, oldest year first (pure). */
export function yearOverYear(reports: AnnualReport[]): { years: number[]; rows: { label: string; values: (Cell | string)[] }[] } {
  const sorted = [...reports].sort((a, b) => a.year - b.year);
  return {
    years: sorted.map((r) => r.year),
    rows: YEAR_OVER_YEAR_ROWS.map(({ label, pick }) => ({ label, values: sorted.map(pick) })),
  };
}
