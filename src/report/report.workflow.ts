/**
 * The report's workflow and who may act (pure).
 *
 * draft → submitted → approved → published, and submitted → draft when the leader returns it.
 * The 政府信息公开工作机构 prepares the report (Regulations Art. 4(三)): a report_editor of the
 * body itself, or of the body's office (公开办 of a people's government, kind `office`). The
 * leader in charge (分管领导) approves: under 国办公开办函〔2021〕30号 二（四） the leader is the
 * 第一责任人 for the annual report. A published version never changes; a correction is a new
 * version that goes through the same steps and carries a visible note.
 */
import type { Actor, OrgNode } from '../auth/access.rules.ts';
import { hasRole } from '../auth/access.rules.ts';

export type ReportStatus = 'draft' | 'submitted' | 'approved' | 'published';
export type ReportAction = 'edit' | 'submit' | 'return' | 'approve' | 'publish';

export const STATUS_LABELS: Record<ReportStatus, string> = {
  draft: '草稿',
  submitted: '待审批',
  approved: '已审批待发布',
  published: '已发布',
};

const FROM: Record<ReportAction, ReportStatus> = {
  edit: 'draft',
  submit: 'draft',
  return: 'submitted',
  approve: 'submitted',
  publish: 'approved',
};
const TO: Record<Exclude<ReportAction, 'edit'>, ReportStatus> = {
  submit: 'submitted',
  return: 'draft',
  approve: 'approved',
  publish: 'published',
};

export function canTransition(status: ReportStatus, action: ReportAction): boolean {
  return FROM[action] === status;
}

export function nextStatus(action: Exclude<ReportAction, 'edit'>): ReportStatus {
  return TO[action];
}

/** Actions that findings with severity error block. */
export function blockedByErrors(action: ReportAction): boolean {
  return action === 'submit' || action === 'approve';
}

interface OrgWithKind extends OrgNode {
  kind: string;
}

/** The report_editor works for the body, or for its office (the government's 公开办). */
export function canPrepareReport(actor: Actor, bodyId: number, orgs: readonly OrgWithKind[]): boolean {
  if (!hasRole(actor, 'report_editor')) return false;
  if (actor.organizationId === bodyId) return true;
  const own = orgs.find((o) => o.id === actor.organizationId);
  return own?.kind === 'office' && own.parentId === bodyId;
}

/** The leader in charge belongs to the body itself. */
export function canApproveReport(actor: Actor, bodyId: number): boolean {
  return hasRole(actor, 'leader') && actor.organizationId === bodyId;
}

export function mayAct(action: ReportAction, actor: Actor, bodyId: number, orgs: readonly OrgWithKind[]): boolean {
  switch (action) {
    case 'edit':
    case 'submit':
      return canPrepareReport(actor, bodyId, orgs);
    case 'return':
    case 'approve':
      return canApproveReport(actor, bodyId);
    case 'publish':
      return canPrepareReport(actor, bodyId, orgs) || canApproveReport(actor, bodyId);
  }
}
