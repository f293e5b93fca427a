/**
 * The input shapes of account and organization administration, one zod schema each: the routes
 * validate with them (users.routes.ts), /api/docs shows them, and the admin app's request types
 * are inferred from them. Pure and free of Node modules: the admin app imports it.
 */
import { z } from 'zod';
import { text } from '../shared/schema/text.ts';
import { ROLE_NAMES } from './roles.ts';
import { ORGANIZATION_KINDS } from './organizations.kinds.ts';

const positiveId = (what: string) => z.number({ error: `${what}应为正整数` }).int({ error: `${what}应为正整数` }).min(1, { error: `${what}应为正整数` });
const roles = z.array(z.enum(ROLE_NAMES as [string, ...string[]], { error: '未知角色' }), { error: '角色应为列表' }).min(1, { error: '至少选择一个角色' });
const kind = z.enum(Object.keys(ORGANIZATION_KINDS) as [string, ...string[]], { error: '单位类型不正确' });
const displayName = text({ min: 1, max: 64, tooShort: '请填写姓名', tooLong: '姓名不能超过64个字' });
/** Strength is the usecase's rule (password.rules.ts); the shape bounds only the length. */
const password = z.string({ error: '密码应为文本' }).max(256, { error: '密码不能超过256个字符' });

export const userCreateShape = z.strictObject({
  username: z.string({ error: '用户名应为文本' }).regex(/^[A-Za-z0-9_.-]{3,32}$/, { error: '用户名应为3至32位字母、数字、下划线、点或连字符' }),
  displayName,
  organizationId: positiveId('单位编号'),
  roles,
  password,
});
export type UserCreateInput = z.input<typeof userCreateShape>;

export const userPatchShape = z
  .strictObject({
    displayName: displayName.optional(),
    organizationId: positiveId('单位编号').optional(),
    roles: roles.optional(),
    disabled: z.boolean({ error: '应为 true 或 false' }).optional(),
    password: password.optional(),
    version: positiveId('版本').optional().describe('所修改的版本（用户列表中的 version）；用户已被他人修改则返回 409'),
  })
  .refine((p) => Object.keys(p).some((k) => k !== 'version'), { error: '请至少修改一项' });
export type UserPatchInput = z.input<typeof userPatchShape>;

export const userListQueryShape = z.object({
  organizationId: z.coerce.number({ error: '单位编号应为正整数' }).int({ error: '单位编号应为正整数' }).min(1, { error: '单位编号应为正整数' }).optional(),
  q: text({ max: 64 }).optional(),
});

const orgName = text({ min: 2, max: 80, tooShort: '单位名称至少2个字', tooLong: '单位名称不能超过80个字' });

export const organizationCreateShape = z.strictObject({
  code: z.string({ error: '单位代码应为文本' }).max(40, { error: '单位代码不能超过40个字符' }),
  name: orgName,
  parentId: positiveId('上级单位编号'),
  kind,
});
export type OrganizationCreateInput = z.input<typeof organizationCreateShape>;

export const organizationPatchShape = z
  .strictObject({ name: orgName.optional(), parentId: positiveId('上级单位编号').optional(), kind: kind.optional(), disabled: z.boolean({ error: '应为 true 或 false' }).optional() })
  .refine((p) => Object.keys(p).length > 0, { error: '请至少修改一项' });
export type OrganizationPatchInput = z.input<typeof organizationPatchShape>;

export const auditQueryShape = z.object({
  limit: z.coerce.number({ error: '条数应为1至500的整数' }).int({ error: '条数应为1至500的整数' }).min(1, { error: '条数应为1至500的整数' }).max(500, { error: '条数应为1至500的整数' }).default(50),
  before: z.coerce.number({ error: '编号应为正整数' }).int({ error: '编号应为正整数' }).min(1, { error: '编号应为正整数' }).optional(),
});
