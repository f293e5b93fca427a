/**
 * Administering accounts and organizations. Every write checks the actor's role and
 * organization (an administrator manages their own organization and its sub-units) and is
 * written to the audit log in the same transaction.
 */
import { AppError, forbidden, notFound, conflict } from '../shared/app-error.ts';
import type { AppDeps } from '../shared/deps.ts';
import { createAuditRepository } from './audit.repository.ts';
import { createOrganizationsRepository, type Organization } from './organizations.repository.ts';
import { createUsersRepository, toUser, type User } from './users.repository.ts';
import { canWriteIn, parseRoles, readableOrgIds, type Actor } from './access.rules.ts';
import { accountChangeProblem } from './grants.rules.ts';
import { hashPassword } from './password.hash.ts';
import { passwordProblems } from './password.rules.ts';
import { isRole, type Role } from './roles.ts';

const notAllowed = () => forbidden('auth.forbidden', '无权对该单位的用户或组织进行此操作');

function checkRoles(roles: string[]): Role[] {
  const bad = roles.filter((r) => !isRole(r));
  if (bad.length) throw new AppError('users.invalid_role', `未知角色：${bad.join('、')}`, 400);
  if (roles.length === 0) throw new AppError('users.no_role', '至少选择一个角色', 400);
  return roles as Role[];
}

function checkPassword(password: string) {
  const problems = passwordProblems(password);
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
  let visible = readableOrgIds(actor, orgs);
  if (organizationId !== undefined) visible = visible.filter((id) => id === organizationId);
  return createUsersRepository(deps).list({ organizationIds: visible, q });
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
  checkPassword(input.password);
  const users = createUsersRepository(deps);
  if (await users.byUsername(input.username)) throw conflict('users.username_taken', `用户名“${input.username}”已被使用`);
  const now = deps.clock.now().toISOString();
  const hash = await hashPassword(input.password);
  const id = await deps.db.transaction().execute(async (trx) => {
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
  patch: { displayName?: string; organizationId?: number; roles?: string[]; disabled?: boolean; password?: string };
  ip: string;
  deps: AppDeps;
}): Promise<User> {
  const users = createUsersRepository(deps);
  const current = await users.byId(userId);
  if (!current) throw notFound('users.not_found', '用户不存在');
  const orgs = await createOrganizationsRepository(deps).list();
  if (patch.organizationId !== undefined && !orgs.some((o) => o.id === patch.organizationId)) throw notFound('organizations.not_found', '单位不存在');
  if (patch.disabled && userId === actor.id) throw new AppError('users.cannot_disable_self', '不能停用自己的账户', 400);
  const roles = patch.roles ? checkRoles(patch.roles) : undefined;
  const problem = accountChangeProblem(
    actor,
    {
      target: { id: current.id, organizationId: current.organization_id, roles: parseRoles(current.roles) },
      organizationId: patch.organizationId ?? current.organization_id,
      roles,
      touchesAccess: patch.organizationId !== undefined || patch.disabled !== undefined || patch.password !== undefined,
    },
    orgs,
  );
  if (problem) throw problem;
  if (patch.password !== undefined) checkPassword(patch.password);
  const set = {
    ...(patch.displayName !== undefined && { display_name: patch.displayName }),
    ...(patch.organizationId !== undefined && { organization_id: patch.organizationId }),
    ...(roles && { roles: JSON.stringify(roles) }),
    ...(patch.disabled !== undefined && { disabled: patch.disabled ? 1 : 0 }),
    ...(patch.password !== undefined && {
      password_hash: await hashPassword(patch.password),
      password_changed_at: '',
      failed_logins: 0,
      locked_until: null,
    }),
  };
  await deps.db.transaction().execute(async (trx) => {
    if (Object.keys(set).length) await createUsersRepository({ db: trx }).update(userId, set);
    const { password: _omitted, ...shown } = patch;
    await createAuditRepository({ db: trx }).append(
      { userId: actor.id, username: actor.username, action: 'users.updated', targetType: 'user', targetId: userId, ip, detail: { ...shown, passwordReset: patch.password !== undefined } },
      deps.clock.now(),
      trx,
    );
    if (patch.disabled || patch.password !== undefined) await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
  });
  return toUser((await users.byId(userId))!);
}
