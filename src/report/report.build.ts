/**
 * Builds one body's report for one year from the database: records through the source
 * contracts, entered figures and the narrative of a version; then every check. Shared by the
 * API, the CLI, the portal and the benchmark.
 */
import type { AppDeps } from '../shared/deps.ts';
import { shanghaiDate } from '../shared/clock.ts';
import type { Organization } from '../auth/organizations.repository.ts';
import type { AnnualReport } from './report.model.ts';
import type { ProactiveFiguresForReport } from './report.sources.ts';
import { computeReport, type ComputedReport } from './report.compute.ts';
import { checkReport } from './report.checks.ts';
import { composeNarrative, placeholderValues, type NarrativeParts } from './report.narrative.ts';
import { createReportRepository } from './report.repository.ts';
import { defaultReportSources, type ReportSources } from './report.source-wiring.ts';
import type { ReportFinding } from './report.validate.ts';

export interface BuiltReport extends ComputedReport {
  values: Record<string, number | string | null>;
  findings: ReportFinding[];
}

export interface BuildContext {
  deps: Pick<AppDeps, 'db' | 'clock'>;
  sources?: ReportSources;
  /**
   * Keep the ids of the records behind every cell (drill-down, and the frozen copy an approval
   * stores). Without it the source may count most cases in the database (GROUP BY) and `cells`
   * is null: the same figures at a fraction of the cost.
   */
  drillDown?: boolean;
}

/** The report as the records say today (figures only; the narrative filled from `parts`). */
export async function buildReport(
  ctx: BuildContext,
  body: Organization,
  year: number,
  parts: NarrativeParts,
  publishedOn: string | null = null,
): Promise<BuiltReport> {
  const { db } = ctx.deps;
  const sources = ctx.sources ?? defaultReportSources();
  const repo = createReportRepository({ db });
  const [records, registry, stored] = await Promise.all([
    sources.applications ? sources.applications(db, body.id, year, { tally: !ctx.drillDown }) : Promise.resolve(null),
    sources.proactive ? sources.proactive(db, body.id, year) : Promise.resolve(null),
    repo.figures(body.id, year),
  ]);
  const proactive: ProactiveFiguresForReport | null = registry;
  const computed = computeReport({
    body: { code: body.code, name: body.name },
    year,
    records,
    proactive,
    entered: stored,
    narrative: [],
    publishedOn,
  });
  // Registry figures win; a body without the registry enters 第二十条第（一）项 itself.
  if (!registry) {
    if (stored.rules) computed.report.proactive.rules = [...stored.rules];
    if (stored.normativeDocuments) computed.report.proactive.normativeDocuments = [...stored.normativeDocuments];
  }
  const values = placeholderValues(computed.report, proactive);
  computed.report.narrative = composeNarrative(parts, values);
  const previous = await previousReport(ctx, body.id, year);
  const findings = checkReport({
    report: computed.report,
    parts,
    values,
    problems: computed.problems,
    previous,
    kind: body.kind,
    today: shanghaiDate(ctx.deps.clock.now()),
  });
  return { ...computed, values, findings };
}

/** Last year's published report (latest version), for the cross-year checks. */
export async function previousReport(ctx: BuildContext, organizationId: number, year: number): Promise<AnnualReport | null> {
  const v = await createReportRepository({ db: ctx.deps.db }).latestPublished(organizationId, year - 1);
  return v?.model ? (JSON.parse(v.model) as AnnualReport) : null;
}
