/**
 * Password policy (DESIGN: security baseline; issue "Platform foundation"): at least 10 characters
 * and at least three of the four character classes. Pure: returns the problems in Chinese.
 */
export const PASSWORD_MIN_LENGTH = 10;

export function passwordProblems(password: string): string[] {
  const problems: string[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) problems.push(`密码至少 ${PASSWORD_MIN_LENGTH} 个字符`);
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('密码须包含小写字母、大写字母、数字、符号中的至少三类');
  return problems;
}

/** Lockout rule: after this many consecutive failures the account is locked for LOCKOUT_MINUTES. */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
