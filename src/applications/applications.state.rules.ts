/**
 * The state of a disclosure application, derived from its events by a pure reducer, and the
 * rules of which step may follow which. `checkEvent` refuses an impossible step with a 409 and a
 * Chinese reason; `allowedActions` lists the steps the case page offers as buttons.
 */
import { groundProblem } from './outcomes.wording.rules.ts';
import { AppError } from '../shared/app-error.ts';
import type { OutcomeKey } from '../report/report.model.ts';
import type { DeadlineTimeline } from './deadline.rules.ts';
import type { CaseEvent, Channel, EventData, EventType } from './applications.events.ts';
import { MAX_EXTENSION_WORKING_DAYS } from './applications.config.ts';
import { OUTCOME_LEGAL_BASIS, OUTCOMES_BY_EVENT_ONLY, isOutcomeKey } from './outcomes.rules.ts';

export type CaseStatus =
  | 'submitted'
  | 'in_progress'
  | 'awaiting_correction'
  | 'consulting'
  | 'awaiting_fee'
  | 'decided'
  | 'delivered'
  | 'archived';

export const STATUS_LABELS: Record<CaseStatus, string> = {
  submitted: '待确认收到',
  in_progress: '办理中',
  awaiting_correction: '待申请人补正',
  consulting: '征求意见中',
  awaiting_fee: '待缴纳信息处理费',
  decided: '已答复',
  delivered: '已送达',
  archived: '已归档',
};

export interface ConsultationState {
  no: number;
  kind: 'third-party' | 'agency';
  party: string;
  sent: string;
  replied: string | null;
  opinion: 'agree' | 'disagree' | 'other' | null;
}

export interface CaseState {
  status: CaseStatus;
  channel: Channel | null;
  submittedDate: string | null;
  /** Art. 31 receipt date of the application (the report's 收到日期); never moved. */
  receivedDate: string | null;
  /** Day zero of the current answer period: the receipt date, or the reopening date. */
  clockStart: string | null;
  unitId: number | null;
  assigneeId: number | null;
  correction: { requested: string; items: string; replyBy: string; received: string | null } | null;
  consultations: ConsultationState[];
  extension: { days: number; reason: string; status: 'pending' | 'approved' | 'rejected'; approvedDate: string | null; approverName?: string | null; notified: string | null } | null;
  laterDueDate: { date: string; reason: string } | null;
  fee: { amountYuan: number; noticeReceived: string; paid: string | null } | null;
  decision: { outcome: OutcomeKey; date: string; legalBasis: string; replyText: string; ground?: string | null; withheldPart?: string | null; approverName?: string | null; approvedDate?: string | null } | null;
  /** A decision the handler proposed, awaiting an approver (approval.rules.ts). */
  decisionRequest: EventData['decision_requested'] | null;
  delivered: { date: string; method: string } | null;
  archived: string | null;
}

export function initialState(): CaseState {
  return {
    status: 'submitted',
    channel: null,
    submittedDate: null,
    receivedDate: null,
    clockStart: null,
    unitId: null,
    assigneeId: null,
    correction: null,
    consultations: [],
    extension: null,
    laterDueDate: null,
    fee: null,
    decision: null,
    decisionRequest: null,
    delivered: null,
    archived: null,
  };
}

const refuse = (message: string) => new AppError('applications.invalid_transition', message, 409);
const bad = (message: string) => new AppError('applications.invalid_input', message, 400);

function statusOf(s: CaseState): CaseStatus {
  if (s.archived) return 'archived';
  if (s.delivered) return 'delivered';
  if (s.decision) return 'decided';
  if (!s.receivedDate) return 'submitted';
  if (s.correction && !s.correction.received) return 'awaiting_correction';
  if (s.fee && !s.fee.paid) return 'awaiting_fee';
  if (s.consultations.some((c) => !c.replied)) return 'consulting';
  return 'in_progress';
}

const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

function needDate(v: unknown, label: string, notBefore?: string | null, beforeLabel?: string): void {
  if (!isDate(v)) throw bad(`${label}必须是 YYYY-MM-DD 格式的日期`);
  if (notBefore && v < notBefore) throw bad(`${label}（${v}）不能早于${beforeLabel}（${notBefore}）`);
}

function needOpen(s: CaseState, what: string): void {
  if (s.archived) throw refuse(`案件已归档，不能${what}`);
  if (s.decision) throw refuse(`案件已作出答复，不能${what}`);
  if (!s.receivedDate) throw refuse(`尚未确认收到申请，不能${what}`);
}

function needNotAwaitingCorrection(s: CaseState, what: string): void {
  if (s.correction && !s.correction.received) throw refuse(`正在等待申请人补正，不能${what}`);
}

/** Throws (409 for a step the case's state forbids, 400 for bad data) unless `e` may follow. */
export function checkEvent(s: CaseState, e: CaseEvent): void {
  const started = s.channel !== null;
  if (e.type !== 'submitted' && !started) throw refuse('案件尚未登记');
  switch (e.type) {
    case 'submitted':
      if (started) throw refuse('案件已登记，不能重复提交');
      needDate(e.data.submittedDate, '提交日期');
      return;
    case 'receipt_confirmed':
      if (s.receivedDate) throw refuse('已确认收到申请，不能重复确认');
      needDate(e.data.receivedDate, '收到申请日期', s.submittedDate, '提交日期');
      return;
    case 'assigned':
    case 'transferred':
      if (s.archived) throw refuse('案件已归档，不能分办或转办');
      if (s.decision) throw refuse('案件已作出答复，不能分办或转办');
      if (e.type === 'transferred' && !e.data.reason?.trim()) throw bad('转办必须写明理由');
      return;
    case 'correction_requested':
      needOpen(s, '告知补正');
      if (s.correction) throw refuse('补正只能一次性告知（《条例》第三十条），本案已告知过补正');
      if (!e.data.items?.trim()) throw bad('补正告知必须写明需要补正的事项');
      needDate(e.data.date, '补正告知日期', s.clockStart, '收到申请日期');
      needDate(e.data.replyBy, '补正期限', e.data.date, '补正告知日期');
      return;
    case 'correction_received':
      needOpen(s, '登记补正');
      if (!s.correction || s.correction.received) throw refuse('本案没有等待中的补正');
      needDate(e.data.date, '收到补正日期', s.correction.requested, '补正告知日期');
      return;
    case 'correction_lapsed':
      needOpen(s, '按逾期未补正办结');
      if (!s.correction || s.correction.received) throw refuse('本案没有等待中的补正');
      needDate(e.data.date, '办结日期');
      if (e.data.date <= s.correction.replyBy) throw refuse(`补正期限 ${s.correction.replyBy} 尚未届满，不能按逾期未补正办结`);
      return;
    case 'consultation_sent':
      needOpen(s, '征求意见');
      needNotAwaitingCorrection(s, '征求意见');
      if (!e.data.party?.trim()) throw bad('必须写明被征求意见的第三方或机关');
      if (e.data.kind !== 'third-party' && e.data.kind !== 'agency') throw bad('征求意见类型只能是第三方或其他机关');
      needDate(e.data.sentDate, '征求意见发出日期', s.clockStart, '收到申请日期');
      return;
    case 'consultation_replied': {
      needOpen(s, '登记征求意见答复');
      const c = s.consultations.find((x) => x.no === e.data.consultationNo);
      if (!c) throw refuse(`没有第 ${e.data.consultationNo} 次征求意见`);
      if (c.replied) throw refuse(`第 ${c.no} 次征求意见已登记答复`);
      needDate(e.data.repliedDate, '答复日期', c.sent, '发出日期');
      return;
    }
    case 'extension_requested':
      needOpen(s, '申请延期');
      needNotAwaitingCorrection(s, '申请延期');
      if (s.extension && s.extension.status !== 'rejected') throw refuse('答复期限只能延长一次（《条例》第三十三条）');
      if (!Number.isInteger(e.data.days) || e.data.days < 1 || e.data.days > MAX_EXTENSION_WORKING_DAYS) {
        throw bad(`延长期限应为 1 至 ${MAX_EXTENSION_WORKING_DAYS} 个工作日（《条例》第三十三条）`);
      }
      if (!e.data.reason?.trim()) throw bad('申请延期必须写明理由');
      return;
    case 'extension_approved':
    case 'extension_rejected':
      needOpen(s, '审批延期');
      if (s.extension?.status !== 'pending') throw refuse('没有待审批的延期申请');
      if (e.type === 'extension_approved') needDate(e.data.approvedDate, '批准日期', s.clockStart, '收到申请日期');
      return;
    case 'extension_notified':
      if (s.decision) throw refuse('案件已作出答复，无需再告知延期');
      if (s.extension?.status !== 'approved') throw refuse('延期尚未批准，不能告知申请人');
      if (s.extension.notified) throw refuse('已告知申请人延期');
      needDate(e.data.date, '告知日期', s.extension.approvedDate, '批准日期');
      return;
    case 'later_due_date_set':
      needOpen(s, '确定延迟答复期限');
      needDate(e.data.date, '延迟答复期限', s.clockStart, '收到申请日期');
      if (!e.data.reason?.trim()) throw bad('依《条例》第三十五条确定延迟答复期限，必须写明理由');
      return;
    case 'fee_notice_sent':
      needOpen(s, '发出收费通知');
      needNotAwaitingCorrection(s, '发出收费通知');
      if (s.fee) throw refuse('本案已发出收费通知');
      if (!Number.isInteger(e.data.amountYuan) || e.data.amountYuan <= 0) throw refuse('按收费标准计算本件不收费，无需发出收费通知');
      needDate(e.data.noticeReceivedDate, '申请人收到收费通知日期', s.clockStart, '收到申请日期');
      return;
    case 'fee_paid':
      needOpen(s, '登记缴费');
      if (!s.fee || s.fee.paid) throw refuse('没有待缴纳的信息处理费');
      needDate(e.data.date, '缴费日期', s.fee.noticeReceived, '收到收费通知日期');
      return;
    case 'fee_lapsed':
      needOpen(s, '按逾期未缴费办结');
      if (!s.fee || s.fee.paid) throw refuse('没有待缴纳的信息处理费');
      needDate(e.data.date, '办结日期');
      return;
    case 'withdrawn':
      if (s.archived || s.decision) throw refuse('案件已办结，不能撤回');
      needDate(e.data.date, '撤回日期', s.submittedDate, '提交日期');
      return;
    case 'decision_requested':
      checkDecisionContent(s, e.data, '提请审批答复');
      if (s.decisionRequest) throw refuse('答复已提请审批，请等待审批结果');
      return;
    case 'decision_returned':
      needOpen(s, '退回答复');
      if (!s.decisionRequest) throw refuse('没有待审批的答复');
      if (!e.data.reason?.trim()) throw bad('退回答复必须写明理由');
      return;
    case 'decided': {
      checkDecisionContent(s, e.data, '再次答复');
      // A proposed decision is decided only by its approval, never around it.
      if (s.decisionRequest && !e.data.approverName) throw refuse('答复已提请审批，须由审批人批准或退回');
      needDate(e.data.decisionDate, '答复日期', s.clockStart, '收到申请日期');
      return;
    }
    case 'delivered':
      if (!s.decision) throw refuse('尚未作出答复，不能登记送达');
      if (s.delivered) throw refuse('已登记送达');
      if (!e.data.method?.trim()) throw bad('送达必须写明方式');
      needDate(e.data.date, '送达日期', s.decision.date, '答复日期');
      return;
    case 'archived':
      if (s.archived) throw refuse('案件已归档');
      if (!s.decision) throw refuse('尚未办结，不能归档');
      if (!s.delivered && s.decision.outcome !== 'otherHandling3') throw refuse('答复尚未送达，不能归档');
      needDate(e.data.date, '归档日期', s.decision.date, '答复日期');
      return;
    case 'reopened':
      if (!s.decision) throw refuse('案件尚未办结，无需重新办理');
      needDate(e.data.date, '重新办理日期', s.decision.date, '答复日期');
      if (!e.data.reason?.trim()) throw bad('重新办理必须写明理由');
      return;
    case 'query_code_reset':
      // The applicant's access, not a step of the case: allowed in every state, archived too.
      return;
  }
}

/** What a decision, proposed or made, must satisfy. */
function checkDecisionContent(s: CaseState, d: EventData['decision_requested'], what: string): void {
  needOpen(s, what);
  needNotAwaitingCorrection(s, '作出答复（可按逾期未补正办结）');
  if (s.fee && !s.fee.paid) throw refuse('正在等待申请人缴纳信息处理费，不能作出答复');
  if (s.extension?.status === 'pending') throw refuse('有待审批的延期申请，请先审批');
  if (!isOutcomeKey(d.outcome)) throw bad('答复结果必须是年度报告21种办理结果之一');
  if (OUTCOMES_BY_EVENT_ONLY.has(d.outcome)) throw refuse('逾期未补正、逾期未缴费只能通过对应的办结操作登记');
  if (d.outcome === 'unable3' && !s.correction?.received) throw refuse('“补正后申请内容仍不明确”只适用于已经补正的申请');
  if (!d.legalBasis?.trim()) throw bad('答复必须写明法律依据');
  const groundWrong = groundProblem(d.outcome, d.ground, d.withheldPart);
  if (groundWrong) throw bad(groundWrong);
}

/** The pure reducer: the state after one more (already checked) event. */
export function applyEvent(prev: CaseState, e: CaseEvent): CaseState {
  const s: CaseState = { ...prev, consultations: prev.consultations.map((c) => ({ ...c })) };
  const close = (outcome: OutcomeKey, date: string) => {
    s.decision = { outcome, date, legalBasis: OUTCOME_LEGAL_BASIS[outcome], replyText: '' };
  };
  switch (e.type) {
    case 'submitted':
      s.channel = e.data.channel;
      s.submittedDate = e.data.submittedDate;
      break;
    case 'receipt_confirmed':
      s.receivedDate = e.data.receivedDate;
      s.clockStart = e.data.receivedDate;
      break;
    case 'assigned':
      s.unitId = e.data.unitId;
      s.assigneeId = e.data.assigneeId;
      break;
    case 'transferred':
      s.unitId = e.data.toUnitId;
      s.assigneeId = null;
      break;
    case 'correction_requested':
      s.correction = { requested: e.data.date, items: e.data.items, replyBy: e.data.replyBy, received: null };
      break;
    case 'correction_received':
      s.correction = { ...s.correction!, received: e.data.date };
      break;
    case 'correction_lapsed':
      close('otherHandling1', e.data.date);
      break;
    case 'consultation_sent':
      s.consultations.push({ no: e.data.consultationNo, kind: e.data.kind, party: e.data.party, sent: e.data.sentDate, replied: null, opinion: null });
      break;
    case 'consultation_replied': {
      const c = s.consultations.find((x) => x.no === e.data.consultationNo)!;
      c.replied = e.data.repliedDate;
      c.opinion = e.data.opinion;
      break;
    }
    case 'extension_requested':
      s.extension = { days: e.data.days, reason: e.data.reason, status: 'pending', approvedDate: null, notified: null };
      break;
    case 'extension_approved':
      s.extension = { ...s.extension!, days: e.data.days, status: 'approved', approvedDate: e.data.approvedDate, approverName: e.data.approverName };
      break;
    case 'extension_rejected':
      s.extension = { ...s.extension!, status: 'rejected' };
      break;
    case 'extension_notified':
      s.extension = { ...s.extension!, notified: e.data.date };
      break;
    case 'later_due_date_set':
      s.laterDueDate = { date: e.data.date, reason: e.data.reason };
      break;
    case 'fee_notice_sent':
      s.fee = { amountYuan: e.data.amountYuan, noticeReceived: e.data.noticeReceivedDate, paid: null };
      break;
    case 'fee_paid':
      s.fee = { ...s.fee!, paid: e.data.date };
      break;
    case 'fee_lapsed':
      close('otherHandling2', e.data.date);
      break;
    case 'withdrawn':
      close('otherHandling3', e.data.date);
      // A withdrawal before the receipt was confirmed still counts as received that day.
      s.receivedDate ??= e.data.date;
      s.clockStart ??= e.data.date;
      break;
    case 'decision_requested':
      s.decisionRequest = e.data;
      break;
    case 'decision_returned':
      s.decisionRequest = null;
      break;
    case 'decided':
      s.decision = {
        outcome: e.data.outcome, date: e.data.decisionDate, legalBasis: e.data.legalBasis, replyText: e.data.replyText, ground: e.data.ground ?? null, withheldPart: e.data.withheldPart ?? null,
        approverName: e.data.approverName ?? null, approvedDate: e.data.approvedDate ?? null,
      };
      s.decisionRequest = null;
      break;
    case 'delivered':
      s.delivered = { date: e.data.date, method: e.data.method };
      break;
    case 'archived':
      s.archived = e.data.date;
      break;
    case 'reopened':
      // A new answer period from the reopening date; the earlier round's steps stay in the log.
      Object.assign(s, { decision: null, decisionRequest: null, delivered: null, archived: null, correction: null, consultations: [], extension: null, laterDueDate: null, fee: null });
      s.clockStart = e.data.date;
      break;
  }
  s.status = statusOf(s);
  return s;
}

export function reduceEvents(events: readonly CaseEvent[]): CaseState {
  return events.reduce(applyEvent, initialState());
}

/** The deadline engine's input for the current answer period, or null before receipt / after the decision. */
export function deadlineTimelineOf(s: CaseState): DeadlineTimeline | null {
  if (!s.clockStart || s.decision) return null;
  return {
    received: s.clockStart,
    correctionRequested: s.correction?.requested ?? null,
    correctionReceived: s.correction?.received ?? null,
    consultations: s.consultations.map((c) => ({ sent: c.sent, replied: c.replied, kind: c.kind })),
    extensionDays: s.extension?.status === 'approved' ? s.extension.days : null,
    laterDueDate: s.laterDueDate,
    feeNotice: s.fee ? { received: s.fee.noticeReceived, paid: s.fee.paid } : null,
  };
}

/** Steps a user may take now (the case page shows one button each); data checks come later. */
export function allowedActions(s: CaseState): EventType[] {
  const probes: { [K in EventType]?: EventData[K] } = {
    receipt_confirmed: { receivedDate: '9999-12-31' },
    assigned: { unitId: 0, assigneeId: null, assigneeName: null },
    transferred: { fromUnitId: 0, toUnitId: 0, reason: 'x' },
    correction_requested: { date: '9999-12-30', items: 'x', replyBy: '9999-12-31' },
    correction_received: { date: '9999-12-31' },
    correction_lapsed: { date: '9999-12-31' },
    consultation_sent: { consultationNo: 0, kind: 'third-party', party: 'x', sentDate: '9999-12-31' },
    extension_requested: { days: 1, reason: 'x' },
    extension_approved: { days: 1, approvedDate: '9999-12-31', approverName: 'x' },
    extension_rejected: { reason: 'x', approverName: 'x' },
    extension_notified: { date: '9999-12-31' },
    later_due_date_set: { date: '9999-12-31', reason: 'x' },
    fee_notice_sent: { method: 'per-item', amountYuan: 1, priorItems: 0, items: 1, pages: null, noticeReceivedDate: '9999-12-31', breakdown: [] },
    fee_paid: { date: '9999-12-31', amountYuan: 1 },
    fee_lapsed: { date: '9999-12-31' },
    withdrawn: { date: '9999-12-31', reason: 'x' },
    decision_requested: { outcome: 'disclosed', legalBasis: 'x', replyText: '' },
    decision_returned: { reason: 'x', approverName: 'x' },
    // With an approver named, so that approving a proposed decision is offered too.
    decided: { outcome: 'disclosed', decisionDate: '9999-12-31', legalBasis: 'x', replyText: '', approverName: 'x' },
    delivered: { date: '9999-12-31', method: 'x', note: '' },
    archived: { date: '9999-12-31' },
    reopened: { date: '9999-12-31', oversightCaseId: null, reason: 'x' },
  };
  const out: EventType[] = [];
  for (const [type, data] of Object.entries(probes) as [EventType, unknown][]) {
    try {
      checkEvent(s, { type, data } as CaseEvent);
      out.push(type);
    } catch {
      // not allowed now
    }
  }
  if (s.consultations.some((c) => !c.replied) && !s.decision) out.push('consultation_replied');
  return out;
}
