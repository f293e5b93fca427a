/**
 * Administering accounts and organizations. Every write checks the actor's role and
 * organization (an administrator manages their own organization and its sub-units) and is
 * written to the audit log in the same transaction.
 */
import { AppError, forbidden, notFound, conflict } from '../shared/app-error.ts';
import { isUniqueViolationOn } from '../db/db-errors.ts';
import type { AppDeps } from '../shared/deps.ts';
import { createAuditRepository } from './audit.repository.ts';
import { createOrganizationsRepository, type Organization } from './organizations.repository.ts';
import { createUsersRepository, toUser, type User } from './users.repository.ts';
import { canWriteIn, parseRoles, readableOrgIds, scopeFilter, type Actor } from './access.rules.ts';
import { accountChangeProblem } from './grants.rules.ts';
import { hashPassword } from './password.hash.ts';
import { passwordProblems } from './password.rules.ts';
import { isRole, type Role } from './roles.ts';
import { revokeSessions } from './auth.usecases.ts';
import { inTransaction } from '../db/transaction.ts';

const changedMeanwhile = () => conflict('users.changed', '该用户已被他人修改，请刷新后重试');
const notAllowed = () => forbidden('auth.forbidden', '无权对该单位的用户或组织进行此操作');

function checkRoles(roles: string[]): Role[] {
  const bad = roles.filter((r) => !isRole(r));
  if (bad.length) throw new AppError('users.invalid_role', `未知角色：${bad.join('、')}`, 400);
  if (roles.length === 0) throw new AppError('users.no_role', '至少选择一个角色', 400);
  return roles as Role[];
}

function checkPassword(password: string, username: string, deps: AppDeps) {
  const problems = passwordProblems(password, { username, siteWords: [deps.config.site.bodyCode] });
  if (problems.length) throw new AppError('auth.weak_password', problems.join('；'), 400);
}

export async function requireWritableOrg(deps: AppDeps, actor: Actor, orgId: number): Promise<readonly Organization[]> {
  const orgs = await createOrganizationsRepository(deps).list();
  if (!orgs.some((o) => o.id === orgId)) throw notFound('organizations.not_found', '单位不存在');
  if (!canWriteIn(actor, 'admin', orgId, orgs)) throw notAllowed();
  return orgs;
}

export async function listUsers({ actor, organizationId, q, deps }: { actor: Actor; organizationId?: number; q?: string; deps: AppDeps }) {
  const orgs = await createOrganizationsRepository(deps).list();
  const visible = readableOrgIds(actor, orgs);
  const organizationIds = organizationId !== undefined ? visible.filter((id) => id === organizationId) : scopeFilter(visible, orgs);
  return createUsersRepository(deps).list({ organizationIds, q });
}

export async function createUser({
  actor,
  input,
  ip,
  deps,
}: {
  actor: Actor;
  input: { username: string; displayName: string; organizationId: number; roles: string[]; password: string };
  ip: string;
  deps: AppDeps;
}): Promise<User> {
  const orgs = await createOrganizationsRepository(deps).list();
  if (!orgs.some((o) => o.id === input.organizationId)) throw notFound('organizations.not_found', '单位不存在');
  const roles = checkRoles(input.roles);
  const problem = accountChangeProblem(actor, { target: null, organizationId: input.organizationId, roles, touchesAccess: true }, orgs);
  if (problem) throw problem;
  checkPassword(input.password, input.username, deps);
  const users = createUsersRepository(deps);
  const taken = () => conflict('users.username_taken', `用户名“${input.username}”已被使用`);
  if (await users.byUsername(input.username)) throw taken();
  const now = deps.clock.now().toISOString();
  const hash = await hashPassword(input.password);
  // Two administrators creating one username at once both pass the check above: the unique key
  // decides, and the loser gets the same 409 (its audit row goes with its transaction).
  const id = await inTransaction(deps.db, async (trx) => {
    const newId = await createUsersRepository({ db: trx }).insert({
      username: input.username,
      display_name: input.displayName,
      organization_id: input.organizationId,
      password_hash: hash,
      roles: JSON.stringify(roles),
      disabled: 0,
      failed_logins: 0,
      locked_until: null,
      password_changed_at: '', // an administrator chose it: the user must change it at first login
      created_at: now,
    });
    await createAuditRepository({ db: trx }).append(
      { userId: actor.id, username: actor.username, action: 'users.created', targetType: 'user', targetId: newId, ip, detail: { username: input.username, roles, organizationId: input.organizationId } },
      deps.clock.now(),
      trx,
    );
    return newId;
  }).catch((e: unknown) => {
    throw isUniqueViolationOn(e, 'users') ? taken() : e;
  });
  return toUser((await users.byId(id))!);
}

export async function updateUser({
  actor,
  userId,
  patch,
  ip,
  deps,
}: {
  actor: Actor;
  userId: number;
  patch: { displayName?: string; organizationId?: number; roles?: string[]; disabled?: boolean; password?: string; version?: number };
  ip: string;
  deps: AppDeps;
}): Promise<User> {
  const users = createUsersRepository(deps);
  const current = await users.byId(userId);
  if (!current) throw notFound('users.not_found', '用户不存在');
  // The change is checked against `current` below, so it is written only over that version: a
  // concurrent change in between (or a client's stale `version`) makes it a 409, never a lost update.
  const { version: expected, ...change } = patch;
  if (expected !== undefined && expected !== current.version) throw changedMeanwhile();
  const orgs = await createOrganizationsRepository(deps).list();
  if (change.organizationId !== undefined && !orgs.some((o) => o.id === change.organizationId)) throw notFound('organizations.not_found', '单位不存在');
  if (change.disabled && userId === actor.id) throw new AppError('users.cannot_disable_self', '不能停用自己的账户', 400);
  const roles = change.roles ? checkRoles(change.roles) : undefined;
  const problem = accountChangeProblem(
    actor,
    {
      target: { id: current.id, organizationId: current.organization_id, roles: parseRoles(current.roles) },
      organizationId: change.organizationId ?? current.organization_id,
      roles,
      touchesAccess: change.organizationId !== undefined || change.disabled !== undefined || change.password !== undefined,
    },
    orgs,
  );
  if (problem) throw problem;
  if (change.password !== undefined) checkPassword(change.password, current.username, deps);
  const set = {
    ...(change.displayName !== undefined && { display_name: change.displayName }),
    ...(change.organizationId !== undefined && { organization_id: change.organizationId }),
    ...(roles && { roles: JSON.stringify(roles) }),
    ...(change.disabled !== undefined && { disabled: change.disabled ? 1 : 0 }),
    ...(change.password !== undefined && {
      password_hash: await hashPassword(change.password),
      password_changed_at: '',
      failed_logins: 0,
      locked_until: null,
    }),
  };
  await inTransaction(deps.db, async (trx) => {
    if (!(await createUsersRepository({ db: trx }).updateAtVersion(userId, current.version, set))) throw changedMeanwhile();
    const { password: _omitted, ...shown } = change;
    await createAuditRepository({ db: trx }).append(
      { userId: actor.id, username: actor.username, action: 'users.updated', targetType: 'user', targetId: userId, ip, detail: { ...shown, passwordReset: change.password !== undefined } },
      deps.clock.now(),
      trx,
    );
    if (change.disabled || change.password !== undefined) await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
  });
  return toUser((await users.byId(userId))!);
}

/**
 * 结束会话: the security administrator (over the account's organization) signs a user out
 * everywhere, e.g. after a lost laptop. Sessions are the security administrator's (三员分立).
 */
export async function endUserSessions({ actor, userId, ip, deps }: { actor: Actor; userId: number; ip: string; deps: AppDeps }): Promise<number> {
  const target = await createUsersRepository(deps).byId(userId);
  if (!target) throw notFound('users.not_found', '用户不存在');
  const orgs = await createOrganizationsRepository(deps).list();
  if (!canWriteIn(actor, 'security_admin', target.organization_id, orgs)) {
    throw forbidden('auth.forbidden', '只有本单位或上级单位的安全管理员可以结束该用户的会话');
  }
  return revokeSessions({ actor, userId, ip, deps });
}
