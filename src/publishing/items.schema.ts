/**
 * The input shapes of an item's drafting and workflow, one zod schema each: the routes validate
 * with them (items.routes.ts), /api/docs shows them, and the admin app's request types are
 * inferred from them. Pure and free of Node modules: the admin app imports it.
 */
import { z } from 'zod';
import { text } from '../shared/schema/text.ts';
import { ITEM_KINDS, VALIDITY } from './items.rules.ts';

const positiveInt = (message: string) => z.number({ error: message }).int({ error: message }).min(1, { error: message });
const validities = Object.keys(VALIDITY) as [string, ...string[]];
const isoDate = z.string({ error: '日期应为文本' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' });
/** The item version the user's page showed: a change made since then is refused with 409. */
const seenVersion = positiveInt('版本应为正整数').describe('所修改的版本；已被他人改动时返回 409');

const draftFields = {
  columnId: positiveInt('栏目编号应为正整数'),
  kind: z.enum(Object.keys(ITEM_KINDS) as [string, ...string[]], { error: '信息类别无效' }),
  title: text({ min: 1, max: 300, tooShort: '标题不能为空', tooLong: '标题不能超过300个字' }),
  bodyHtml: text({ max: 2_000_000, multiline: true, tooLong: '正文过长' }),
  topic: text({ max: 64 }),
  publisherName: text({ max: 128 }),
  docNumber: text({ max: 128 }),
  writtenDate: isoDate.nullable(),
  validity: z.enum(['', ...validities], { error: '有效性取值无效' }),
  summary: text({ max: 2000, multiline: true }),
  interpretsItemId: z.number({ error: '被解读文件编号应为整数' }).int({ error: '被解读文件编号应为整数' }).nullable(),
};

export const itemCreateShape = z.strictObject({
  ...draftFields,
  bodyHtml: draftFields.bodyHtml.optional(),
  topic: draftFields.topic.optional(),
  publisherName: draftFields.publisherName.optional(),
  docNumber: draftFields.docNumber.optional(),
  writtenDate: draftFields.writtenDate.optional(),
  validity: draftFields.validity.optional(),
  summary: draftFields.summary.optional(),
  interpretsItemId: draftFields.interpretsItemId.optional(),
});
export type ItemCreateInput = z.input<typeof itemCreateShape>;

export const itemPatchShape = z.strictObject({
  ...Object.fromEntries(Object.entries(draftFields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof draftFields]: z.ZodOptional<(typeof draftFields)[K]> },
  version: seenVersion.optional(),
});
export type ItemPatchInput = z.input<typeof itemPatchShape>;

/** 保密审查 sent with an approval: the ticked checklist keys and the opinion. */
export const confidentialityReviewShape = z.strictObject({
  checks: z.array(z.string({ error: '审查项应为文本' }).max(32, { error: '审查项无效' }), { error: '保密审查清单应为列表' }).max(20, { error: '审查项过多' }),
  opinion: text({ max: 500, multiline: true, tooLong: '审查意见不能超过500个字' }),
}, { error: '保密审查应为对象' });

/** withdraw / abolish: the linked 解读 (ids) to withdraw in the same transaction. */
const alsoWithdraw = z.array(positiveInt('关联信息编号应为正整数'), { error: '一并撤回的信息应为编号列表' }).max(50, { error: '一次最多一并撤回50条' })
  .describe('一并撤回的关联解读（编号）；任何一条已被他人改动时整体返回 409');

export const itemTransitionShape = z.strictObject({
  action: z.enum(['submit', 'return', 'approve', 'publish', 'withdraw', 'redraft'], { error: '未知的流转操作' }),
  comment: text({ max: 1000, multiline: true }).optional(),
  publishAt: z.string({ error: '发布时间应为文本' }).nullable().optional(),
  hold: z.boolean({ error: '应为 true 或 false' }).optional(),
  version: seenVersion.optional(),
  confidentialityReview: confidentialityReviewShape.optional(),
  alsoWithdraw: alsoWithdraw.optional(),
});
export type ItemTransitionBody = z.input<typeof itemTransitionShape>;

export const itemValidityShape = z.strictObject({
  validity: z.enum(validities, { error: '有效性取值无效' }),
  date: z.string({ error: '日期应为文本' }).nullable().optional(),
  reason: text({ max: 500, multiline: true }).optional(),
  version: seenVersion.optional(),
  alsoWithdraw: alsoWithdraw.optional(),
});
export type ItemValidityBody = z.input<typeof itemValidityShape>;

/** A list selection's action (bulk-actions.usecases.ts): each item answered on its own. */
export const itemBulkShape = z.strictObject({
  action: z.enum(['submit', 'publish', 'withdraw', 'move'], { error: '未知的批量操作' }),
  ids: z.array(positiveInt('信息编号应为正整数'), { error: '请选择信息' }).min(1, { error: '请选择信息' }).max(100, { error: '一次最多处理100条' }),
  comment: text({ max: 1000, multiline: true }).optional(),
  columnId: positiveInt('栏目编号应为正整数').optional(),
  confidentialityReview: confidentialityReviewShape.optional(),
});
export type ItemBulkBody = z.input<typeof itemBulkShape>;

/** 相关信息: the item to link to a draft (related-items.usecases.ts). */
export const itemRelatedShape = z.strictObject({ relatedId: positiveInt('相关信息编号应为正整数') });
