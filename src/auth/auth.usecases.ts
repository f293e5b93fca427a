/**
 * Login, logout, session lookup and password change. Every login attempt, failed ones too, is
 * written to the audit log. Lockout: MAX_FAILED_LOGINS consecutive failures lock the account
 * for LOCKOUT_MINUTES; a locked account is refused even with the right password.
 */
import { AppError } from '../shared/app-error.ts';
import type { AppDeps } from '../shared/deps.ts';
import { createAuditRepository } from './audit.repository.ts';
import { createSessionsRepository } from './sessions.repository.ts';
import { createUsersRepository, toUser, type User } from './users.repository.ts';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password.hash.ts';
import { LOCKOUT_MINUTES, MAX_FAILED_LOGINS, passwordProblems } from './password.rules.ts';
import { createLoginThrottleRepository, IP_MAX_FAILURES, IP_WINDOW_MINUTES } from './login-throttle.repository.ts';
import { clientKey } from '../http/client-key.ts';

const invalid = () => new AppError('auth.invalid_credentials', '用户名或密码错误', 401);

function shanghaiTime(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(11, 16);
}

export async function login({
  username,
  password,
  ip,
  deps,
}: {
  username: string;
  password: string;
  ip: string;
  deps: AppDeps;
}): Promise<{ user: User; token: string; csrfToken: string; mustChangePassword: boolean }> {
  const users = createUsersRepository(deps);
  const audit = createAuditRepository(deps);
  const throttle = createLoginThrottleRepository(deps);
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const ipKey = clientKey(ip);
  // Per address first: one address cannot spend every account's budget (nor lock `admin` out
  // for free) — it runs out of its own after IP_MAX_FAILURES failures.
  if ((await throttle.take(ipKey, now)) > IP_MAX_FAILURES) {
    await audit.append({ username, action: 'auth.login_refused', ip, detail: { reason: 'ip_throttled' } }, now);
    throw new AppError('auth.throttled', `该网络地址登录失败次数过多，请 ${IP_WINDOW_MINUTES} 分钟后再试`, 429);
  }
  const row = await users.byUsername(username);
  if (!row) {
    await verifyPassword(password, DUMMY_HASH); // same time as a real check: no user enumeration
    await audit.append({ username, action: 'auth.login_failed', ip, detail: { reason: 'unknown_user' } }, now);
    throw invalid();
  }
  const who = { userId: row.id, username: row.username, ip, targetType: 'user', targetId: row.id };
  const refuseLocked = async () => {
    const until = (await users.byId(row.id))?.locked_until ?? nowIso;
    await audit.append({ ...who, action: 'auth.login_refused', detail: { reason: 'locked' } }, now);
    return new AppError('auth.locked', `连续登录失败次数过多，账户已锁定，请于 ${shanghaiTime(until)}（北京时间）后再试`, 423);
  };
  if (row.disabled === 1) {
    await audit.append({ ...who, action: 'auth.login_refused', detail: { reason: 'disabled' } }, now);
    throw new AppError('auth.disabled', '该账户已停用，请联系系统管理员', 403);
  }
  const attempt = await users.takeLoginAttempt(row.id, nowIso);
  const lockUntil = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString();
  if (attempt === null) throw await refuseLocked();
  if (attempt > MAX_FAILED_LOGINS) {
    // Parallel attempts beyond the budget: lock without checking the password at all.
    await users.lock(row.id, nowIso, lockUntil);
    throw await refuseLocked();
  }
  if (!(await verifyPassword(password, row.password_hash))) {
    const lock = attempt === MAX_FAILED_LOGINS;
    if (lock) await users.lock(row.id, nowIso, lockUntil);
    await audit.append({ ...who, action: 'auth.login_failed', detail: { reason: 'wrong_password', failures: attempt, locked: lock } }, now);
    if (lock) {
      throw new AppError('auth.invalid_credentials', `用户名或密码错误；已连续失败 ${MAX_FAILED_LOGINS} 次，账户锁定 ${LOCKOUT_MINUTES} 分钟`, 401);
    }
    throw invalid();
  }
  await users.clearFailures(row.id);
  await throttle.giveBack(ipKey);
  const { token, csrfToken } = await createSessionsRepository(deps).create(row.id, ip, now);
  await audit.append({ ...who, action: 'auth.login' }, now);
  return { user: toUser(row), token, csrfToken, mustChangePassword: row.password_changed_at === '' };
}

export async function logout({ token, user, ip, deps }: { token: string; user: User; ip: string; deps: AppDeps }) {
  await createSessionsRepository(deps).delete(token);
  await createAuditRepository(deps).append(
    { userId: user.id, username: user.username, action: 'auth.logout', ip },
    deps.clock.now(),
  );
}

/** The user and CSRF token behind a session cookie, or null when absent, expired or disabled. */
export async function sessionUser({ token, deps }: { token: string; deps: AppDeps }) {
  const session = await createSessionsRepository(deps).find(token, deps.clock.now());
  if (!session) return null;
  const row = await createUsersRepository(deps).byId(session.user_id);
  if (!row || row.disabled === 1) return null;
  return { user: toUser(row), csrfToken: session.csrf_token, mustChangePassword: row.password_changed_at === '' };
}

export async function changePassword({
  user,
  currentPassword,
  newPassword,
  ip,
  deps,
}: {
  user: User;
  currentPassword: string;
  newPassword: string;
  ip: string;
  deps: AppDeps;
}): Promise<void> {
  const users = createUsersRepository(deps);
  const row = await users.byId(user.id);
  if (!row || !(await verifyPassword(currentPassword, row.password_hash))) {
    throw new AppError('auth.invalid_credentials', '当前密码不正确', 400);
  }
  const problems = passwordProblems(newPassword);
  if (problems.length) throw new AppError('auth.weak_password', problems.join('；'), 400);
  const now = deps.clock.now();
  await users.update(user.id, { password_hash: await hashPassword(newPassword), password_changed_at: now.toISOString() });
  await createAuditRepository(deps).append(
    { userId: user.id, username: user.username, action: 'auth.password_changed', ip, targetType: 'user', targetId: user.id },
    now,
  );
}
