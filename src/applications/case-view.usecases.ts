/**
 * Reading cases: the staff case page (timeline, due-date explanation, allowed actions), the work
 * lists (due soon, overdue, awaiting me) and the applicant's status lookup by tracking number and
 * query code.
 */
import { AppError } from '../shared/app-error.ts';
import type { AppDeps } from '../shared/deps.ts';
import { shanghaiDate } from '../shared/clock.ts';
import { hasRole, isRootOrg, readableOrgIds as readableIn, scopeFilter, subtreeIds, type Actor } from '../auth/access.rules.ts';
import { calendarMaintainers } from '../calendar/calendar-admin.usecases.ts';
import { createAuditRepository } from '../auth/audit.repository.ts';
import { createOrganizationsRepository, type Organization } from '../auth/organizations.repository.ts';
import { addCalendarDays } from '../calendar/calendar-dates.ts';
import { allowedActions, reduceEvents } from './applications.state.rules.ts';
import { createApplicationsRepository, type CaseListFilter } from './applications.repository.ts';
import { calendarFor, deadlineContext, deadlineOf } from './case-projection.ts';
import { canActOnCase, canReadCase, caseScope, unitsOfBody } from './case-access.ts';
import { actionRoles } from './case-actions.usecases.ts';
import { createApprovalsRepository } from './approvals.repository.ts';
import { APPROVER_ROLES, approvalRefusal, pendingApproval, type ApprovalRules } from './approval.rules.ts';
import type { ApplicationRow } from './applications.table.ts';
import type { StoredEvent } from './applications.events.ts';
import { caseListItem, publicStatus, timeline } from './applications.presenters.ts';
import { applicantDocuments, caseByCode } from './applicant.usecases.ts';
import { OUTCOME_KEYS } from '../report/report.model.ts';
import { OUTCOME_WORDING } from './outcomes.wording.rules.ts';
import { createOutboxRepository, messageView } from '../notifications/outbox.repository.ts';
import type { OutboxRow } from '../notifications/notifications.table.ts';
import { MESSAGE_KIND_LABELS, MESSAGE_STATUS_LABELS } from '../notifications/applicant-messages.rules.ts';

/** Organizations whose records the actor may read (all for an auditor). */
export function readableOrgIds(actor: Actor, orgs: readonly Organization[]): number[] {
  return readableIn(actor, orgs);
}

/** Every read of applicants' personal data leaves a row: who, when, which cases (等保 8.1.4.3). */
export async function auditPersonalDataRead(deps: AppDeps, actor: Actor, action: string, caseIds: number[], ip?: string): Promise<void> {
  if (caseIds.length === 0) return;
  await createAuditRepository(deps).append(
    { userId: actor.id, username: actor.username, action, targetType: 'application', targetId: caseIds.length === 1 ? caseIds[0] : null, ip: ip ?? null, detail: { caseIds } },
    deps.clock.now(),
  );
}

/** The case list filter that keeps to the actor's need-to-know (case-access.caseScope). */
function scopedFilter(actor: Actor, orgs: readonly Organization[], filter: CaseListFilter): CaseListFilter | null {
  const scope = caseScope(actor, orgs);
  if (!scope) return null;
  return { ...filter, visibleOrgIds: scopeFilter(scope.orgIds, orgs), ...(scope.approvalPendingOnly && { approvalPending: true }) };
}

/** What a case action's transaction left (its commit's state): the answer to it reads nothing of it again. */
export interface CaseAsActed {
  row: ApplicationRow;
  events: StoredEvent[];
  orgs: readonly Organization[];
  rules: ApprovalRules;
  /** The answer's read of the case was audited in the action's transaction. */
  readAudited?: boolean;
  /** The applicant's messages as the action's transaction left them (PostgreSQL), else read. */
  messages?: OutboxRow[];
}

/**
 * `justActed`: the actor's action on this case was just allowed (the answer to it, not a new
 * read); given what that action's transaction left, the case, its events, the tree and the
 * body's approval rules are not read again (four round trips fewer per action).
 */
export async function getCase({ caseId, actor, ip, deps, justActed = false, acted }: { caseId: number; actor: Actor; ip?: string; deps: AppDeps; justActed?: boolean; acted?: CaseAsActed }) {
  const repo = createApplicationsRepository(deps);
  const row = acted ? acted.row : await repo.byId(caseId);
  const orgs = acted ? acted.orgs : await createOrganizationsRepository(deps).list();
  if (!row || (!justActed && !canReadCase(actor, row, orgs))) throw new AppError('applications.not_found', '没有找到该申请', 404);
  if (!acted?.readAudited) await auditPersonalDataRead(deps, actor, 'applications.case_read', [row.id], ip);
  const events = acted ? acted.events : await repo.events(row.id);
  const state = reduceEvents(events);
  const deadline = deadlineOf(await deadlineContext(deps), state);
  const rules = acted ? acted.rules : await createApprovalsRepository(deps).rulesOf(row.organization_id);
  const pending = pendingApproval(events, state, rules);
  // A button only for who may press it: the right role, and not the requester's own approval.
  const actions = allowedActions(state).filter(
    (a) =>
      actionRoles(a, state).some((r) => canActOnCase(actor, r, row, orgs)) &&
      !approvalRefusal(a, state, pending, rules, actor.id) &&
      (a !== 'decision_requested' || rules.decision === 'other_person'),
  );
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  const name = (id: number) => names.get(id) ?? '';
  const body = orgs.find((o) => o.id === row.organization_id)!;
  return {
    ...caseListItem(row, name(row.unit_id)),
    organizationName: name(row.organization_id),
    applicantIdKind: row.applicant_id_kind,
    contactPerson: row.contact_person,
    phone: row.phone,
    email: row.email,
    address: row.address,
    postcode: row.postcode,
    documentNo: row.request_document_no,
    purpose: row.purpose,
    formWanted: row.form_wanted,
    deliveryWanted: row.delivery_wanted,
    itemCount: row.item_count,
    eventCount: events.length,
    state,
    deadline,
    timeline: timeline(events),
    allowedActions: actions,
    approval: { rules: { extension: rules.extension, decision: rules.decision }, pending, approverRoles: APPROVER_ROLES },
    // A due date counted on a year without holiday data: where to enter it, or whom to ask.
    calendarHelp: deadline?.warnings.some((w) => w.code === 'calendar.year_without_data')
      ? { canEdit: hasRole(actor, 'admin') && isRootOrg(orgs, actor.organizationId), maintainers: await calendarMaintainers(deps) }
      : null,
    units: unitsOfBody(body, orgs).map((o) => ({ id: o.id, name: o.name })),
    outcomeBasis: Object.fromEntries(OUTCOME_KEYS.map((k) => [k, OUTCOME_WORDING[k].articles])),
    // Every message sent (or that could not be sent) to the applicant about this case.
    messages: (acted?.messages ?? (await createOutboxRepository(deps).forCase(row.id))).map((m) => messageView(m, { kind: MESSAGE_KIND_LABELS, status: MESSAGE_STATUS_LABELS })),
  };
}

export async function listCases({ filter, actor, ip, deps, auditAction = 'applications.list_read' }: { filter: CaseListFilter; actor: Actor; ip?: string; deps: AppDeps; auditAction?: string }) {
  const orgs = await createOrganizationsRepository(deps).list();
  const scoped = scopedFilter(actor, orgs, filter);
  if (!scoped) return { total: 0, totalCapped: false, items: [] };
  const { rows, total, totalCapped } = await createApplicationsRepository(deps).list(scoped);
  await auditPersonalDataRead(deps, actor, auditAction, rows.map((r) => r.id), ip);
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  const name = (id: number) => names.get(id) ?? '';
  return { total, totalCapped, items: rows.map((r) => caseListItem(r, name(r.unit_id))) };
}

/** 工作台: overdue, due within `days` calendar days, and cases waiting for this user. */
export async function workbench({ actor, ip, deps, days = 5 }: { actor: Actor; ip?: string; deps: AppDeps; days?: number }) {
  const orgs = await createOrganizationsRepository(deps).list();
  const scope = caseScope(actor, orgs);
  const readable = scope ? scopeFilter(scope.orgIds, orgs) : [];
  const pendingOnly = scope?.approvalPendingOnly ? { approvalPending: true } : {};
  const repo = createApplicationsRepository(deps);
  const today = shanghaiDate(deps.clock.now());
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  const name = (id: number) => names.get(id) ?? '';
  // Working days left until the due date (0 = due today), negative when overdue by that many.
  const reader = (await calendarFor(deps.db)).reader();
  const withDaysLeft = (c: ReturnType<typeof caseListItem>) => ({
    ...c,
    workingDaysLeft: !c.dueDate ? null : c.dueDate >= today ? reader.workingDaysBetween(today, c.dueDate) : -reader.workingDaysBetween(c.dueDate, today),
  });
  const item = (x: Parameters<typeof caseListItem>[0]) => withDaysLeft(caseListItem(x, name(x.unit_id)));
  const map = (r: { rows: Parameters<typeof caseListItem>[0][] }) => r.rows.map(item);
  const overdue = await repo.list({ ...pendingOnly, visibleOrgIds: readable, open: true, dueBefore: today, limit: 100 });
  const dueSoon = await repo.list({ ...pendingOnly, visibleOrgIds: readable, open: true, dueOnOrAfter: today, dueBefore: addCalendarDays(today, days + 1), limit: 100 });
  const mine = await repo.list({ ...pendingOnly, visibleOrgIds: readable, open: true, assigneeId: actor.id, limit: 100 });
  const unconfirmed = await repo.list({ ...pendingOnly, visibleOrgIds: readable, status: ['submitted'], limit: 100 });
  const own = subtreeIds(orgs, actor.organizationId);
  const approvals = APPROVER_ROLES.some((r) => actor.roles.includes(r))
    ? (await repo.list({ visibleOrgIds: readable, approvalPending: true, limit: 100 })).rows.filter((r) => own.has(r.unit_id) || own.has(r.organization_id))
    : [];
  const seen = [...overdue.rows, ...dueSoon.rows, ...mine.rows, ...unconfirmed.rows, ...approvals].map((r) => r.id);
  await auditPersonalDataRead(deps, actor, 'applications.workbench_read', [...new Set(seen)], ip);
  return {
    today,
    overdue: map(overdue),
    dueSoon: map(dueSoon),
    awaitingMe: [...map(mine), ...map(unconfirmed), ...approvals.map(item)].filter(
      (c, i, all) => all.findIndex((d) => d.id === c.id) === i,
    ),
  };
}

/** The applicant's view. Unknown number and wrong code get the same answer. */
export async function lookupStatus({ trackingNumber, queryCode, deps }: { trackingNumber: string; queryCode: string; deps: AppDeps }) {
  const row = await caseByCode({ trackingNumber, queryCode, deps });
  const events = await createApplicationsRepository(deps).events(row.id);
  const state = reduceEvents(events);
  const status = publicStatus(row, state, events, deadlineOf(await deadlineContext(deps), state));
  return { ...status, documents: await applicantDocuments(deps, row, state.decision !== null) };
}
