/**
 * Separation of duties on a case (pure; the admin app imports it too). Art. 33(2) lets a body
 * extend the answer period only "经政府信息公开工作机构负责人同意", and many bodies have every
 * reply signed off (领导签发) before it goes out. Per body, each of the two can require approval
 * by a person other than the one who asks:
 *
 * - `extension`: `other_person` (default) — an approver other than the handler who asked
 *   approves or returns the request; `none` — any approver, the asking handler included if they
 *   hold an approver role (the approver is recorded and named on the letter either way).
 * - `decision`: `none` (default) — the handler decides; `other_person` — the handler proposes
 *   the decision (提请审批答复) and an approver other than them approves (it is then decided,
 *   dated the approval date) or returns it.
 *
 * Approvers are the holders of `reviewer` (审核人, the 工作机构's head in the role table) or
 * `leader` (分管领导) in the case's body or handling unit. The person who asked is the one who
 * recorded the request event (its actor), not a name typed into a form.
 */
import { AppError } from '../shared/app-error.ts';
import type { Role } from '../auth/roles.ts';
import type { StoredEvent } from './applications.events.ts';
import type { CaseState } from './applications.state.rules.ts';

export type ApprovalRule = 'none' | 'other_person';
export const APPROVAL_RULES: readonly ApprovalRule[] = ['none', 'other_person'];

export interface ApprovalRules {
  extension: ApprovalRule;
  decision: ApprovalRule;
}

export const DEFAULT_APPROVAL_RULES: ApprovalRules = { extension: 'other_person', decision: 'none' };

export const APPROVAL_RULE_LABELS: Record<keyof ApprovalRules, Record<ApprovalRule, string>> = {
  extension: { other_person: '须由申请人以外的审批人批准', none: '审批人批准即可（可为申请人本人）' },
  decision: { other_person: '承办人提请审批，须由承办人以外的审批人批准', none: '承办人直接作出答复' },
};

/** The roles whose holders approve or return extensions and proposed decisions. */
export const APPROVER_ROLES: readonly Role[] = ['reviewer', 'leader'];

export function isApprovalRule(v: unknown): v is ApprovalRule {
  return typeof v === 'string' && (APPROVAL_RULES as readonly string[]).includes(v);
}

export interface PendingApproval {
  kind: 'extension' | 'decision';
  requestedById: number | null;
  requestedBy: string | null;
  requestedAt: string;
  /** What awaits approval, in words for the case page. */
  summary: string;
  /** Whether this body requires someone other than the requester to approve. */
  otherPersonRequired: boolean;
}

/** The request awaiting an approver, with who asked (the request event's actor), or null. */
export function pendingApproval(events: readonly StoredEvent[], state: CaseState, rules: ApprovalRules): PendingApproval | null {
  const kind = state.extension?.status === 'pending' ? 'extension' : state.decisionRequest ? 'decision' : null;
  if (!kind) return null;
  const type = kind === 'extension' ? 'extension_requested' : 'decision_requested';
  const asked = [...events].reverse().find((e) => e.type === type);
  const summary = kind === 'extension' ? `延长答复期限 ${state.extension!.days} 个工作日：${state.extension!.reason}` : `拟作出答复（${state.decisionRequest!.legalBasis}）`;
  return {
    kind,
    requestedById: asked?.actorId ?? null,
    requestedBy: asked?.actorName ?? null,
    requestedAt: asked?.at ?? '',
    summary,
    otherPersonRequired: rules[kind] === 'other_person',
  };
}

/** The actions that approve or return a pending request. */
export const APPROVAL_ACTIONS = new Set(['extension_approved', 'extension_rejected', 'decision_returned']);

/** Whether `action` on a case in `state` is an approver's act (a proposed decision is decided by approving it). */
export function isApprovalAct(action: string, state: CaseState): boolean {
  return APPROVAL_ACTIONS.has(action) || (action === 'decided' && state.decisionRequest !== null);
}

/**
 * Why `actorId` may not take `action` under the body's rules, as the error to send, or null.
 * The requester never approves their own request where another person is required (403), and a
 * body that requires approval of decisions refuses a decision not proposed first (409).
 */
export function approvalRefusal(action: string, state: CaseState, pending: PendingApproval | null, rules: ApprovalRules, actorId: number): AppError | null {
  if (action === 'decided' && !state.decisionRequest && rules.decision === 'other_person') {
    return new AppError('applications.approval_required', '本机关规定答复须经承办人以外的审批人批准：请先“提请审批答复”', 409);
  }
  if (isApprovalAct(action, state) && pending?.otherPersonRequired && pending.requestedById === actorId) {
    const what = pending.kind === 'extension' ? '延期申请' : '答复';
    return new AppError('applications.self_approval', `您不能审批自己提请的${what}：本机关规定须由提请人以外的审批人审批`, 403);
  }
  return null;
}
