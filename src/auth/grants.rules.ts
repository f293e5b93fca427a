/**
 * Who may create or change an account, and grant which roles (pure). A grant never reaches
 * further than the granter: the account's organization lies in the granter's subtree, a role that
 * reads the whole platform (auditor) is granted only from a root organization, nobody changes
 * their own roles, and privileged roles (PRIVILEGED_ROLES) and their holders are the security
 * administrator's alone — so a department administrator cannot make itself an auditor.
 */
import { AppError } from '../shared/app-error.ts';
import { canWriteIn, isRootOrg, type Actor, type OrgNode } from './access.rules.ts';
import { PRIVILEGED_ROLES, ROLES, roleLabel, type Role } from './roles.ts';

export interface AccountChange {
  /** The account changed, or null for a new one. */
  target: { id: number; organizationId: number; roles: readonly Role[] } | null;
  /** Organization the account ends up in. */
  organizationId: number;
  /** The account's roles afterwards (undefined: unchanged). */
  roles?: readonly Role[];
  /** Whether anything besides the display name changes (password, organization, disabled). */
  touchesAccess: boolean;
}

const forbidden = (code: string, message: string) => new AppError(code, message, 403);

/** Returns the reason `actor` may not make `change`, or null when allowed. */
export function accountChangeProblem(actor: Actor, change: AccountChange, orgs: readonly OrgNode[]): AppError | null {
  const manages = (orgId: number) => canWriteIn(actor, 'admin', orgId, orgs) || canWriteIn(actor, 'security_admin', orgId, orgs);
  const { target } = change;
  if (target && !manages(target.organizationId)) return forbidden('auth.forbidden', '无权对该单位的用户进行此操作');
  if (!manages(change.organizationId)) return forbidden('auth.forbidden', '无权对该单位的用户进行此操作');
  const before = new Set(target?.roles ?? []);
  const after = new Set(change.roles ?? target?.roles ?? []);
  const rolesChange = change.roles !== undefined && (before.size !== after.size || [...after].some((r) => !before.has(r)));
  if (target && target.id === actor.id && (rolesChange || change.touchesAccess)) {
    return forbidden('users.own_account', '不能修改自己的角色、单位、状态或由管理员重置自己的密码');
  }
  const isSecurityAdmin = (orgId: number) => canWriteIn(actor, 'security_admin', orgId, orgs);
  const changed = [...after].filter((r) => !before.has(r)).concat([...before].filter((r) => !after.has(r)));
  const privileged = changed.filter((r) => PRIVILEGED_ROLES.includes(r));
  if (privileged.length && !isSecurityAdmin(change.organizationId)) {
    return forbidden('users.privileged_role', `只有安全管理员可以授予或收回“${privileged.map(roleLabel).join('、')}”角色`);
  }
  const holds = [...before].filter((r) => PRIVILEGED_ROLES.includes(r));
  if (target && holds.length && (rolesChange || change.touchesAccess) && !isSecurityAdmin(target.organizationId)) {
    return forbidden('users.privileged_account', `该账户持有“${holds.map(roleLabel).join('、')}”角色，只有安全管理员可以修改`);
  }
  const platformWide = [...after].filter((r) => !before.has(r) && ROLES[r].scope === 'all-read');
  if (platformWide.length && !isRootOrg(orgs, actor.organizationId)) {
    return forbidden('users.beyond_reach', `“${platformWide.map(roleLabel).join('、')}”可查看全平台，超出您的管辖范围，不能授予`);
  }
  return null;
}
