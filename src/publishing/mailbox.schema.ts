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
