/**
 * The input shapes of the columns API, one zod schema each: columns.routes.ts validates with them
 * and /api/docs shows them. Pure and free of Node modules: the admin app may import it.
 */
import { z } from 'zod';
import { text } from '../shared/schema/text.ts';
import { COLUMN_KINDS } from './columns.rules.ts';
import { ITEM_KINDS } from './items.rules.ts';

const organizationId = z.number({ error: '单位编号应为正整数' }).int({ error: '单位编号应为正整数' }).min(1, { error: '单位编号应为正整数' });

const editable = {
  name: text({ min: 1, max: 64, tooShort: '栏目名称不能为空', tooLong: '栏目名称不能超过64个字' }),
  parentId: z.number({ error: '上级栏目编号应为整数' }).int({ error: '上级栏目编号应为整数' }).min(1, { error: '上级栏目编号应为正整数' }).nullable(),
  kind: z.enum(Object.keys(COLUMN_KINDS) as [string, ...string[]], { error: '栏目类型无效' }),
  defaultItemKind: z.enum(Object.keys(ITEM_KINDS) as [string, ...string[]], { error: '默认信息类别无效' }).nullable(),
  sortOrder: z.number({ error: '排序应为整数' }).int({ error: '排序应为整数' }),
  updateIntervalDays: z.number({ error: '更新周期应为1至3660天' }).int({ error: '更新周期应为1至3660天' }).min(1, { error: '更新周期应为1至3660天' }).max(3660, { error: '更新周期应为1至3660天' }).nullable(),
  description: text({ max: 2000, multiline: true, tooLong: '栏目说明不能超过2000个字' }),
  hidden: z.boolean({ error: '应为 true 或 false' }),
};

export const columnCreateShape = z.strictObject({
  organizationId,
  code: z.string({ error: '栏目代码应为文本' }).regex(/^[a-z0-9-]{1,32}$/, { error: '栏目代码只能由1至32个小写字母、数字和连字符组成' }),
  name: editable.name,
  kind: editable.kind,
  parentId: editable.parentId.optional(),
  defaultItemKind: editable.defaultItemKind.optional(),
  sortOrder: editable.sortOrder.optional(),
  updateIntervalDays: editable.updateIntervalDays.optional(),
  description: editable.description.optional(),
  hidden: editable.hidden.optional(),
});
export type ColumnCreateBody = z.input<typeof columnCreateShape>;

export const columnPatchShape = z.strictObject(
  Object.fromEntries(Object.entries(editable).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof editable]: z.ZodOptional<(typeof editable)[K]> },
);
export type ColumnPatchBody = z.input<typeof columnPatchShape>;

export const columnDefaultsShape = z.strictObject({ organizationId });
