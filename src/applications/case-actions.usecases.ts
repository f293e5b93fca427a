/**
 * One step on a case (签收, 补正, 征求意见, 延期, 收费, 答复, 送达, 归档 …): the caller names the
 * action and its data; the server fills in what it knows (who approved, the consultation
 * number, the fee from the fee engine), checks the step against the case's state and appends it.
 */
import { AppError } from '../shared/app-error.ts';
import type { AppDeps } from '../shared/deps.ts';
import { isoTimestamp, shanghaiDate } from '../shared/clock.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Actor } from '../auth/access.rules.ts';
import { cachedTree, createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { dialectOf } from '../db/dialect.ts';
import { contentOf, createAuditRepository, type AuditEntry } from '../auth/audit.repository.ts';
import { createUsersRepository, toUser } from '../auth/users.repository.ts';
import type { Role } from '../auth/roles.ts';
import { computeFee } from './fees.rules.ts';
import { EVENT_TYPES, type CaseEvent, type EventData, type EventType } from './applications.events.ts';
import { reduceEvents, type CaseState } from './applications.state.rules.ts';
import { createApplicationsRepository } from './applications.repository.ts';
import type { ApplicationRow } from './applications.table.ts';
import { appendCaseEvents, appendCaseEventsAlone, asCaseConflict, concurrentChange, deadlineContext, deadlineOf, foldsAudit, type AppendResult, type DeadlineContext } from './case-projection.ts';
import { assertCanAct, canActOnCase, canApproveCase, unitsOfBody } from './case-access.ts';
import { isOutcomeKey } from './outcomes.rules.ts';
import { GROUNDS_FOR, replyArticles } from './outcomes.wording.rules.ts';
import { applicantMessages, notifyCaseEvents } from '../notifications/case-notifications.ts';
import { notifiesStaff } from '../notifications/approval-notifications.ts';
import { inTransaction } from '../db/transaction.ts';
import { APPROVAL_ACTIONS, APPROVER_ROLES, approvalRefusal, isApprovalAct, pendingApproval, type ApprovalRules } from './approval.rules.ts';
import { rulesFromRow } from './approvals.repository.ts';
import type { Organization } from '../auth/organizations.repository.ts';
import type { OutboxRow } from '../notifications/notifications.table.ts';

/** Actions taken through this usecase ('submitted' only comes from intake, 'query_code_reset' from the applicant). */
export type CaseAction = Exclude<EventType, 'submitted' | 'query_code_reset'>;
export const CASE_ACTIONS = EVENT_TYPES.filter((t) => t !== 'submitted' && t !== 'query_code_reset') as CaseAction[];

export function isCaseAction(v: unknown): v is CaseAction {
  return typeof v === 'string' && (CASE_ACTIONS as string[]).includes(v);
}

/**
 * The roles that may take `action` on a case in `state`: approvers for approving or returning a
 * request (a proposed decision is decided by approving it), case handlers for everything else.
 */
export function actionRoles(action: string, state: CaseState): readonly Role[] {
  return isApprovalAct(action, state) ? APPROVER_ROLES : ['case_handler'];
}

type Input = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const num = (v: unknown) => (v === undefined || v === null || v === '' ? NaN : Number(v));

interface Context {
  row: ApplicationRow;
  state: CaseState;
  actor: Actor & { user?: { displayName?: string } };
  today: string;
  deps: AppDeps;
}

/** The decision as the handler words it (to decide now, or to propose for approval). */
function decisionContent(input: Input) {
  const outcome = str(input.outcome);
  if (!isOutcomeKey(outcome)) throw new AppError('applications.invalid_input', '答复结果必须是年度报告21种办理结果之一', 400);
  // A 不予公开 row that allows one ground only names it without the clerk choosing.
  const ground = str(input.ground) || (GROUNDS_FOR[outcome]?.length === 1 ? GROUNDS_FOR[outcome]![0] : '') || null;
  const withheldPart = str(input.withheldPart) || null;
  return { outcome, legalBasis: str(input.legalBasis) || replyArticles(outcome, ground), replyText: str(input.replyText), ground, withheldPart };
}

/** Builds the event data from the caller's input plus what the server knows. */
async function buildEvent(action: CaseAction, input: Input, ctx: Context): Promise<CaseEvent> {
  const { state, row, today, deps } = ctx;
  const date = str(input.date) || today;
  const who = ctx.actor.user?.displayName ?? ctx.actor.username;
  switch (action) {
    case 'receipt_confirmed':
      return { type: action, data: { receivedDate: str(input.receivedDate) || today } };
    case 'assigned':
    case 'transferred': {
      const orgs = await createOrganizationsRepository(deps).list();
      const body = orgs.find((o) => o.id === row.organization_id)!;
      const unitId = num(input.unitId ?? (action === 'assigned' ? row.unit_id : undefined));
      if (!unitsOfBody(body, orgs).some((o) => o.id === unitId)) throw new AppError('applications.invalid_input', '承办单位必须是本机关或其下属单位', 400);
      if (action === 'transferred') {
        if (unitId === row.unit_id) throw new AppError('applications.invalid_input', '转办的单位与当前承办单位相同', 400);
        return { type: action, data: { fromUnitId: row.unit_id, toUnitId: unitId, reason: str(input.reason) } };
      }
      const assigneeId = input.assigneeId ? num(input.assigneeId) : null;
      let assigneeName: string | null = null;
      if (assigneeId !== null) {
        const found = await createUsersRepository(deps).byId(assigneeId);
        const user = found ? toUser(found) : null;
        if (!user || user.disabled || !user.roles.includes('case_handler')) throw new AppError('applications.invalid_input', '承办人必须是有效的承办人账号', 400);
        assigneeName = user.displayName;
      }
      return { type: action, data: { unitId, assigneeId, assigneeName } };
    }
    case 'correction_requested':
      return { type: action, data: { date, items: str(input.items), replyBy: str(input.replyBy) } };
    case 'correction_received':
    case 'correction_lapsed':
    case 'fee_lapsed':
    case 'archived':
      return { type: action, data: { date } } as CaseEvent;
    case 'consultation_sent':
      return {
        type: action,
        data: { consultationNo: state.consultations.length + 1, kind: str(input.kind) as 'agency', party: str(input.party), sentDate: str(input.sentDate) || today },
      };
    case 'consultation_replied': {
      const opinion = str(input.opinion);
      if (!['agree', 'disagree', 'other'].includes(opinion)) throw new AppError('applications.invalid_input', '请选择答复意见：同意、不同意或其他意见', 400);
      return { type: action, data: { consultationNo: num(input.consultationNo), repliedDate: str(input.repliedDate) || today, opinion: opinion as 'agree', note: str(input.note) } };
    }
    case 'extension_requested':
      return { type: action, data: { days: num(input.days), reason: str(input.reason) } };
    case 'extension_approved':
      return { type: action, data: { days: input.days === undefined ? (state.extension?.days ?? 0) : num(input.days), approvedDate: date, approverName: who } };
    case 'extension_rejected':
    case 'decision_returned':
      return { type: action, data: { reason: str(input.reason), approverName: who } };
    case 'extension_notified':
      return { type: action, data: { date } };
    case 'later_due_date_set':
      return { type: action, data: { date: str(input.date), reason: str(input.reason) } };
    case 'fee_notice_sent': {
      const method = str(input.method) === 'per-page' ? 'per-page' : 'per-item';
      const noticeReceivedDate = str(input.noticeReceivedDate) || today;
      const repo = createApplicationsRepository(deps);
      const priorItems = method === 'per-item' ? await repo.priorItemsInMonth(row.applicant_key, row.received_date ?? today, row.id) : null;
      const fee =
        method === 'per-item' ? computeFee({ method, priorItems: priorItems!, items: row.item_count }) : computeFee({ method, pages: num(input.pages) });
      return {
        type: action,
        data: { method, amountYuan: fee.amountYuan, priorItems, items: method === 'per-item' ? row.item_count : null, pages: method === 'per-page' ? num(input.pages) : null, noticeReceivedDate, breakdown: fee.breakdown },
      };
    }
    case 'fee_paid':
      return { type: action, data: { date, amountYuan: state.fee?.amountYuan ?? 0 } };
    case 'withdrawn':
      return { type: action, data: { date, reason: str(input.reason) } };
    case 'decided':
      // Approving a proposed decision decides it as proposed, dated the approval date.
      if (state.decisionRequest) return { type: action, data: { ...state.decisionRequest, decisionDate: date, approverName: who, approvedDate: date } };
      return { type: action, data: { ...decisionContent(input), decisionDate: str(input.decisionDate) || today } };
    case 'decision_requested':
      return { type: action, data: decisionContent(input) };
    case 'delivered':
      return { type: action, data: { date, method: str(input.method), note: str(input.note) } };
    case 'reopened':
      return { type: action, data: { date, oversightCaseId: input.oversightCaseId ? num(input.oversightCaseId) : null, reason: str(input.reason) } };
  }
}

export interface ActionRequest {
  caseId: number;
  action: string;
  input: Input;
  /** The case's event count as the caller saw it; when given, a case changed since → 409. */
  expectedEventCount?: number | null;
  actor: Actor & { user?: { displayName?: string } };
  ip?: string | null;
  /** The answer shows the case to the actor: that read of personal data is audited with the action's own writes. */
  answerReads?: boolean;
  deps: AppDeps;
}

/** What the action left: the case's row and events, and what it was checked with (the tree, the body's approval rules). */
type ActionResult = AppendResult & { row: ApplicationRow; orgs: readonly Organization[]; rules: ApprovalRules; readAudited: boolean; messages?: OutboxRow[] };

/**
 * Records one action in its own transaction. Of several clerks acting on one case at once, one
 * wins; the others get 409 (`applications.concurrent_change`, or the state's own refusal).
 */
export async function recordCaseAction(req: ActionRequest): Promise<ActionResult> {
  const { db } = req.deps;
  const prepared = await prepareAction(req, db);
  try {
    if (dialectOf(db) !== 'postgres') return await inTransaction(db, (trx) => applyAction(trx, prepared));
    // PostgreSQL: read and checked before any transaction; one that writes only the case's rows is one statement.
    const checked = await checkAction(db, prepared);
    if (!notifiesStaff(checked.event)) return await writeActionAlone(db, checked);
    return await inTransaction(db, (trx) => writeAction(trx, checked));
  } catch (e) {
    throw asCaseConflict(e);
  }
}

/**
 * The same inside the caller's transaction (an oversight result that reopens a case), so that
 * the caller's writes and this action commit or fail together. The caller maps a unique
 * violation with `asCaseConflict` once its transaction has ended.
 */
export async function recordCaseActionIn(trx: Kysely<Database>, req: ActionRequest): Promise<ActionResult> {
  return applyAction(trx, await prepareAction(req, trx));
}

interface Prepared {
  req: ActionRequest;
  action: CaseAction;
  caseId: number;
  orgs: readonly Organization[];
  /** PostgreSQL: the version of the held tree `orgs`, checked by the case's read (else `orgs` was read for this action). */
  treeVersion?: number;
  now: Date;
  today: string;
  ctx: DeadlineContext;
  /** The applicant's own 补正 answer (recordApplicantCorrection): its event, and writes that commit with it. */
  applicant?: { name: string; event: CaseEvent; alongside: (trx: Kysely<Database>) => Promise<void> };
}

/** What does not change with the case's events: the action, the tree, the calendar. */
async function prepareAction(req: ActionRequest, db: Kysely<Database>): Promise<Prepared> {
  const { deps } = req;
  if (!isCaseAction(req.action)) throw new AppError('applications.unknown_action', `未知的办理操作：${req.action}`, 400);
  const action = req.action;
  // PostgreSQL: the tree this process holds, checked by the case's read.
  const held = dialectOf(db) === 'postgres' ? cachedTree(db) : undefined;
  const orgs = held?.orgs ?? await createOrganizationsRepository({ db }).list();
  const now = deps.clock.now();
  return { req, action, caseId: req.caseId, orgs, treeVersion: held?.version, now, today: shanghaiDate(now), ctx: await deadlineContext({ db, config: deps.config }) };
}

async function applyAction(trx: Kysely<Database>, prepared: Prepared): Promise<ActionResult> {
  return writeAction(trx, await checkAction(trx, prepared));
}

type Checked = Awaited<ReturnType<typeof checkAction>>;

/**
 * The case read and the action checked against it, nothing written: in the action's transaction
 * or, on PostgreSQL, before it (read committed: the read takes no lock either way, and the write
 * goes through only if the case's event count is still the one read).
 */
async function checkAction(trx: Kysely<Database>, prepared: Prepared) {
  let p = prepared;
  const { req, action, today, ctx } = p;
  const { actor, deps } = req;
  const trepo = createApplicationsRepository({ db: trx });
  // The case is read once: the case as it is now, with its events and its body's approval
  // settings (PostgreSQL: in one statement, with the tree's version and its messages).
  const read = await trepo.forAction(p.caseId);
  if (!read) throw new AppError('applications.not_found', '没有找到该申请', 404);
  const { row, events: prior } = read;
  // The held tree changed since (another process, or this one): the checks use the tree as it is.
  const orgs = p.treeVersion !== undefined && read.treeVersion !== p.treeVersion ? await createOrganizationsRepository({ db: trx }).list() : p.orgs;
  p = { ...p, orgs };
  if (!p.applicant) {
    // A first check (404 for a case the actor may not see, 403 without the role); the exact one
    // (does a proposed decision await?) follows. An approver of the case's unit is not turned
    // away here: if another approver was quicker, nothing awaits any more and the state's 409
    // says so (not a 404 for a case they saw).
    const approving = (APPROVAL_ACTIONS.has(action) || action === 'decided') && canApproveCase(actor, row, p.orgs);
    if (!approving) assertCanAct(actor, APPROVAL_ACTIONS.has(action) ? APPROVER_ROLES : ['case_handler'], row, p.orgs);
  }
  if (typeof req.expectedEventCount === 'number' && req.expectedEventCount !== prior.length) throw concurrentChange();
  const state = reduceEvents(prior);
  // The applicant's own 补正 answer is theirs by the query code, not by a staff role.
  if (!p.applicant && !actionRoles(action, state).some((r) => canActOnCase(actor, r, row, p.orgs))) {
    if (action === 'decided' && canApproveCase(actor, row, p.orgs)) throw new AppError('applications.invalid_transition', '没有待审批的答复（可能已由他人审批或退回）', 409);
    throw new AppError('applications.forbidden', '您无权办理本案', 403);
  }
  // The body's separation of duties, read with the case the append is conditional on: a requester cannot
  // approve their own request, however the requests interleave.
  const rules = rulesFromRow(read.settings);
  const refusal = p.applicant ? null : approvalRefusal(action, state, pendingApproval(prior, state, rules), rules, actor.id);
  if (refusal) throw refusal;
  // Inside the transaction every read goes through trx (SQLite has one connection).
  const event = p.applicant?.event ?? await buildEvent(action, req.input, { row, state, actor, today, deps: { ...deps, db: trx } });
  if (event.type === 'fee_lapsed') {
    const due = deadlineOf(ctx, state)?.feePaymentDue;
    if (due && event.data.date <= due) throw new AppError('applications.invalid_transition', `缴费期限 ${due} 尚未届满，不能按逾期未缴费办结`, 409);
  }
  // A step happens today or earlier; only an Art. 35 later due date lies in the future.
  // (An online answer after hours is received on the next working day: its date is the rule's, not a clerk's.)
  const dated = event.type === 'later_due_date_set' || p.applicant ? null : (event.data as { date?: string }).date;
  if (dated && dated > today) throw new AppError('applications.invalid_input', '办理日期不能晚于今天', 400);
  const by = p.applicant ? { id: null, name: p.applicant.name } : { id: actor.id, name: actor.user?.displayName ?? actor.username };
  // The action's audit row and, when the answer shows the case, its read (as
  // auditPersonalDataRead would write it): on PostgreSQL written by the append's own statement.
  const readAudited = !p.applicant && req.answerReads === true;
  const audit: AuditEntry[] = [
    { userId: by.id, username: p.applicant ? null : actor.username, action: `applications.${action}`, targetType: 'application', targetId: row.id, ip: req.ip ?? null, detail: event.data },
    ...(readAudited ? [{ userId: actor.id, username: actor.username, action: 'applications.case_read', targetType: 'application', targetId: row.id, ip: req.ip ?? null, detail: { caseIds: [row.id] } }] : []),
  ];
  return { p, read, row, prior, rules, event, by, audit, readAudited };
}

async function writeAction(trx: Kysely<Database>, c: Checked): Promise<ActionResult> {
  const { p, read, row, prior, rules, event, by, audit, readAudited } = c;
  const { now, ctx } = p;
  const folded = foldsAudit(trx);
  const result = await appendCaseEvents(trx, row, prior, [event], by, isoTimestamp(now), ctx, folded ? audit.map((e) => contentOf(e, now)) : undefined);
  await p.applicant?.alongside(trx);
  const written = await notifyCaseEvents(trx, { row, events: [event], prior, actorId: by.id, dueDate: result.deadline?.dueDate ?? null, at: isoTimestamp(now), siteUrl: p.req.deps.config.siteUrl, orgs: p.orgs });
  if (!folded) for (const entry of audit) await createAuditRepository({ db: trx }).append(entry, now, trx);
  // PostgreSQL read the case's messages with the case: the answer lists them and these without reading them again.
  return { ...result, orgs: p.orgs, rules, readAudited, messages: read.messages && [...read.messages, ...written] };
}

/**
 * PostgreSQL, an action that notifies no staff (most): its events, audit rows, the applicant's
 * messages and the case's projection in one autocommit statement, no transaction around it.
 */
async function writeActionAlone(db: Kysely<Database>, c: Checked): Promise<ActionResult> {
  const { p, read, row, prior, rules, event, by, audit, readAudited } = c;
  const at = isoTimestamp(p.now);
  const tell = (deadline: { dueDate: string | null } | null) => applicantMessages({ row, events: [event], dueDate: deadline?.dueDate ?? null, at, siteUrl: p.req.deps.config.siteUrl, orgs: p.orgs });
  const result = await appendCaseEventsAlone(db, row, prior, [event], by, at, p.ctx, audit.map((e) => contentOf(e, p.now)), tell);
  return { ...result, orgs: p.orgs, rules, readAudited, messages: read.messages && [...read.messages, ...result.messages] };
}

/**
 * The applicant's 补正 answer from the status page, through the same steps as the clerk's
 * 收到补正 (state check, append, re-projected deadline, audit) in one transaction with the
 * caller's writes (the answer's files). The caller has opened the case with the number and
 * code; the receipt date comes from the Art. 31 rule (receipt-date.rules.ts). Of two answers at
 * once one wins; the other gets 409 and nothing of it is kept.
 */
export async function recordApplicantCorrection(req: {
  caseId: number;
  data: EventData['correction_received'];
  applicantName: string;
  alongside: (trx: Kysely<Database>) => Promise<void>;
  ip?: string | null;
  deps: AppDeps;
}): Promise<ActionResult> {
  const { deps } = req;
  const row = await createApplicationsRepository(deps).byId(req.caseId);
  if (!row) throw new AppError('applications.not_found', '没有找到该申请', 404);
  const now = deps.clock.now();
  const applicant = { id: 0, username: '', organizationId: row.organization_id, roles: [] } as Actor;
  const prepared: Prepared = {
    req: { caseId: row.id, action: 'correction_received', input: {}, actor: applicant, ip: req.ip, deps },
    action: 'correction_received', caseId: row.id, orgs: [], now, today: shanghaiDate(now), ctx: await deadlineContext(deps),
    applicant: { name: req.applicantName, event: { type: 'correction_received', data: req.data }, alongside: req.alongside },
  };
  try {
    return await deps.db.transaction().execute((trx) => applyAction(trx, prepared));
  } catch (e) {
    throw asCaseConflict(e);
  }
}
