/**
 * Statistics for the back office: what the caller may read (their subtree; the auditor all), for
 * one year, optionally narrowed to one organization of that scope. Counts only — no applicant's
 * name or request reaches this page, so every business role may see the figures of its scope.
 */
import { AppError } from '../shared/app-error.ts';
import type { AppDeps } from '../shared/deps.ts';
import { shanghaiDate } from '../shared/clock.ts';
import { readableOrgIds, subtreeIds, type Actor } from '../auth/access.rules.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { deadlineContext } from '../applications/case-projection.ts';
import { columnActivity } from '../publishing/monitoring.repository.ts';
import { applicationStatistics, columnFreshness, publishedByUnit } from './statistics.rules.ts';
import { decidedInYear, publishedPerColumn, receivedPerMonth } from './statistics.repository.ts';

export async function statistics({ actor, year, organizationId, deps }: { actor: Actor; year: number; organizationId?: number; deps: AppDeps }) {
  const orgs = await createOrganizationsRepository(deps).list();
  let scope = readableOrgIds(actor, orgs);
  if (organizationId !== undefined) {
    if (!scope.includes(organizationId)) throw new AppError('statistics.forbidden', '您无权查看该单位的统计', 403);
    const under = subtreeIds(orgs, organizationId);
    scope = scope.filter((id) => under.has(id));
  }
  const ids = scope.length ? scope : [-1];
  const ctx = await deadlineContext(deps);
  const [received, decided, published, columns] = await Promise.all([
    receivedPerMonth(deps.db, ids, year),
    decidedInYear(deps.db, ids, year, ctx),
    publishedPerColumn(deps.db, ids, year),
    columnActivity(deps.db, ids),
  ]);
  const nameOf = new Map(orgs.map((o) => [o.id, o.name]));
  const today = shanghaiDate(deps.clock.now());
  return {
    year,
    organizationId: organizationId ?? null,
    scopeName: organizationId !== undefined ? nameOf.get(organizationId)! : null,
    today,
    applications: applicationStatistics(year, received, decided, ctx.calendar),
    published: publishedByUnit(published),
    freshness: columnFreshness(columns.map((c) => ({ ...c, organizationName: nameOf.get(c.organizationId) ?? '' })), today),
  };
}

export type Statistics = Awaited<ReturnType<typeof statistics>>;
