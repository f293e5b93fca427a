/**
 * Who may see and act on a case. A case belongs to the body applied to and sits with a handling
 * unit; a case handler acts on cases of their organization subtree (either org counts), an
 * approver (reviewer or leader, approval.rules.ts) approves extensions and proposed decisions in
 * their own unit, an auditor reads everything and writes nothing.
 * A case carries the applicant's personal data, so reading it is need-to-know (DESIGN: security):
 * its handlers, the approvers while a request awaits them, and auditors — not publishers or
 * administrators, nor approvers once nothing awaits them.
 */
import { AppError } from '../shared/app-error.ts';
import { canWriteIn, hasRole, subtreeIds, type Actor } from '../auth/access.rules.ts';
import type { Organization } from '../auth/organizations.repository.ts';
import type { Role } from '../auth/roles.ts';
import { APPROVER_ROLES } from './approval.rules.ts';

export interface CaseOrgs {
  organization_id: number;
  unit_id: number;
  /** 1 while an extension awaits an approver. */
  extension_pending?: number;
  /** 1 while a proposed decision awaits an approver. */
  decision_pending?: number;
}

const awaitsApproval = (c: CaseOrgs) => c.extension_pending === 1 || c.decision_pending === 1;

export function canApproveCase(actor: Actor, c: CaseOrgs, orgs: readonly Organization[]): boolean {
  return APPROVER_ROLES.some((r) => canActOnCase(actor, r, c, orgs));
}

export function canReadCase(actor: Actor, c: CaseOrgs, orgs: readonly Organization[]): boolean {
  if (hasRole(actor, 'auditor')) return true;
  if (canActOnCase(actor, 'case_handler', c, orgs)) return true;
  return awaitsApproval(c) && canApproveCase(actor, c, orgs);
}

/**
 * The cases an actor may list, as a filter: every organization for an auditor, a case handler's
 * subtree, or (an approver only) the own unit's cases awaiting an approval; null: none.
 */
export function caseScope(actor: Actor, orgs: readonly Organization[]): { orgIds: number[]; approvalPendingOnly: boolean } | null {
  if (hasRole(actor, 'auditor')) return { orgIds: orgs.map((o) => o.id), approvalPendingOnly: false };
  if (hasRole(actor, 'case_handler')) return { orgIds: [...subtreeIds(orgs, actor.organizationId)], approvalPendingOnly: false };
  if (APPROVER_ROLES.some((r) => hasRole(actor, r))) return { orgIds: [actor.organizationId], approvalPendingOnly: true };
  return null;
}

export function canActOnCase(actor: Actor, role: Role, c: CaseOrgs, orgs: readonly Organization[]): boolean {
  return canWriteIn(actor, role, c.unit_id, orgs) || canWriteIn(actor, role, c.organization_id, orgs);
}

/** 404 for a case the actor may not even see (no existence leak), 403 when seen but not writable. */
export function assertCanAct(actor: Actor, role: Role | readonly Role[], c: CaseOrgs, orgs: readonly Organization[]): void {
  const roles: readonly Role[] = typeof role === 'string' ? [role] : role;
  if (!canReadCase(actor, c, orgs)) throw new AppError('applications.not_found', '没有找到该申请', 404);
  if (!roles.some((role) => canActOnCase(actor, role, c, orgs))) {
    const what = roles.includes('case_handler') ? '办理本案' : '审批本案待审批的事项';
    throw new AppError('applications.forbidden', `您无权${what}`, 403);
  }
}

/**
 * The handling unit a new case starts in: a people's government's applications are handled by
 * its office (政府信息公开工作机构, Art. 4); a department handles its own.
 */
export function defaultHandlingUnit(body: Organization, orgs: readonly Organization[]): number {
  if (body.kind !== 'government') return body.id;
  return orgs.find((o) => o.parentId === body.id && o.kind === 'office' && !o.disabled)?.id ?? body.id;
}

/** The units a case of `body` may be assigned or transferred to: the body and its sub-units. */
export function unitsOfBody(body: Organization, orgs: readonly Organization[]): Organization[] {
  const out = new Set([body.id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const o of orgs) {
      if (o.parentId !== null && out.has(o.parentId) && !out.has(o.id)) {
        out.add(o.id);
        grew = true;
      }
    }
  }
  return orgs.filter((o) => out.has(o.id));
}

/**
 * The bodies a clerk may register an application for: every body (not an office: an office
 * handles its government's cases) whose new cases the actor, as case handler, could act on.
 * A 公开办 clerk thereby sees their people's government; a department clerk their department.
 */
export function intakeBodiesFor(actor: Actor, orgs: readonly Organization[]): Organization[] {
  return orgs.filter(
    (o) =>
      o.isBody &&
      !o.disabled &&
      o.kind !== 'office' &&
      canActOnCase(actor, 'case_handler', { organization_id: o.id, unit_id: defaultHandlingUnit(o, orgs) }, orgs),
  );
}
