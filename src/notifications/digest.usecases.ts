/**
 * What waits for each staff member today, by the same rules that let them act: drafts they may
 * review, extensions and proposed decisions they may approve (reviewers and leaders of the case's
 * body or unit, never the person who asked), reports they may approve (leaders), open cases they handle
 * that are due within 3 working days or overdue (the assignee's, or every handler's of the unit
 * while unassigned), and mailbox letters they may answer. Feeds the daily reminders and the digest.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { canWriteIn } from '../auth/access.rules.ts';
import type { Organization } from '../auth/organizations.repository.ts';
import type { CalendarReader } from '../calendar/calendar.rules.ts';
import { canActOnCase, canApproveCase } from '../applications/case-access.ts';
import { OPEN_STATUSES } from '../applications/applications.repository.ts';
import { mayReply } from '../publishing/mailbox.rules.ts';
import type { StaffUser } from './staff-notifications.repository.ts';

/** "Due soon": the due date is at most this many working days after today. */
export const DUE_SOON_WORKING_DAYS = 3;

export interface CaseRef {
  id: number;
  trackingNumber: string;
  dueDate: string;
  /** Working days from today to the due date (0: due today); negative when overdue. */
  workingDaysLeft: number;
}

export interface WaitingWork {
  drafts: Array<{ id: number; title: string }>;
  /** Extensions (延期) and proposed decisions (提请审批答复) awaiting an approver. */
  approvals: Array<{ id: number; trackingNumber: string; kind: 'extension' | 'decision' }>;
  reports: Array<{ id: number; year: number; bodyName: string }>;
  dueSoon: CaseRef[];
  overdue: CaseRef[];
  letters: Array<{ id: number; subject: string; createdAt: string }>;
}

type Part = keyof WaitingWork;

export async function waitingWork(
  db: Kysely<Database>,
  users: StaffUser[],
  orgs: readonly Organization[],
  calendar: CalendarReader,
  today: string,
  options: { only?: Part[] } = {},
): Promise<Map<number, WaitingWork>> {
  const want = (p: Part) => !options.only || options.only.includes(p);
  const horizon = calendar.addWorkingDays(today, DUE_SOON_WORKING_DAYS);
  const cases = want('dueSoon') || want('overdue')
    ? await db.selectFrom('applications').select(['id', 'tracking_number', 'due_date', 'organization_id', 'unit_id', 'assignee_id']).where('status', 'in', OPEN_STATUSES).where('due_date', 'is not', null).where('due_date', '<=', horizon).orderBy('due_date').execute()
    : [];
  const approvals = want('approvals') ? await pendingApprovals(db) : [];
  const drafts = want('drafts') ? await db.selectFrom('publishing_items').select(['id', 'title', 'organization_id']).where('status', '=', 'submitted').orderBy('id').execute() : [];
  const reports = want('reports') ? await db.selectFrom('report_versions').select(['id', 'year', 'organization_id']).where('status', '=', 'submitted').orderBy('id').execute() : [];
  const letters = want('letters')
    ? await db.selectFrom('publishing_mailbox_letters as l').leftJoin('mailbox_handling as h', 'h.letter_id', 'l.id')
      .select(['l.id', 'l.subject', 'l.created_at', 'l.organization_id', 'l.status', 'h.unit_id', 'h.publish_status', 'h.publish_requested_by_id', 'h.transferred_from_unit_id'])
      .where('l.status', '=', 'received').orderBy('l.id').execute()
    : [];
  const out = new Map<number, WaitingWork>();
  for (const u of users) {
    const w: WaitingWork = { drafts: [], approvals: [], reports: [], dueSoon: [], overdue: [], letters: [] };
    for (const c of cases) {
      if (!canActOnCase(u, 'case_handler', c, orgs) || (c.assignee_id !== null && c.assignee_id !== u.id)) continue;
      const due = c.due_date!;
      const left = due >= today ? calendar.workingDaysBetween(today, due) : -calendar.workingDaysBetween(due, today);
      (due < today ? w.overdue : w.dueSoon).push({ id: c.id, trackingNumber: c.tracking_number, dueDate: due, workingDaysLeft: left });
    }
    for (const c of approvals) if (c.askedById !== u.id && canApproveCase(u, c, orgs)) w.approvals.push({ id: c.id, trackingNumber: c.tracking_number, kind: c.kind });
    for (const d of drafts) if (canWriteIn(u, 'reviewer', d.organization_id, orgs)) w.drafts.push({ id: d.id, title: d.title });
    for (const r of reports) if (canWriteIn(u, 'leader', r.organization_id, orgs)) w.reports.push({ id: r.id, year: r.year, bodyName: orgs.find((o) => o.id === r.organization_id)?.name ?? '' });
    for (const l of letters) if (mayReply(u, l, orgs)) w.letters.push({ id: l.id, subject: l.subject, createdAt: l.created_at });
    if (Object.values(w).some((list) => list.length)) out.set(u.id, w);
  }
  return out;
}

/** Cases whose extension or proposed decision awaits an approver, with who asked (the request's actor). */
async function pendingApprovals(db: Kysely<Database>) {
  const cases = await db.selectFrom('applications')
    .select(['id', 'tracking_number', 'organization_id', 'unit_id', 'extension_pending', 'decision_pending'])
    .where((eb) => eb.or([eb('extension_pending', '=', 1), eb('decision_pending', '=', 1)]))
    .orderBy('id').execute();
  if (!cases.length) return [];
  const requests = await db.selectFrom('application_events').select(['application_id', 'type', 'actor_id'])
    .where('application_id', 'in', cases.map((c) => c.id))
    .where('type', 'in', ['extension_requested', 'decision_requested'])
    .orderBy('application_id').orderBy('seq').execute();
  const askedBy = new Map<string, number | null>();
  for (const r of requests) askedBy.set(`${r.application_id}:${r.type}`, r.actor_id); // the latest request wins
  return cases.map((c) => {
    const kind = c.extension_pending === 1 ? 'extension' as const : 'decision' as const;
    return { ...c, kind, askedById: askedBy.get(`${c.id}:${kind}_requested`) ?? null };
  });
}

/** The digest's text, or null when nothing waits. */
export function digestText(name: string, w: WaitingWork, today: string, siteUrl: string): string | null {
  const sections: string[] = [];
  const section = (title: string, lines: string[]) => {
    if (lines.length) sections.push(`${title}（${lines.length}）\n${lines.map((l) => `  · ${l}`).join('\n')}`);
  };
  section('已超期的申请', w.overdue.map((c) => `${c.trackingNumber}，应于 ${c.dueDate} 前答复`));
  section(`${DUE_SOON_WORKING_DAYS} 个工作日内到期的申请`, w.dueSoon.map((c) => `${c.trackingNumber}，${c.dueDate} 前答复（还剩 ${c.workingDaysLeft} 个工作日）`));
  section('待审批的延期和答复', w.approvals.map((c) => `${c.trackingNumber}（${c.kind === 'extension' ? '延期答复' : '拟作出的答复'}）`));
  section('待审核的稿件', w.drafts.map((d) => d.title));
  section('待审批的年度报告', w.reports.map((r) => `${r.bodyName} ${r.year} 年度报告`));
  section('待答复的来信', w.letters.map((l) => `${l.subject}（${l.createdAt.slice(0, 10)} 来信）`));
  if (!sections.length) return null;
  return `${name}：\n\n截至 ${today}，您有以下待办事项：\n\n${sections.join('\n\n')}\n\n请登录 ${siteUrl}/admin/ 办理。\n\n（本邮件由系统每日自动发送；可在后台「通知」页关闭。）`;
}
