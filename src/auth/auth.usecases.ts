/**
 * Login, logout, session lookup and password change. Every login attempt, failed ones too, is
 * written to the audit log. Lockout (DESIGN: security): MAX_FAILED_LOGINS failures from one
 * source lock that source out of the account, ACCOUNT_MAX_FAILED_LOGINS from all sources lock
 * the account; each further lock lasts twice as long. A lock holds even with the right password.
 */
import { AppError } from '../shared/app-error.ts';
import type { AppDeps } from '../shared/deps.ts';
import { createAuditRepository } from './audit.repository.ts';
import { createSessionsRepository } from './sessions.repository.ts';
import { createUsersRepository, toUser, type User } from './users.repository.ts';
import { dummyHash, hashPassword, isWeaker, verifyPassword } from './password.hash.ts';
import { ACCOUNT_MAX_FAILED_LOGINS, MAX_FAILED_LOGINS, passwordProblems, type CheckTake } from './password.rules.ts';
import { createLoginSourceLocksRepository } from './login-source-locks.repository.ts';
import { createLoginThrottleRepository, IP_MAX_FAILURES, IP_WINDOW_MINUTES } from './login-throttle.repository.ts';
import { clientKey } from '../http/client-key.ts';
import { inTransaction } from '../db/transaction.ts';

/** How long an attempt waits for running checks of the same account before giving up (429). */
const CHECK_WAIT_MS = 10_000;

const invalid = () => new AppError('auth.invalid_credentials', '用户名或密码错误', 401);

/** Waits (briefly, with growing pauses) while checks in flight fill a budget. */
async function whenFree(take: () => Promise<CheckTake>): Promise<CheckTake> {
  const deadline = Date.now() + CHECK_WAIT_MS;
  for (let pause = 10; ; pause = Math.min(pause * 2, 200)) {
    const taken = await take();
    if (taken !== 'busy' || Date.now() >= deadline) return taken;
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

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
    await verifyPassword(password, dummyHash()); // same time as a real check: no user enumeration
    await audit.append({ username, action: 'auth.login_failed', ip, detail: { reason: 'unknown_user' } }, now);
    throw invalid();
  }
  const who = { userId: row.id, username: row.username, ip, targetType: 'user', targetId: row.id };
  const sources = createLoginSourceLocksRepository(deps);
  const refuseLocked = async (scope: 'source' | 'account') => {
    const until = (scope === 'source' ? await sources.lockedUntil(row.id, ipKey) : (await users.byId(row.id))?.locked_until) ?? nowIso;
    await audit.append({ ...who, action: 'auth.login_refused', detail: { reason: 'locked', scope } }, now);
    const whose = scope === 'source' ? '从该网络地址登录本账户' : '账户';
    return new AppError('auth.locked', `连续登录失败次数过多，${whose}已锁定，请于 ${shanghaiTime(until)}（北京时间）后再试`, 423);
  };
  if (row.disabled === 1) {
    await audit.append({ ...who, action: 'auth.login_refused', detail: { reason: 'disabled' } }, now);
    throw new AppError('auth.disabled', '该账户已停用，请联系系统管理员', 403);
  }
  // Two budgets, a check taken from each before the password is checked: this source's against
  // this account (MAX_FAILED_LOGINS, locks only the source), and the account's from all sources
  // together (ACCOUNT_MAX_FAILED_LOGINS): one source alone cannot lock the account for everyone.
  // Only a wrong password counts as a failure; while checks in flight fill a budget, the next
  // attempt waits for them (one may be the right password) instead of locking.
  const busy = () => new AppError('auth.busy', '同时进行的登录过多，请稍后再试', 429);
  const fromSource = await whenFree(() => sources.takeCheck(row.id, ipKey, now));
  if (fromSource === 'locked') throw await refuseLocked('source');
  if (fromSource === 'busy') throw busy();
  const fromAccount = await whenFree(() => users.takeLoginCheck(row.id, now));
  if (fromAccount !== 'taken') {
    await sources.endCheck(row.id, ipKey, 'unchecked', now);
    throw fromAccount === 'locked' ? await refuseLocked('account') : busy();
  }
  const right = await verifyPassword(password, row.password_hash);
  const end = right ? 'right' : 'wrong';
  const sourceFailures = await sources.endCheck(row.id, ipKey, end, now);
  const failures = await users.endLoginCheck(row.id, end);
  if (!right) {
    const lockSource = sourceFailures >= MAX_FAILED_LOGINS;
    const lockAccount = failures >= ACCOUNT_MAX_FAILED_LOGINS;
    if (lockSource) await sources.lock(row.id, ipKey, now);
    if (lockAccount) await users.lock(row.id, now);
    await audit.append({ ...who, action: 'auth.login_failed', detail: { reason: 'wrong_password', failures, sourceFailures, locked: lockSource || lockAccount } }, now);
    if (lockSource || lockAccount) {
      throw new AppError('auth.invalid_credentials', `用户名或密码错误；连续失败次数过多，${lockAccount ? '账户' : '从该网络地址登录本账户'}已被暂时锁定`, 401);
    }
    throw invalid();
  }
  await throttle.giveBack(ipKey);
  // The hash was made at a lower cost than today's setting: store it again at today's cost.
  if (isWeaker(row.password_hash)) await users.update(row.id, { password_hash: await hashPassword(password) });
  const sessions = createSessionsRepository(deps);
  await sessions.purge(now, deps.config.sessionIdleMinutes);
  const { token, csrfToken } = await sessions.create(row.id, ip, now);
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

/** The user and CSRF token behind a session cookie, or null when absent, ended, idle or disabled. */
export async function sessionUser({ token, deps }: { token: string; deps: AppDeps }) {
  const sessions = createSessionsRepository(deps);
  const now = deps.clock.now();
  const found = await sessions.findWithUser(token, now, deps.config.sessionIdleMinutes);
  if (!found || found.user.disabled === 1) return null;
  const { session, user: row } = found;
  await sessions.touch(session, now);
  return { user: toUser(row), csrfToken: session.csrf_token, mustChangePassword: row.password_changed_at === '' };
}

export async function changePassword({
  user,
  token,
  currentPassword,
  newPassword,
  ip,
  deps,
}: {
  user: User;
  /** The session making the change: it stays, every other session of the user ends. */
  token: string;
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
  const problems = passwordProblems(newPassword, { username: user.username, siteWords: [deps.config.site.bodyCode] });
  if (problems.length) throw new AppError('auth.weak_password', problems.join('；'), 400);
  if (await verifyPassword(newPassword, row.password_hash)) throw new AppError('auth.same_password', '新密码不能与当前密码相同', 400);
  const now = deps.clock.now();
  const hash = await hashPassword(newPassword);
  await inTransaction(deps.db, async (trx) => {
    await createUsersRepository({ db: trx }).update(user.id, { password_hash: hash, password_changed_at: now.toISOString() });
    // Whoever held another session (perhaps with the old password) is signed out.
    await createSessionsRepository({ db: trx }).deleteOthers(user.id, token);
    await createAuditRepository({ db: trx }).append(
      { userId: user.id, username: user.username, action: 'auth.password_changed', ip, targetType: 'user', targetId: user.id },
      now,
      trx,
    );
  });
}

/** Deletes ended sessions and forgotten login counters (a timer in the server, and at login). */
export async function purgeEnded(deps: AppDeps): Promise<number> {
  const now = deps.clock.now();
  await createLoginThrottleRepository(deps).purge(now);
  await createLoginSourceLocksRepository(deps).purge(now);
  return createSessionsRepository(deps).purge(now, deps.config.sessionIdleMinutes);
}

/** Ends every session of a user (the security administrator's 结束会话); audited. */
export async function revokeSessions({ actor, userId, ip, deps }: { actor: { id: number; username: string }; userId: number; ip: string; deps: AppDeps }): Promise<number> {
  const now = deps.clock.now();
  return inTransaction(deps.db, async (trx) => {
    const ended = await createSessionsRepository({ db: trx }).deleteForUser(userId);
    await createAuditRepository({ db: trx }).append(
      { userId: actor.id, username: actor.username, action: 'users.sessions_revoked', targetType: 'user', targetId: userId, ip, detail: { ended } },
      now,
      trx,
    );
    return ended;
  });
}
