/**
 * The login and password-change requests' shapes (pure; the admin app's forms send them). The name is taken
 * as typed (not trimmed: it is an identity, matched exactly); the password only has a length
 * bound here. Control characters are refused by the shared rule.
 */
import { z } from 'zod';
import { hasControlCharacter, CONTROL_CHARACTER_CODE, controlCharacterMessage } from '../shared/schema/text.ts';

const noControl = (v: string) => !hasControlCharacter(v, false);
const controlRefusal = { error: controlCharacterMessage(), params: { code: CONTROL_CHARACTER_CODE }, abort: true } as const;

export const loginShape = z.strictObject({
  username: z.string({ error: '用户名应为文本' }).refine(noControl, controlRefusal).min(1, { error: '请填写用户名' }).max(64, { error: '用户名不能超过64个字符' }),
  password: z.string({ error: '密码应为文本' }).refine(noControl, controlRefusal).min(1, { error: '请填写密码' }).max(256, { error: '密码不能超过256个字符' }),
});
export type LoginInput = z.input<typeof loginShape>;

/** Strength and reuse are the usecase's rules (password.rules.ts); the shape bounds the length. */
export const passwordChangeShape = z.strictObject({
  currentPassword: z.string({ error: '当前密码应为文本' }).refine(noControl, controlRefusal).min(1, { error: '请填写当前密码' }).max(256, { error: '密码不能超过256个字符' }),
  newPassword: z.string({ error: '新密码应为文本' }).refine(noControl, controlRefusal).max(256, { error: '密码不能超过256个字符' }),
});
export type PasswordChangeInput = z.input<typeof passwordChangeShape>;
