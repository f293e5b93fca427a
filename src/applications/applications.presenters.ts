/**
 * What clients see of a case: the list row, the full case (for staff) and the public status
 * (for the applicant). Identity numbers are only ever shown masked; the public view carries no
 * internal names, notes or other applicants' data.
 */
import { OUTCOME_WORDING, groundParagraph } from './outcomes.wording.rules.ts';
import type { OutcomeKey } from '../report/report.model.ts';
import { CHANNEL_LABELS, EVENT_LABELS, type Channel, type StoredEvent } from './applications.events.ts';
import { STATUS_LABELS, type CaseState, type CaseStatus } from './applications.state.rules.ts';
import type { ApplicationRow } from './applications.table.ts';
import type { DeadlineResult } from './deadline.rules.ts';
import { outcomeLabel } from './outcomes.rules.ts';

export function caseListItem(r: ApplicationRow, unitName?: string) {
  return {
    id: r.id,
    trackingNumber: r.tracking_number,
    organizationId: r.organization_id,
    unitId: r.unit_id,
    unitName: unitName ?? null,
    channel: r.channel,
    channelLabel: CHANNEL_LABELS[r.channel as Channel] ?? r.channel,
    applicantType: r.applicant_type,
    applicantName: r.applicant_name,
    applicantIdMasked: r.applicant_id_masked,
    description: r.request_description,
    submittedDate: r.submitted_date,
    receivedDate: r.received_date,
    status: r.status,
    statusLabel: STATUS_LABELS[r.status as CaseStatus] ?? r.status,
    dueDate: r.due_date,
    assigneeId: r.assignee_id,
    extensionPending: r.extension_pending === 1,
    decisionPending: r.decision_pending === 1,
    decisionDate: r.decision_date,
    outcome: r.outcome,
    outcomeLabel: r.outcome ? outcomeLabel(r.outcome as OutcomeKey) : null,
  };
}

const OPINION_LABELS = { agree: '同意公开', disagree: '不同意公开', other: '其他意见' } as const;

/** One line of the timeline, in Chinese, for staff and (a subset) for the applicant. */
export function describeEvent(e: StoredEvent): string {
  switch (e.type) {
    case 'submitted':
      return `${e.data.submittedDate} 通过${CHANNEL_LABELS[e.data.channel]}提交申请`;
    case 'receipt_confirmed':
      return `收到申请日期确定为 ${e.data.receivedDate}（《条例》第三十一条）`;
    case 'assigned':
      return e.data.assigneeName ? `分办给 ${e.data.assigneeName}` : '分办至承办单位';
    case 'transferred':
      return `转办（${e.data.reason}）`;
    case 'correction_requested':
      return `${e.data.date} 告知补正：${e.data.items}；补正期限 ${e.data.replyBy}`;
    case 'correction_received':
      if (e.data.via === 'portal') return `申请人于 ${e.data.submittedAt} 在线提交补正${e.data.files?.length ? `（附材料 ${e.data.files.length} 份）` : ''}，收到补正日期 ${e.data.date}${e.data.postponed ? `（${e.data.postponed}）` : ''}，答复期限重新计算${e.data.text ? `。补正内容：${e.data.text}` : ''}`;
      return `${e.data.date} 收到补正后的申请，答复期限重新计算`;
    case 'correction_lapsed':
      return `${e.data.date} 申请人逾期未补正，视为放弃申请（《条例》第三十条）`;
    case 'consultation_sent':
      return `${e.data.sentDate} 向${e.data.kind === 'agency' ? '有关机关' : '第三方'}“${e.data.party}”发出征求意见书（第${e.data.consultationNo}次）`;
    case 'consultation_replied':
      return `${e.data.repliedDate} 收到第${e.data.consultationNo}次征求意见的答复：${OPINION_LABELS[e.data.opinion]}`;
    case 'extension_requested':
      return `申请延长答复期限 ${e.data.days} 个工作日：${e.data.reason}`;
    case 'extension_approved':
      return `${e.data.approvedDate} ${e.data.approverName} 批准延长 ${e.data.days} 个工作日（《条例》第三十三条）`;
    case 'extension_rejected':
      return `${e.data.approverName} 未批准延期申请：${e.data.reason}`;
    case 'extension_notified':
      return `${e.data.date} 已告知申请人延期答复`;
    case 'later_due_date_set':
      return `依《条例》第三十五条确定延迟答复期限 ${e.data.date}：${e.data.reason}`;
    case 'fee_notice_sent':
      return `发出信息处理费收费通知：${e.data.amountYuan} 元（申请人 ${e.data.noticeReceivedDate} 收到）`;
    case 'fee_paid':
      return `${e.data.date} 缴纳信息处理费 ${e.data.amountYuan} 元`;
    case 'fee_lapsed':
      return `${e.data.date} 申请人逾期未缴费，视为放弃申请`;
    case 'withdrawn':
      return `${e.data.date} 申请人撤回申请`;
    case 'decision_requested':
      return `提请审批答复：${outcomeLabel(e.data.outcome)}`;
    case 'decision_returned':
      return `${e.data.approverName} 退回答复：${e.data.reason}`;
    case 'decided':
      return `${e.data.decisionDate} 作出答复：${outcomeLabel(e.data.outcome)}${e.data.approverName ? `（${e.data.approvedDate ?? e.data.decisionDate} 经 ${e.data.approverName} 批准）` : ''}`;
    case 'delivered':
      return `${e.data.date} 以${e.data.method}方式送达`;
    case 'archived':
      return `${e.data.date} 归档`;
    case 'reopened':
      return `${e.data.date} 重新办理：${e.data.reason}`;
    case 'query_code_reset':
      return `申请人通过${e.data.via === 'sms' ? '申请时填写的手机号码' : '申请时填写的电子邮箱'}验证身份，查询码已重置，原查询码失效`;
  }
}

export function timeline(events: readonly StoredEvent[]) {
  return events.map((e) => ({ seq: e.seq, type: e.type, label: EVENT_LABELS[e.type], text: describeEvent(e), at: e.at, actorName: e.actorName, data: e.data }));
}

/** Events an applicant sees on the status page (internal routing steps are left out). */
const PUBLIC_EVENTS = new Set([
  'submitted', 'receipt_confirmed', 'correction_requested', 'correction_received', 'correction_lapsed', 'consultation_sent',
  'extension_approved', 'later_due_date_set', 'fee_notice_sent', 'fee_paid', 'fee_lapsed', 'withdrawn', 'decided', 'delivered', 'reopened',
]);

export function publicStatus(r: ApplicationRow, state: CaseState, events: readonly StoredEvent[], deadline: DeadlineResult | null) {
  return {
    trackingNumber: r.tracking_number,
    status: state.status,
    statusLabel: STATUS_LABELS[state.status],
    submittedDate: r.submitted_date,
    receivedDate: state.receivedDate,
    dueDate: deadline?.dueDate ?? null,
    correction: state.correction && !state.correction.received && !state.decision ? { items: state.correction.items, replyBy: state.correction.replyBy } : null,
    decision: state.decision
      ? {
          date: state.decision.date,
          // The applicant reads the decision in plain words, not the annual report's row label.
          outcomeLabel: OUTCOME_WORDING[state.decision.outcome].decision,
          ground: groundParagraph(state.decision.outcome, state.decision.ground, state.decision.withheldPart),
          legalBasis: state.decision.legalBasis,
          replyText: state.decision.replyText,
        }
      : null,
    timeline: events.filter((e) => PUBLIC_EVENTS.has(e.type)).map((e) => ({ label: EVENT_LABELS[e.type], text: publicText(e), at: e.at })),
  };
}

function publicText(e: StoredEvent): string {
  // Third parties' names are not the applicant's business (Art. 15 interests of third parties).
  if (e.type === 'consultation_sent') return `${e.data.sentDate} 依法征求${e.data.kind === 'agency' ? '有关机关' : '第三方'}意见，征求意见所需时间不计入答复期限`;
  if (e.type === 'decided') return `${e.data.decisionDate} 作出答复：${OUTCOME_WORDING[e.data.outcome].decision}`;
  if (e.type === 'extension_approved') return `${e.data.approvedDate} 经批准延长答复期限 ${e.data.days} 个工作日（《条例》第三十三条）`;
  return describeEvent(e);
}
