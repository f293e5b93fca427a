/**
 * The input shapes of the annual-report workflow, one zod schema each: the routes validate with
 * them (report.routes.ts), /api/docs shows them, and the admin app may infer its request types
 * from them. Pure and free of Node modules.
 */
import { z } from 'zod';
import { text } from '../shared/schema/text.ts';

const wholeNumber = (message: string) => z.coerce.number({ error: message }).int({ error: message });

/** `/reports/:bodyId/:year/…`: digits on the wire. */
export const reportBodyYearParamsShape = z.object({
  bodyId: wholeNumber('机关编号应为正整数').min(1, { error: '机关编号应为正整数' }),
  year: wholeNumber('年度应为整数').min(2008, { error: '年度应在2008至2100之间' }).max(2100, { error: '年度应在2008至2100之间' }),
});

export const REPORT_ACTIONS = ['submit', 'return', 'approve', 'publish'] as const;

export const reportActionParamsShape = z.object({
  id: wholeNumber('编号应为正整数').min(1, { error: '编号应为正整数' }),
  action: z.enum(REPORT_ACTIONS, { error: '未知的报告操作' }),
});

export const reportStartShape = z.strictObject({
  correctionNote: text({ max: 1000, multiline: true, tooLong: '更正说明不能超过1000个字' }).optional(),
});
export type ReportStartBody = z.input<typeof reportStartShape>;

export const reportNarrativeShape = z.strictObject({
  parts: z.record(z.string().max(64, { error: '正文部分名称过长' }), text({ max: 50_000, multiline: true, tooLong: '每部分正文不能超过50000个字' }), { error: '正文应为按部分给出的文本' }),
  /** The revision the user's page showed: a change made since then is refused with 409. */
  revision: z.number({ error: '修订号应为整数' }).int({ error: '修订号应为整数' }).min(0, { error: '修订号应为非负整数' }).optional(),
});
export type ReportNarrativeBody = z.input<typeof reportNarrativeShape>;

const count = z.number({ error: '应为非负整数或 null' }).int({ error: '应为非负整数或 null' }).min(0, { error: '应为非负整数或 null' }).nullable();
/** 本年制发 / 本年废止 / 现行有效 (section 二, row 一). */
const triple = z.array(z.number({ error: '应为非负整数' }).int({ error: '应为非负整数' }).min(0, { error: '应为非负整数' }), { error: '应为三个非负整数或 null' })
  .length(3, { error: '应为三个非负整数（本年制发、本年废止、现行有效）' })
  .nullable();

export const reportFiguresShape = z.strictObject({
  rules: triple,
  normativeDocuments: triple,
  licensing: count,
  punishment: count,
  enforcement: count,
  feesAmountWanYuan: text({ max: 24, tooLong: '金额不能超过24个字符' }).nullable(),
});
export type ReportFiguresBody = z.input<typeof reportFiguresShape>;
