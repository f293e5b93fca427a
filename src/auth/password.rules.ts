/**
 * Password policy (DESIGN: security): at least 10 characters, at least three of the four
 * character classes, not a common password, not a guessable word dressed up with digits and
 * symbols (`Password1!`, `Qwerty12345`, `Gongkai2026`), and not containing the username.
 * Pure: returns the problems in Chinese.
 */
import { COMMON_PASSWORDS, GUESSABLE_WORDS } from './password.blocklist.ts';

export const PASSWORD_MIN_LENGTH = 10;

const LEET: Record<string, string> = { '@': 'a', '4': 'a', '0': 'o', '1': 'i', '!': 'i', '3': 'e', '$': 's', '5': 's', '7': 't' };

/** The word inside a password: digits and symbols around it dropped, look-alikes read as letters. */
export function guessableCore(password: string): string {
  const trimmed = password.toLowerCase().replace(/^[^a-z]+|[^a-z]+$/g, '');
  return [...trimmed].map((c) => LEET[c] ?? c).join('').replace(/[^a-z]/g, '');
}

export interface PasswordContext {
  username?: string;
  /** Words naming this installation (e.g. the body's code), guessable like the built-in ones. */
  siteWords?: readonly string[];
}

export function passwordProblems(password: string, context: PasswordContext = {}): string[] {
  const problems: string[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) problems.push(`密码至少 ${PASSWORD_MIN_LENGTH} 个字符`);
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('密码须包含小写字母、大写字母、数字、符号中的至少三类');
  const lower = password.toLowerCase();
  const core = guessableCore(password);
  const siteWords = (context.siteWords ?? []).map((w) => w.toLowerCase().replace(/[^a-z]/g, '')).filter(Boolean);
  if (COMMON_PASSWORDS.has(lower) || core === '' || GUESSABLE_WORDS.has(core) || siteWords.includes(core)) {
    problems.push('密码过于常见或容易猜到（如 Password1!、Qwerty12345、网站名称加年份），请换一个');
  }
  const username = context.username?.toLowerCase();
  if (username && username.length >= 3 && lower.includes(username)) {
    problems.push('密码不能包含用户名');
  }
  return problems;
}

/** Lockout rules (DESIGN: security): a source's failures against one account, and all sources'. */
export const MAX_FAILED_LOGINS = 5;
export const ACCOUNT_MAX_FAILED_LOGINS = 10;
export const LOCKOUT_MINUTES = 15;
/** Each further lock doubles, up to these caps (a source's own lock grows longer than the account's). */
export const SOURCE_LOCKOUT_MAX_MINUTES = 24 * 60;
export const ACCOUNT_LOCKOUT_MAX_MINUTES = 60;
/**
 * A password check still counted as running after this long belongs to a process that died
 * mid-check (a check takes well under a second): it no longer holds a place in the budget.
 */
export const LOGIN_CHECK_STALE_MS = 60_000;

/** The answer to taking a password check from a budget: wait and try again when `busy`. */
export type CheckTake = 'taken' | 'locked' | 'busy';
/** How a taken check ends: a right password gives it back and forgets the failures. */
export type CheckEnd = 'right' | 'wrong' | 'unchecked';

/** Minutes of the n-th consecutive lock (n ≥ 1): LOCKOUT_MINUTES, doubling, capped. */
export function lockoutMinutes(n: number, cap: number): number {
  return Math.min(cap, LOCKOUT_MINUTES * 2 ** Math.min(Math.max(n - 1, 0), 20));
}
