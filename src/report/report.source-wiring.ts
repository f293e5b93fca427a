/**
 * Which implementations of the report source contracts (report.sources.ts) the platform uses.
 * The applications feature provides ApplicationsReportSource and publishing provides
 * ProactiveReportSource; a contract nobody provides yet is null, and the figures it would give
 * are then reported as missing (never as 0).
 */
import type { ApplicationsReportSource, ProactiveReportSource } from './report.sources.ts';

export interface ReportSources {
  applications: ApplicationsReportSource | null;
  proactive: ProactiveReportSource | null;
}

export const NO_REPORT_SOURCES: ReportSources = { applications: null, proactive: null };

export function defaultReportSources(): ReportSources {
  return NO_REPORT_SOURCES;
}
