/**
 * A body's separation-of-duties rules (approval.rules.ts): read by whoever works its cases or
 * checks them, set by the body's system administrator (not by the handlers the rule binds).
 */
import { AppError } from '../shared/app-error.ts';
import type { AppDeps } from '../shared/deps.ts';
import { isoTimestamp } from '../shared/clock.ts';
import { canWriteIn, hasRole, type Actor } from '../auth/access.rules.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { createAuditRepository } from '../auth/audit.repository.ts';
import { APPROVER_ROLES, isApprovalRule, type ApprovalRules } from './approval.rules.ts';
import { canActOnCase, defaultHandlingUnit } from './case-access.ts';
import { createApprovalsRepository } from './approvals.repository.ts';

async function bodyFor(actor: Actor, organizationId: number, deps: AppDeps) {
  const orgs = await createOrganizationsRepository(deps).list();
  const body = orgs.find((o) => o.id === organizationId && o.isBody);
  if (!body) throw new AppError('approvals.body_not_found', '没有找到该机关', 404);
  const c = { organization_id: body.id, unit_id: defaultHandlingUnit(body, orgs) };
  const canEdit = canWriteIn(actor, 'admin', body.id, orgs);
  const worksHere = ['case_handler', ...APPROVER_ROLES].some((r) => canActOnCase(actor, r as 'case_handler', c, orgs));
  if (!canEdit && !worksHere && !hasRole(actor, 'auditor')) throw new AppError('approvals.forbidden', '您无权查看该机关的审批规则', 403);
  return { body, canEdit };
}

export async function getApprovalRules({ organizationId, actor, deps }: { organizationId: number; actor: Actor; deps: AppDeps }) {
  const { body, canEdit } = await bodyFor(actor, organizationId, deps);
  const rules = await createApprovalsRepository(deps).rulesOf(body.id);
  return { organizationId: body.id, organizationName: body.name, ...rules, approverRoles: APPROVER_ROLES, canEdit };
}

export async function saveApprovalRules({ organizationId, rules, actor, deps }: { organizationId: number; rules: Record<string, unknown>; actor: Actor; deps: AppDeps }) {
  const { body, canEdit } = await bodyFor(actor, organizationId, deps);
  if (!canEdit) throw new AppError('approvals.forbidden', '只有本机关的系统管理员可以修改审批规则', 403);
  if (!isApprovalRule(rules.extension) || !isApprovalRule(rules.decision)) {
    throw new AppError('approvals.invalid_rule', '审批规则只能是“none”（无需他人审批）或“other_person”（须由他人审批）', 400);
  }
  const next: ApprovalRules = { extension: rules.extension, decision: rules.decision };
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await createApprovalsRepository({ db: trx }).save(body.id, next, isoTimestamp(now), actor.username);
    await createAuditRepository({ db: trx }).append({ userId: actor.id, username: actor.username, action: 'approvals.rules', targetType: 'organization', targetId: body.id, detail: next }, now, trx);
  });
  return getApprovalRules({ organizationId, actor, deps });
}
