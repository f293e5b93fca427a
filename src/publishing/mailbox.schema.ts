/**
 * The one shape of a letter to the mailbox (区长信箱), applied to the public form's post by
 * `checkLetter`: trimmed text, the shared control-character rule, the same limits everywhere.
 */
import { z } from 'zod';
import { text } from '../shared/schema/text.ts';

export const LETTER_LIMITS = { writerName: 32, contact: 64, subject: 100, body: 5000 } as const;
const L = LETTER_LIMITS;

export const mailboxLetterShape = z.object({
  writerName: text({ min: 1, max: L.writerName, tooShort: `请填写姓名（${L.writerName}字以内）`, tooLong: `请填写姓名（${L.writerName}字以内）` }),
  contact: text({ min: 1, max: L.contact, tooShort: '请填写联系电话或电子邮箱', tooLong: `联系电话或电子邮箱不能超过${L.contact}个字符` }),
  subject: text({ min: 1, max: L.subject, tooShort: `请填写标题（${L.subject}字以内）`, tooLong: `请填写标题（${L.subject}字以内）` }),
  body: text({ min: 10, max: L.body, multiline: true, tooShort: `来信内容应为10至${L.body}字`, tooLong: `来信内容应为10至${L.body}字` }),
});

export type MailboxLetter = z.input<typeof mailboxLetterShape>;

export const REPLY_LIMITS = { reply: 10000, reason: 500 } as const;
const replyText = text({ min: 1, max: REPLY_LIMITS.reply, multiline: true, tooShort: '请填写答复内容', tooLong: `答复内容不能超过${REPLY_LIMITS.reply}字` });

/** A staff reply; `publish` asks for its publication on the portal, which waits for a reviewer. */
export const mailboxReplyShape = z.object({
  reply: replyText,
  publish: z.boolean({ error: 'publish 应为 true 或 false' }).optional().describe('同时申请在门户网站公开（须经审核；默认 true）'),
}).strict();

/** Asking (again) for the publication of an answered letter's reply, with the text to publish. */
export const publicationRequestShape = z.object({ text: replyText }).strict();

/** A reviewer's return of a reply to be published: the reason is required. */
export const publicationReturnShape = z.object({
  reason: text({ min: 2, max: REPLY_LIMITS.reason, multiline: true, tooShort: '请填写退回理由', tooLong: `退回理由不能超过${REPLY_LIMITS.reason}字` }),
}).strict();

/** 转办: the unit the letter goes to, its own time limit in working days, and a note for it. */
export const transferShape = z.object({
  unitId: z.number({ error: '请选择转办单位' }).int({ error: '请选择转办单位' }).min(1, { error: '请选择转办单位' }),
  workingDays: z.number({ error: '办理时限应为1至60个工作日' }).int({ error: '办理时限应为1至60个工作日' })
    .min(1, { error: '办理时限应为1至60个工作日' }).max(60, { error: '办理时限应为1至60个工作日' }),
  note: text({ max: 500, multiline: true, tooLong: '转办说明不能超过500字' }).optional().default(''),
}).strict();
