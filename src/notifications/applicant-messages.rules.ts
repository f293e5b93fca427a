/**
 * What the applicant is told, and how (pure). Four moments of a case reach the applicant: 受理
 * (the receipt date is fixed, Art. 31, with the due date of Art. 33), 补正 (Art. 30, the items
 * and the period), 延期 (Art. 33(2) "并告知申请人") and 答复 (Arts. 36–39). Channel decision: an
 * e-mail when the application gives an address (the full text), and an SMS when it gives a
 * mainland mobile number (a short notice pointing to the status page) — both when both are
 * given, since a government notice should reach the applicant by every means they offered. With
 * neither, the message is still logged on the case (status no_contact) so the clerk sees that
 * the applicant must be told by post or telephone.
 */
import type { CaseEvent } from '../applications/applications.events.ts';
import { OUTCOME_WORDING } from '../applications/outcomes.wording.rules.ts';

export type ApplicantMessageKind = 'receipt' | 'correction' | 'extension' | 'decision';

export const MESSAGE_KIND_LABELS: Record<string, string> = {
  receipt: '受理通知',
  correction: '补正通知',
  extension: '延期通知',
  decision: '答复通知',
  query_code: '找回查询码验证码',
  digest: '每日待办摘要',
};

export interface CaseFacts {
  trackingNumber: string;
  applicantName: string;
  email: string;
  phone: string;
  bodyName: string;
  /** The answer's due date after the event (null when none runs). */
  dueDate: string | null;
  /** Public origin (SITE_URL), for the status page's address. */
  siteUrl: string;
}

export interface Notice {
  kind: ApplicantMessageKind;
  subject: string;
  /** E-mail text. */
  text: string;
  /** SMS text (short; the gateway signs it). */
  sms: string;
}

const FOOTER = '（本邮件由系统自动发送，请勿直接回复。）';

/** The notice an event gives the applicant, or null when the event is not one they are told of. */
export function applicantNotice(event: CaseEvent, f: CaseFacts): Notice | null {
  const statusPage = `${f.siteUrl}/ysqgk/cx/`;
  const where = `您可凭受理编号和查询码在 ${statusPage} 查询办理进度。`;
  const sign = `\n\n${f.bodyName}\n${FOOTER}`;
  const hello = `${f.applicantName}：\n\n`;
  const tn = f.trackingNumber;
  switch (event.type) {
    case 'receipt_confirmed':
      return {
        kind: 'receipt',
        subject: `政府信息公开申请已受理（受理编号 ${tn}）`,
        text: `${hello}您向${f.bodyName}提出的政府信息公开申请已于 ${event.data.receivedDate} 收到，受理编号 ${tn}。${f.dueDate ? `根据《中华人民共和国政府信息公开条例》第三十三条，本机关将于 ${f.dueDate} 前予以答复。` : ''}${where}${sign}`,
        sms: `您的政府信息公开申请（受理编号${tn}）已于${event.data.receivedDate}收到${f.dueDate ? `，将于${f.dueDate}前答复` : ''}。查询：${statusPage}`,
      };
    case 'correction_requested':
      return {
        kind: 'correction',
        subject: `政府信息公开申请需要补正（受理编号 ${tn}）`,
        text: `${hello}您的政府信息公开申请（受理编号 ${tn}）内容不明确，根据《中华人民共和国政府信息公开条例》第三十条，请补正以下内容：\n\n${event.data.items}\n\n${event.data.replyBy ? `请于 ${event.data.replyBy} 前补正；` : ''}答复期限自本机关收到补正的申请之日起计算，无正当理由逾期不补正的，视为放弃申请。${where}${sign}`,
        sms: `您的政府信息公开申请（受理编号${tn}）需要补正${event.data.replyBy ? `，请于${event.data.replyBy}前补正` : ''}，详见邮件或查询：${statusPage}`,
      };
    case 'extension_approved':
      return {
        kind: 'extension',
        subject: `政府信息公开申请延期答复告知（受理编号 ${tn}）`,
        text: `${hello}您的政府信息公开申请（受理编号 ${tn}）因需要延长答复期限，经${f.bodyName}政府信息公开工作机构负责人同意，根据《中华人民共和国政府信息公开条例》第三十三条第二款，答复期限延长 ${event.data.days} 个工作日${f.dueDate ? `，本机关将于 ${f.dueDate} 前予以答复` : ''}。${where}${sign}`,
        sms: `您的政府信息公开申请（受理编号${tn}）答复期限延长${event.data.days}个工作日${f.dueDate ? `，将于${f.dueDate}前答复` : ''}。查询：${statusPage}`,
      };
    case 'decided':
      return {
        kind: 'decision',
        subject: `政府信息公开申请已答复（受理编号 ${tn}）`,
        text: `${hello}${f.bodyName}已于 ${event.data.decisionDate} 对您的政府信息公开申请（受理编号 ${tn}）作出答复：${OUTCOME_WORDING[event.data.outcome].decision}。\n\n答复书将按您申请时选择的方式送达；${where}${OUTCOME_WORDING[event.data.outcome].adverse ? '\n\n您对本答复不服的，可以依法申请行政复议或者提起行政诉讼，具体期限和机关以答复书为准。' : ''}${sign}`,
        sms: `您的政府信息公开申请（受理编号${tn}）已于${event.data.decisionDate}作出答复，答复书将按您选择的方式送达。查询：${statusPage}`,
      };
    default:
      return null;
  }
}

/** A mainland mobile number (spaces, dashes and +86 allowed around it), normalized; else null. */
export function mobileNumber(phone: string): string | null {
  const digits = phone.replace(/[\s-]/g, '').replace(/^(\+?86)/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

/** A plausible e-mail address (the form checked it; this only decides whether to send). */
export function emailAddress(email: string): string | null {
  const v = email.trim();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) ? v : null;
}

export interface Addressed {
  channel: 'email' | 'sms' | 'none';
  recipient: string;
  subject: string;
  body: string;
}

/** The messages one notice makes for the contacts given (see the channel decision above). */
export function addressNotice(n: Pick<Notice, 'subject' | 'text' | 'sms'>, contact: { email: string; phone: string }): Addressed[] {
  const out: Addressed[] = [];
  const email = emailAddress(contact.email);
  const mobile = mobileNumber(contact.phone);
  if (email) out.push({ channel: 'email', recipient: email, subject: n.subject, body: n.text });
  if (mobile) out.push({ channel: 'sms', recipient: mobile, subject: n.subject, body: n.sms });
  if (!out.length) out.push({ channel: 'none', recipient: contact.phone.trim() || contact.email.trim() || '（无）', subject: n.subject, body: n.text });
  return out;
}

/** Retry delay after the n-th failed attempt: 30 s doubling, at most an hour; null = give up. */
export function retryDelayMs(attempts: number, baseMs = 30_000): number | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  return Math.min(baseMs * 2 ** (attempts - 1), 3600_000);
}

export const MAX_ATTEMPTS = 10;

export const MESSAGE_STATUS_LABELS: Record<string, string> = {
  pending: '待发送',
  sending: '发送中',
  sent: '已发送',
  failed: '发送失败',
  unconfigured: '未发送（未配置）',
  no_contact: '未发送（无电子邮箱或手机号）',
};
