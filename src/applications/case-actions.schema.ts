/**
 * The input shape of a case action (签收, 补正, 征求意见, 延期, 收费, 答复, 送达 …), as one zod schema:
 * the route validates with it and /api/docs shows it; each action's own rules (which fields it
 * needs, in which state) stay in the usecase. Pure and free of Node modules.
 */
import { z } from 'zod';
import { text } from '../shared/schema/text.ts';
import { OUTCOME_KEYS } from '../report/report.model.ts';

const date = z.iso.date({ error: '日期应为 YYYY-MM-DD 格式' });
const positive = (what: string) => z.number({ error: `${what}应为正整数` }).int({ error: `${what}应为正整数` }).min(1, { error: `${what}应为正整数` });
const longText = (max: number) => text({ max, multiline: true, tooLong: `不能超过${max}个字` });

export const caseActionBodyShape = z
  .looseObject({
    date: date.optional(),
    receivedDate: date.optional(),
    items: longText(2000).optional(),
    replyBy: date.optional(),
    kind: z.enum(['third-party', 'agency'], { error: '征求意见对象应为 third-party 或 agency' }).optional(),
    party: text({ max: 200, tooLong: '不能超过200个字' }).optional(),
    consultationNo: positive('征求意见序号').optional(),
    opinion: z.enum(['agree', 'disagree', 'other'], { error: '意见应为 agree、disagree 或 other' }).optional(),
    days: z.number({ error: '延期天数应为1至20的整数' }).int({ error: '延期天数应为1至20的整数' }).min(1, { error: '延期天数应为1至20的整数' }).max(20, { error: '延期天数应为1至20的整数' }).optional(),
    reason: longText(2000).optional(),
    method: text({ max: 50, tooLong: '不能超过50个字' }).optional(),
    pages: positive('页数').optional(),
    outcome: z.enum(OUTCOME_KEYS as unknown as [string, ...string[]], { error: '答复类型不正确' }).optional(),
    legalBasis: longText(500).optional(),
    replyText: longText(20000).optional(),
    ground: text({ max: 40, tooLong: '不能超过40个字' }).optional(),
    withheldPart: longText(2000).optional(),
    unitId: positive('承办单位编号').optional(),
    assigneeId: positive('承办人编号').optional(),
    note: longText(2000).optional(),
    expectedEventCount: z.number({ error: '案件版本应为非负整数' }).int({ error: '案件版本应为非负整数' }).min(0, { error: '案件版本应为非负整数' }).optional()
      .describe('操作所依据的案件版本（案件详情的 eventCount）；不符时返回 409，不作任何修改'),
  })
  .describe('操作的数据，例如 补正：{ items, replyBy }；征求意见：{ kind, party }；答复：{ outcome, legalBasis, replyText, ground（不予公开理由）, withheldPart（不予公开的部分） }');
export type CaseActionBody = z.input<typeof caseActionBodyShape>;
