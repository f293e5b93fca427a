/**
 * The report to hand out for a body and year, outside the editing workflow (CLI, exports):
 * the current published version when there is one, otherwise the report computed now from the
 * records with the latest draft's narrative (marked as not published).
 */
import type { AppDeps } from '../shared/deps.ts';
import type { AnnualReport } from './report.model.ts';
import type { Organization } from '../auth/organizations.repository.ts';
import { buildReport } from './report.build.ts';
import { defaultNarrative } from './report.narrative.ts';
import { publishedReport, currentPublishedReports } from './report.published.ts';
import { createReportRepository } from './report.repository.ts';
import { resolveBody, checkYear } from './report.usecases.ts';
import type { ReportSources } from './report.source-wiring.ts';
import type { ReportFinding } from './report.validate.ts';

export interface ReportOutput {
  report: AnnualReport;
  /** `published`: the frozen published version; `computed`: from today's records. */
  origin: 'published' | 'computed';
  findings: ReportFinding[];
  history: AnnualReport[];
}

export async function reportForOutput(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  bodyRef: string | Organization,
  year: number,
  options: { computed?: boolean; sources?: ReportSources } = {},
): Promise<ReportOutput> {
  checkYear(year);
  const body = typeof bodyRef === 'string' ? await resolveBody(deps, bodyRef) : bodyRef;
  const history = (await currentPublishedReports(deps.db, body.id)).filter((r) => r.year !== year);
  if (!options.computed) {
    const published = await publishedReport(deps.db, body.id, year);
    if (published) return { report: published.report, origin: 'published', findings: JSON.parse(published.version.findings ?? '[]'), history };
  }
  const draft = await createReportRepository(deps).latest(body.id, year);
  const built = await buildReport({ deps, sources: options.sources }, body, year, draft?.narrative ?? defaultNarrative());
  return { report: built.report, origin: 'computed', findings: built.findings, history };
}
