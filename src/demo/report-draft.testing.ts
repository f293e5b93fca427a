/**
 * Test helper: the demo dataset publishes 石龙区's 2022 report, so a suite that takes a report
 * through the workflow itself starts from its own draft instead of the demo's. The records behind
 * the figures (applications, oversight cases, items) stay; only the report and its entered
 * section 二 figures of that year go.
 */
import type { AppDeps } from '../shared/deps.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { createReportRepository } from '../report/report.repository.ts';
import { seedNarrative } from './report.seed.ts';

/** Removes the body's report of `year` (every version) and the section 二 figures entered for it. */
export async function withoutDemoReport({ deps, year = 2022, body = 'shilong' }: { deps: Pick<AppDeps, 'db'>; year?: number; body?: string }): Promise<number> {
  const org = await createOrganizationsRepository(deps).byCode(body);
  if (!org) throw new Error(`no demo body ${body}`);
  await deps.db.deleteFrom('report_versions').where('organization_id', '=', org.id).where('year', '=', year).execute();
  await deps.db.deleteFrom('report_figures').where('organization_id', '=', org.id).where('year', '=', year).execute();
  return org.id;
}

/**
 * The demo's 2022 report as it stood before the 公开办 entered section 二: version 1, a draft
 * with the published narrative, no figures entered. Returns the draft's id.
 */
export async function freshDemoDraft({ deps, year = 2022 }: { deps: Pick<AppDeps, 'db' | 'clock'>; year?: number }): Promise<number> {
  const bodyId = await withoutDemoReport({ deps, year });
  const v = await createReportRepository(deps).insert({ organizationId: bodyId, year, version: 1, narrative: seedNarrative(), correctionNote: null, userId: null, at: deps.clock.now().toISOString() });
  return v.id;
}
