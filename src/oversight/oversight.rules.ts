/**
 * 行政复议 / 行政诉讼 records (pure checks). Kinds and results are the columns of the annual
 * report's section 四 (国办公开办函〔2021〕30号): 行政复议; 行政诉讼 未经复议直接起诉 / 复议后起诉;
 * results 维持, 纠正, 其他, and 尚未审结 (pending).
 */
import { AppError } from '../shared/app-error.ts';

export const OVERSIGHT_KINDS = { review: '行政复议', litigation_direct: '行政诉讼（未经复议直接起诉）', litigation_after_review: '行政诉讼（复议后起诉）' } as const;
export const OVERSIGHT_RESULTS = { pending: '尚未审结', upheld: '维持', corrected: '纠正', other: '其他' } as const;
export type OversightKindKey = keyof typeof OVERSIGHT_KINDS;
export type OversightResultKey = keyof typeof OVERSIGHT_RESULTS;

const bad = (field: string, message: string) => new AppError('oversight.invalid_input', message, 400, { field });
const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

export function checkNewOversight(i: { kind: unknown; filedDate: unknown; body: unknown }): void {
  if (typeof i.kind !== 'string' || !Object.hasOwn(OVERSIGHT_KINDS, i.kind)) throw bad('kind', '类型只能是行政复议、未经复议直接起诉或复议后起诉');
  if (!isDate(i.filedDate)) throw bad('filedDate', '申请复议或起诉日期必须是 YYYY-MM-DD');
  if (typeof i.body !== 'string' || !i.body.trim()) throw bad('body', '请填写复议机关或人民法院');
}

export function checkResult(filedDate: string, i: { result: unknown; decidedDate: unknown }): void {
  if (typeof i.result !== 'string' || !Object.hasOwn(OVERSIGHT_RESULTS, i.result)) throw bad('result', '结果只能是维持、纠正、其他或尚未审结');
  if (i.result === 'pending') {
    if (i.decidedDate) throw bad('decidedDate', '尚未审结的案件不能有决定日期');
    return;
  }
  if (!isDate(i.decidedDate)) throw bad('decidedDate', '请填写复议决定或裁判日期');
  if (i.decidedDate < filedDate) throw bad('decidedDate', `决定日期不能早于申请复议或起诉日期（${filedDate}）`);
}
