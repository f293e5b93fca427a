/**
 * The holiday calendar screen: every stored year's holidays and 调休 days, and saving a year
 * from the State Council notice. Saving is the CLI import's usecase (importHolidaysAndReproject:
 * the whole year replaced, open cases whose due date moves re-projected, one transaction), plus
 * the names as the notice gives them and an audit row, in that same transaction.
 *
 * Who: the system administrator (`admin`) of a root organization. The calendar is the whole
 * platform's, so an administrator of one department must not change every body's due dates.
 */
import { AppError } from '../shared/app-error.ts';
import type { AppDeps } from '../shared/deps.ts';
import { hasRole, isRootOrg, type Actor } from '../auth/access.rules.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { createAuditRepository } from '../auth/audit.repository.ts';
import { importHolidaysAndReproject } from '../applications/case-reprojection.usecases.ts';
import { holidayFormProblems, holidayFormToFile, yearAsForm, type HolidayYearForm, type StoredDay } from './holiday-form.rules.ts';

async function assertCalendarAdmin(actor: Actor, deps: AppDeps): Promise<void> {
  const orgs = await createOrganizationsRepository(deps).list();
  if (!hasRole(actor, 'admin') || !isRootOrg(orgs, actor.organizationId)) {
    throw new AppError('calendar.forbidden', '节假日日历由平台（顶级单位）的系统管理员维护，您无权查看或修改', 403);
  }
}

/** Whom to ask: the enabled system administrators of root organizations (display names). */
export async function calendarMaintainers(deps: AppDeps): Promise<string[]> {
  const orgs = await createOrganizationsRepository(deps).list();
  const roots = orgs.filter((o) => o.parentId === null).map((o) => o.id);
  if (!roots.length) return [];
  const rows = await deps.db.selectFrom('users').select(['display_name', 'roles']).where('organization_id', 'in', roots).where('disabled', '=', 0).execute();
  return rows.filter((r) => (JSON.parse(r.roles) as string[]).includes('admin')).map((r) => r.display_name);
}

export async function listHolidayYears({ actor, deps }: { actor: Actor; deps: AppDeps }) {
  await assertCalendarAdmin(actor, deps);
  const rows = await deps.db.selectFrom('calendar_days').select(['date', 'year', 'kind', 'source', 'name']).orderBy('date').execute();
  const byYear = new Map<number, { source: string; days: StoredDay[] }>();
  for (const r of rows) {
    const y = byYear.get(Number(r.year)) ?? { source: r.source, days: [] };
    y.days.push({ date: r.date, kind: r.kind === 'work' ? 'work' : 'off', name: r.name });
    byYear.set(Number(r.year), y);
  }
  const years = [...byYear.entries()].sort(([a], [b]) => b - a).map(([year, y]) => yearAsForm(year, y.source, y.days));
  const latest = years[0]?.year ?? null;
  return { years, nextYear: latest === null ? null : latest + 1 };
}

export async function saveHolidayYear({ form, actor, ip, deps }: { form: HolidayYearForm; actor: Actor; ip?: string; deps: AppDeps }) {
  await assertCalendarAdmin(actor, deps);
  const problems = holidayFormProblems(form);
  if (problems.length) throw new AppError('calendar.invalid_holiday_data', `节假日安排有误，未作任何修改：${problems.join('；')}`, 400);
  const { file, names } = holidayFormToFile(form);
  const now = deps.clock.now();
  const result = await importHolidaysAndReproject(deps, file, file.source, async (trx, { imported, reprojected }) => {
    for (const [date, name] of names) await trx.updateTable('calendar_days').set({ name }).where('date', '=', date).execute();
    await createAuditRepository({ db: trx }).append(
      { userId: actor.id, username: actor.username, action: 'calendar.year_saved', targetType: 'calendar_year', targetId: form.year, ip: ip ?? null, detail: { ...file, names: Object.fromEntries(names), replaced: imported[0]?.replaced ?? false, reprojectedCases: reprojected } },
      now,
      trx,
    );
  });
  const y = result.imported[0]!;
  return { year: y.year, offDays: y.offDays, workDays: y.workDays, replaced: y.replaced, reprojected: result.reprojected.length };
}
