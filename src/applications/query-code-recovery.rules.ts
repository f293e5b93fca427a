/**
 * Replacing a lost query code (pure). The applicant proves to be who applied by the contact given
 * on the form: the e-mail address or the mobile number must equal the application's, and a
 * one-time 6-digit code goes to that contact only. The code lives 10 minutes, allows 5 tries and
 * is used once; it is kept as HMAC(session secret, salt, case, code), so a copy of the database
 * does not yield it by trying the million codes.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { emailAddress, mobileNumber } from '../notifications/applicant-messages.rules.ts';
import { CODE_LABEL, ONE_TIME_CODE_TTL_MS } from '../notifications/one-time-code.rules.ts';

export const RECOVERY_CODE_TTL_MS = ONE_TIME_CODE_TTL_MS;
export const RECOVERY_MAX_TRIES = 5;
/** Codes sent for one case per hour: a flood of requests must not flood the applicant's phone. */
export const RECOVERY_CODES_PER_HOUR = 3;
export const CONTACT_MAX = 200;

export type RecoveryChannel = 'email' | 'sms';

/** Where to send the code: the application's own contact that the given one matches, else null. */
export function matchingContact(given: string, application: { email: string; phone: string }): { channel: RecoveryChannel; recipient: string } | null {
  const v = given.trim();
  if (!v || v.length > CONTACT_MAX) return null;
  if (v.includes('@')) {
    const own = emailAddress(application.email);
    return own && own.toLowerCase() === v.toLowerCase() ? { channel: 'email', recipient: own } : null;
  }
  const own = mobileNumber(application.phone);
  return own && own === mobileNumber(v) ? { channel: 'sms', recipient: own } : null;
}

/** Six digits from a random integer in [0, 1 000 000). */
export function sixDigits(n: number): string {
  return String(Math.trunc(n) % 1_000_000).padStart(6, '0');
}

function mac(secret: string, salt: string, caseId: number, code: string): string {
  return createHmac('sha256', secret).update(`query-code-recovery:${salt}:${caseId}:${code}`).digest('hex');
}

export function recoveryCodeHash(secret: string, salt: string, caseId: number, code: string): string {
  return `${salt}$${mac(secret, salt, caseId, code)}`;
}

export function recoveryCodeMatches(secret: string, stored: string, caseId: number, given: string): boolean {
  const [salt = '', hash = ''] = stored.split('$');
  const code = given.replace(/\s/g, '');
  if (!/^\d{6}$/.test(code)) return false;
  const a = Buffer.from(mac(secret, salt, caseId, code));
  const b = Buffer.from(hash);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The message with the code: the full text by e-mail, a short one by SMS. */
export function recoveryMessage(f: { code: string; trackingNumber: string; bodyName: string; channel: RecoveryChannel; recipient: string }) {
  const minutes = RECOVERY_CODE_TTL_MS / 60_000;
  const subject = `找回政府信息公开申请查询码（受理编号 ${f.trackingNumber}）`;
  if (f.channel === 'sms') {
    return { channel: f.channel, recipient: f.recipient, subject, body: `${CODE_LABEL}${f.code}（${minutes}分钟内有效），用于重置受理编号${f.trackingNumber}的查询码。如非本人操作，请忽略。` };
  }
  return {
    channel: f.channel, recipient: f.recipient, subject,
    body: `您好：\n\n有人在${f.bodyName}政府信息公开网站申请重置受理编号 ${f.trackingNumber} 的查询码。\n\n${CODE_LABEL}${f.code}\n\n请在 ${minutes} 分钟内在找回查询码页面输入该验证码，验证码只能使用一次。重置后原查询码失效，请记下页面上显示的新查询码。\n\n如非本人操作，请忽略本邮件，原查询码仍然有效。\n\n${f.bodyName}\n（本邮件由系统自动发送，请勿直接回复。）`,
  };
}
