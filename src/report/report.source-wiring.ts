/**
 * Which implementations of the report source contracts (report.sources.ts) the platform uses:
 * the applications feature provides ApplicationsReportSource, publishing provides
 * ProactiveReportSource. A caller may pass others (tests, a body that imports its figures);
 * a contract with no source is null, and the figures it would give are then reported as
 * missing, never as 0.
 */
import type { ApplicationsReportSource, ProactiveReportSource } from './report.sources.ts';
import { applicationsReportSource } from '../applications/applications.report-source.ts';
import { proactiveReportSource } from '../publishing/publishing.report-source.ts';

export interface ReportSources {
  applications: ApplicationsReportSource | null;
  proactive: ProactiveReportSource | null;
}

export const NO_REPORT_SOURCES: ReportSources = { applications: null, proactive: null };

export function defaultReportSources(): ReportSources {
  return { applications: applicationsReportSource, proactive: proactiveReportSource };
}
