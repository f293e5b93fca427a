/**
 * Staff notifications of the approvals on a case (approval.rules.ts): a request (延期 or 提请审批答复)
 * goes to the approvers who may act on it — reviewers and leaders of the case's body or handling
 * unit — but never to the person who asked; the answer (批准 or 退回) goes back to that person,
 * unless they answered it themselves. Written in the transaction of the case event.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { CaseEvent, StoredEvent } from '../applications/applications.events.ts';
import type { ApplicationRow } from '../applications/applications.table.ts';
import { canActOnCase } from '../applications/case-access.ts';
import { APPROVER_ROLES } from '../applications/approval.rules.ts';
import { outcomeLabel } from '../applications/outcomes.rules.ts';
import type { Organization } from '../auth/organizations.repository.ts';
import { createStaffNotificationsRepository, type NewStaffNotification } from './staff-notifications.repository.ts';

export interface ApprovalEventInput {
  row: ApplicationRow;
  event: CaseEvent;
  /** The case's events before this one (to find who asked). */
  prior: readonly StoredEvent[];
  /** Who recorded the event (null: the applicant or the system). */
  actorId: number | null;
  orgs: readonly Organization[];
  at: string;
}

/** The notification for the approvers of a new request, or null when the event is none. */
function requestNotice(row: ApplicationRow, e: CaseEvent, at: string): NewStaffNotification | null {
  const link = `/applications?case=${row.id}`;
  if (e.type === 'extension_requested') return { kind: 'extension_approval', title: `延期申请待审批：${row.tracking_number}（${e.data.days} 个工作日）`, link, dedupeKey: `extension:${row.id}:${at}` };
  if (e.type === 'decision_requested') return { kind: 'decision_approval', title: `答复待审批：${row.tracking_number}（${outcomeLabel(e.data.outcome)}）`, link, dedupeKey: `decision:${row.id}:${at}` };
  return null;
}

/** The answer to a request, for the person who asked: the request's type and the notification. */
function answerNotice(row: ApplicationRow, e: CaseEvent, at: string): { asked: 'extension_requested' | 'decision_requested'; n: NewStaffNotification } | null {
  const tn = row.tracking_number;
  const n = (kind: string, title: string) => ({ kind, title, link: `/applications?case=${row.id}`, dedupeKey: `${kind}:${row.id}:${at}` });
  switch (e.type) {
    case 'extension_approved':
      return { asked: 'extension_requested', n: n('extension_approved', `延期申请已批准：${tn}（${e.data.days} 个工作日，${e.data.approverName}）`) };
    case 'extension_rejected':
      return { asked: 'extension_requested', n: n('extension_returned', `延期申请被退回：${tn}（${e.data.approverName}：${e.data.reason}）`) };
    case 'decided':
      // Only a decision that was proposed is an approval; a handler deciding directly asked nobody.
      return e.data.approverName ? { asked: 'decision_requested', n: n('decision_approved', `答复已批准：${tn}（${e.data.approverName}）`) } : null;
    case 'decision_returned':
      return { asked: 'decision_requested', n: n('decision_returned', `答复被退回：${tn}（${e.data.approverName}：${e.data.reason}）`) };
    default:
      return null;
  }
}

/** Whether `event` notifies staff at all (a request for approval or its answer); pure. */
export function notifiesStaff(event: CaseEvent): boolean {
  const row = { id: 0, tracking_number: '' } as ApplicationRow;
  return requestNotice(row, event, '') !== null || answerNotice(row, event, '') !== null;
}

export async function notifyApprovalEvent(trx: Kysely<Database>, input: ApprovalEventInput): Promise<void> {
  const { row, event, actorId, orgs, at } = input;
  const staff = createStaffNotificationsRepository({ db: trx });
  const request = requestNotice(row, event, at);
  if (request) {
    const approvers = (await staff.usersWithRoles([...APPROVER_ROLES])).filter((u) => u.id !== actorId && APPROVER_ROLES.some((r) => canActOnCase(u, r, row, orgs)));
    await staff.add(approvers.map((u) => u.id), request, at);
    return;
  }
  const answer = answerNotice(row, event, at);
  if (!answer) return;
  const asker = [...input.prior].reverse().find((e) => e.type === answer.asked)?.actorId ?? null;
  if (asker !== null && asker !== actorId) await staff.add([asker], answer.n, at);
}
