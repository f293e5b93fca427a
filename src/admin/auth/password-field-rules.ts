// antd Form rules for a new password, using the server's own pure policy (src/auth/password.rules.ts)
// so the form and the server can never disagree about what is acceptable.
import type { Rule } from 'antd/es/form/index.js';
import { passwordProblems } from '../../auth/password.rules.ts';

export const PASSWORD_POLICY_HINT = '至少 10 个字符，包含小写字母、大写字母、数字、符号中的至少三类；不能是常见密码（如 Password1!）、网站名称加年份，也不能包含用户名。';

export const newPasswordRules: Rule[] = [
  { required: true, message: '请输入新密码' },
  {
    validator: async (_rule, value: string | undefined) => {
      if (!value) return;
      const problems = passwordProblems(value);
      if (problems.length) throw new Error(problems.join('；'));
    },
  },
];

/** Rules for a "confirm password" field that must repeat the field named `otherField`. */
export function confirmPasswordRules(otherField: string): Rule[] {
  return [
    { required: true, message: '请再次输入新密码' },
    ({ getFieldValue }) => ({
      validator: async (_rule, value: string | undefined) => {
        if (value && value !== getFieldValue(otherField)) throw new Error('两次输入的密码不一致');
      },
    }),
  ];
}
