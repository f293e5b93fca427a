/**
 * The append-only event log of a disclosure application (table `application_events`). Every
 * change to a case is one event; nothing is updated in place. The case's state is what the pure
 * reducer (applications.state.rules.ts) makes of its events, in order. Dates with legal meaning
 * are local dates (YYYY-MM-DD, Asia/Shanghai); `at` on the row is the UTC timestamp of recording.
 *
 * Each event type, what it records and the article behind it:
 */
import type { OutcomeKey } from '../report/report.model.ts';
import type { FeeBreakdownRow, FeeMethod } from './fees.rules.ts';

/** Art. 29/31 intake channels. */
export type Channel = 'online' | 'in_person' | 'registered_mail' | 'ordinary_mail' | 'fax' | 'email';

export type EventData = {
  /**
   * The application arrived (online form or registered by a clerk). `submittedDate` is the day
   * it was handed in or arrived; it is not yet the legal receipt date unless the channel makes
   * it so (in person, Art. 31(一)), in which case `receipt_confirmed` follows at once.
   */
  submitted: { channel: Channel; submittedDate: string; via: 'portal' | 'clerk' };
  /**
   * The Art. 31 receipt date is fixed: 签收 of registered mail (31(二) first clause), same-day
   * confirmation with the applicant for ordinary mail (31(二) second clause), mutual
   * confirmation for online and fax submissions (31(三)). Day zero of the answer period.
   */
  receipt_confirmed: { receivedDate: string };
  /** The case is given to a handling unit (承办单位) and optionally a handler. */
  assigned: { unitId: number; assigneeId: number | null; assigneeName: string | null };
  /** Moved from one handling unit to another inside the body (内部转办), with the reason. */
  transferred: { fromUnitId: number; toUnitId: number; reason: string };
  /**
   * Art. 30: one notice (一次性) listing everything to supply, due by the 7th working day after
   * receipt, with a reasonable period (`replyBy`) the body sets itself.
   */
  correction_requested: { date: string; items: string; replyBy: string };
  /**
   * Art. 30: the corrected application arrived; the answer period restarts from this day. An
   * answer the applicant gave online on the status page carries `via: 'portal'`, the Beijing time
   * it was sent, its text and files, and `date` by the Art. 31 online rule (receipt-date.rules.ts).
   */
  correction_received: {
    date: string;
    via?: 'portal';
    submittedAt?: string;
    postponed?: string | null;
    text?: string;
    files?: { fileName: string; sha256: string }[];
  };
  /** Art. 30 last sentence: no correction by `replyBy` → deemed abandoned, report row （六）1. */
  correction_lapsed: { date: string };
  /**
   * Art. 32 (third party) / Art. 34 (co-producing agency) consultation letter sent. The days
   * until the reply (or the 15th working day) are not counted (Art. 33(3)). Silence means
   * different things: a third party's leaves the decision to the body, an agency's is consent.
   */
  consultation_sent: { consultationNo: number; kind: 'third-party' | 'agency'; party: string; sentDate: string };
  /** The consulted party answered (同意 / 不同意 / 其他意见). */
  consultation_replied: { consultationNo: number; repliedDate: string; opinion: 'agree' | 'disagree' | 'other'; note: string };
  /** Art. 33(2): the handler asks to extend, once, by at most 20 working days. */
  extension_requested: { days: number; reason: string };
  /**
   * Art. 33(2): the head of the 工作机构 (an approver: reviewer or leader, approval.rules.ts)
   * approved the extension; where the body requires it, someone other than who asked.
   */
  extension_approved: { days: number; approvedDate: string; approverName: string };
  /** The approver refused (returned) the extension; the handler may ask again. */
  extension_rejected: { reason: string; approverName: string };
  /** Art. 33(2) "并告知申请人": the applicant was told of the extension. */
  extension_notified: { date: string };
  /** Art. 35: a reasonable later due date for a large or repeated application, with the reason. */
  later_due_date_set: { date: string; reason: string };
  /**
   * 国办函〔2020〕109号: fee notice (依据、标准、数额、缴纳方式). `noticeReceivedDate` is the day
   * the applicant received it; 20 working days from the next day to pay.
   */
  fee_notice_sent: {
    method: FeeMethod;
    amountYuan: number;
    priorItems: number | null;
    items: number | null;
    pages: number | null;
    noticeReceivedDate: string;
    breakdown: FeeBreakdownRow[];
  };
  /** The fee was paid; the answer clock runs again. */
  fee_paid: { date: string; amountYuan: number };
  /** Not paid within the period: deemed abandoned, report row （六）2. */
  fee_lapsed: { date: string };
  /** The applicant withdrew the application (申请人主动撤回): report row （六）3. */
  withdrawn: { date: string; reason: string };
  /**
   * Where the body requires the decision to be approved by someone other than the handler
   * (approval.rules.ts): the handler proposes it; an approver then records `decided` from it.
   */
  decision_requested: { outcome: OutcomeKey; legalBasis: string; replyText: string; ground?: string | null; withheldPart?: string | null };
  /** The approver returned the proposed decision with the reason; the handler may propose again. */
  decision_returned: { reason: string; approverName: string };
  /**
   * Arts. 36–39: the decision, one of the 21 outcome rows, with its legal basis and reply text.
   * When it was approved (a `decision_requested` before it), the approver and the approval date;
   * the reply letter names that approver.
   */
  decided: {
    outcome: OutcomeKey;
    decisionDate: string;
    legalBasis: string;
    replyText: string;
    /** 部分公开 / 不予公开: the withholding ground (Art. 14/15/16, outcomes.wording.rules.ts) and the part withheld. */
    ground?: string | null;
    withheldPart?: string | null;
    approverName?: string | null;
    approvedDate?: string | null;
  };
  /** 送达: how and when the reply reached the applicant. */
  delivered: { date: string; method: string; note: string };
  /** Art. 45: the case file is archived (归档); nothing may change afterwards except a reopening. */
  archived: { date: string };
  /**
   * A 行政复议 / 行政诉讼 result of 纠正 ordered a new answer: the decision is set aside and a new
   * answer period runs from `date`.
   */
  reopened: { date: string; oversightCaseId: number | null; reason: string };
  /**
   * The applicant lost the query code and proved to be who applied with a one-time code sent to
   * the e-mail or mobile number of the application (query-code-recovery.usecases.ts): a new code
   * replaced the old one. Neither code is recorded, only the channel the proof came through.
   */
  query_code_reset: { via: 'email' | 'sms' };
};

export type EventType = keyof EventData;
export const EVENT_TYPES = [
  'submitted',
  'receipt_confirmed',
  'assigned',
  'transferred',
  'correction_requested',
  'correction_received',
  'correction_lapsed',
  'consultation_sent',
  'consultation_replied',
  'extension_requested',
  'extension_approved',
  'extension_rejected',
  'extension_notified',
  'later_due_date_set',
  'fee_notice_sent',
  'fee_paid',
  'fee_lapsed',
  'withdrawn',
  'decision_requested',
  'decision_returned',
  'decided',
  'delivered',
  'archived',
  'reopened',
  'query_code_reset',
] as const satisfies readonly EventType[];

export type CaseEvent = { [K in EventType]: { type: K; data: EventData[K] } }[EventType];

/** A stored event: the data plus who recorded it and when. */
export type StoredEvent = CaseEvent & { seq: number; at: string; actorId: number | null; actorName: string | null };

export const EVENT_LABELS: Record<EventType, string> = {
  submitted: '提交申请',
  receipt_confirmed: '确认收到申请',
  assigned: '分办',
  transferred: '转办',
  correction_requested: '告知补正',
  correction_received: '收到补正',
  correction_lapsed: '逾期未补正',
  consultation_sent: '发出征求意见',
  consultation_replied: '收到征求意见答复',
  extension_requested: '申请延期',
  extension_approved: '批准延期',
  extension_rejected: '不批准延期',
  extension_notified: '告知延期',
  later_due_date_set: '确定延迟答复期限（第三十五条）',
  fee_notice_sent: '发出收费通知',
  fee_paid: '缴纳信息处理费',
  fee_lapsed: '逾期未缴费',
  withdrawn: '申请人撤回申请',
  decision_requested: '提请审批答复',
  decision_returned: '退回答复',
  decided: '作出答复',
  delivered: '送达',
  archived: '归档',
  reopened: '重新办理',
  query_code_reset: '查询码已重置',
};

export const CHANNEL_LABELS: Record<Channel, string> = {
  online: '网上申请',
  in_person: '当面提交',
  registered_mail: '挂号信/EMS',
  ordinary_mail: '平信',
  fax: '传真',
  email: '电子邮件',
};
export const CHANNELS = Object.keys(CHANNEL_LABELS) as Channel[];
