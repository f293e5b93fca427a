/**
 * The input shapes of 行政复议 / 行政诉讼 records, one zod schema each: the routes validate with
 * them and /api/docs shows them. Pure and free of Node modules.
 */
import { z } from 'zod';
import { text } from '../shared/schema/text.ts';
import { OVERSIGHT_KINDS, OVERSIGHT_RESULTS } from './oversight.rules.ts';

const positiveId = (what: string) => z.number({ error: `${what}应为正整数` }).int({ error: `${what}应为正整数` }).min(1, { error: `${what}应为正整数` });
const date = (what: string) => z.iso.date({ error: `${what}应为 YYYY-MM-DD 格式的日期` });
const note = text({ max: 2000, multiline: true, tooLong: '备注不能超过2000个字' });

export const oversightCreateShape = z.strictObject({
  kind: z.enum(Object.keys(OVERSIGHT_KINDS) as [string, ...string[]], { error: '请选择行政复议或行政诉讼' }),
  filedDate: date('申请或起诉日期'),
  body: text({ max: 200, tooLong: '复议机关或法院名称不能超过200个字' }),
  caseNumber: text({ max: 100, tooLong: '案号不能超过100个字' }).optional(),
  applicationId: positiveId('关联申请编号').optional(),
  organizationId: positiveId('单位编号').optional(),
  note: note.optional(),
});
export type OversightCreateInput = z.input<typeof oversightCreateShape>;

export const oversightResultShape = z.strictObject({
  result: z.enum(Object.keys(OVERSIGHT_RESULTS) as [string, ...string[]], { error: '请选择结果' }),
  decidedDate: date('决定或裁判日期').optional(),
  note: note.optional(),
  reopen: z.boolean({ error: '应为 true 或 false' }).optional(),
  reopenDate: date('重新办理日期').optional(),
  version: positiveId('版本').optional().describe('所修改的版本；不带时只能为尚未审结的案件登记结果'),
});
export type OversightResultInput = z.input<typeof oversightResultShape>;
