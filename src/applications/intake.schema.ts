/**
 * The one shape of a disclosure application (Art. 29 content), as a zod schema. The public form
 * (applications.portal.ts), the staff JSON API (its JSON Schema and the OpenAPI page are made from
 * it in applications.schemas.ts), the usecase's field checks (intake.rules.ts) and the admin app's
 * intake types (`ApplicationIntake`) all come from here, so a limit is the same everywhere.
 * Pure and free of Node modules: the admin app imports it.
 */
import { EMAIL_MESSAGE, EMAIL_PATTERN } from '../shared/email.rules.ts';
import { z } from 'zod';
import { text } from '../shared/schema/text.ts';
import { APPLICANT_TYPES } from '../report/report.model.ts';
import { CHANNELS } from './applications.events.ts';
import { DELIVERY_WANTED, FORMS_WANTED, ID_KINDS, INTAKE_LIMITS } from './intake.options.ts';

export { INTAKE_LIMITS };

const L = INTAKE_LIMITS;
const optionalText = (max: number, tooLong: string, format?: { test: RegExp; error: string }) => {
  const t = text({ max, tooLong });
  return (format ? t.refine((v) => !v || format.test.test(v), { error: format.error }) : t).optional().default('');
};

export const applicationIntakeShape = z.object({
  organizationId: z.number({ error: '请选择受理申请的行政机关' }).int({ error: '请选择受理申请的行政机关' }).min(1, { error: '请选择受理申请的行政机关' }),
  channel: z.enum(CHANNELS as [string, ...string[]], { error: '请选择提交方式' }),
  applicantType: z.enum(APPLICANT_TYPES, { error: '请选择申请人类型' }),
  // Art. 29(一): 姓名或者名称、身份证明、联系方式.
  applicantName: text({ min: 1, max: L.applicantName, tooShort: '请填写申请人姓名或名称', tooLong: `姓名或名称不能超过${L.applicantName}个字` }),
  idKind: z.enum(ID_KINDS, { error: '请选择证件类型' }),
  idNumber: text({ min: 1, max: L.idNumber, tooShort: '请填写证件号码（身份证明，《条例》第二十九条）', tooLong: '证件号码过长' }),
  contactPerson: optionalText(L.contactPerson, `联系人不能超过${L.contactPerson}个字`),
  phone: optionalText(L.phone, '电话号码格式不正确', { test: /^[0-9+\-() ]{6,20}$/, error: '电话号码格式不正确' }),
  email: optionalText(L.email, `电子邮箱不能超过${L.email}个字符`, { test: EMAIL_PATTERN, error: EMAIL_MESSAGE }),
  address: optionalText(L.address, `通信地址不能超过${L.address}个字`),
  postcode: optionalText(L.postcode, '邮政编码应为6位数字', { test: /^\d{6}$/, error: '邮政编码应为6位数字' }),
  // Art. 29(二): 名称、文号或者便于查询的其他特征性描述.
  description: text({
    min: 5, max: L.description, multiline: true,
    tooShort: '请描述所需政府信息的名称、文号或便于查询的特征（至少5个字）', tooLong: `所需信息描述不能超过${L.description}字`,
  }),
  documentNo: optionalText(L.documentNo, `文号不能超过${L.documentNo}个字`),
  purpose: optionalText(L.purpose, `用途说明不能超过${L.purpose}个字`),
  // Art. 29(三): 形式要求，包括获取信息的方式、途径.
  formWanted: z.enum(FORMS_WANTED, { error: '请选择信息的提供形式' }),
  deliveryWanted: z.enum(DELIVERY_WANTED, { error: '请选择获取信息的方式' }),
  itemCount: z.number({ error: '申请事项件数应为1至100之间的整数' }).int({ error: '申请事项件数应为1至100之间的整数' })
    .min(1, { error: '申请事项件数应为1至100之间的整数' }).max(100, { error: '申请事项件数应为1至100之间的整数' }).optional().default(1),
});

/** What a client sends (optional fields may be left out). */
export type ApplicationIntake = z.input<typeof applicationIntakeShape>;

/** The staff API's body: the shape, no unknown fields, plus the dates a clerk may record. */
export const clerkIntakeShape = applicationIntakeShape
  .extend({
    submittedDate: z.iso.date().optional().describe('申请到达日期（默认今天）'),
    receivedDate: z.iso.date().optional().describe('《条例》第三十一条收到申请日期（签收/确认日期），已知时填写'),
  })
  .strict();
export type ClerkIntake = z.input<typeof clerkIntakeShape>;

/**
 * A form post carries every value as text: the numeric fields become numbers (empty = not
 * given) before the shape is applied; anything else is left for the shape to refuse.
 */
export function fromFormPost(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...raw };
  for (const key of ['organizationId', 'itemCount'] as const) {
    const v = raw[key];
    if (typeof v !== 'string') continue;
    if (v.trim() === '') delete out[key];
    else out[key] = /^\s*\d{1,9}\s*$/.test(v) ? Number(v) : NaN;
  }
  return out;
}
