/**
 * Who keeps a body's disclosure-office settings (文书设置, 公开指南): the body's administrator, or
 * the clerk who handles its cases (the 公开办). Others may not read them either, except the
 * auditor (need-to-know).
 */
import { AppError } from '../shared/app-error.ts';
import type { AppDeps } from '../shared/deps.ts';
import { canWriteIn, hasRole, type Actor } from '../auth/access.rules.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { canActOnCase, defaultHandlingUnit } from './case-access.ts';

/** The body `organizationId`, if `actor` may read (or, with `write`, change) its `what`. */
export async function officeBody(actor: Actor, organizationId: number, deps: Pick<AppDeps, 'db'>, { write, what }: { write: boolean; what: string }) {
  const orgs = await createOrganizationsRepository(deps).list();
  const body = orgs.find((o) => o.id === organizationId && o.isBody);
  if (!body) throw new AppError('letters.body_not_found', '没有找到该机关', 404);
  const may = canWriteIn(actor, 'admin', body.id, orgs) || canActOnCase(actor, 'case_handler', { organization_id: body.id, unit_id: defaultHandlingUnit(body, orgs) }, orgs);
  if (write && !may) throw new AppError('letters.forbidden', `您无权修改该机关的${what}`, 403);
  if (!write && !may && !hasRole(actor, 'auditor')) throw new AppError('letters.forbidden', `您无权查看该机关的${what}`, 403);
  return { body, mayEdit: may };
}
