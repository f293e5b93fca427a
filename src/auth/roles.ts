/**
 * Roles (pure; the admin app imports this file too). A user holds one or more roles within one
 * organization. `scope` says how far down the organization tree a role's writes reach.
 *
 * 三员分立 (GB/T 22239-2019 8.1.4.2/8.1.10): the system administrator keeps accounts and
 * organizations but no business data; the security administrator alone grants roles, resets
 * privileged accounts and ends sessions; the audit administrator reads the audit log and nothing
 * else. None of the three can change their own roles (DESIGN: security).
 */
export const ROLES = {
  admin: { label: '系统管理员', scope: 'subtree', description: '管理本单位及下级单位的账户和组织，不接触申请人个人信息' },
  security_admin: { label: '安全管理员', scope: 'subtree', description: '授予和收回角色、重置管理类账户密码、结束会话' },
  audit_admin: { label: '审计管理员', scope: 'subtree', description: '查阅审计日志，不能修改任何内容' },
  publisher: { label: '信息发布员', scope: 'own', description: '为本单位栏目起草、提交主动公开信息' },
  reviewer: { label: '审核人', scope: 'own', description: '审核本单位的发布稿件，批准延期答复' },
  case_handler: { label: '承办人', scope: 'subtree', description: '登记、办理依申请公开案件' },
  report_editor: { label: '年报编辑', scope: 'own', description: '编制、提交年度报告' },
  leader: { label: '分管领导', scope: 'own', description: '审批年度报告（第一责任人）' },
  auditor: { label: '审计（只读）', scope: 'all-read', description: '查看全部内容，不能修改' },
} as const;

export type Role = keyof typeof ROLES;
export const ROLE_NAMES = Object.keys(ROLES) as Role[];

export function isRole(v: string): v is Role {
  return Object.hasOwn(ROLES, v);
}

export function roleLabel(role: string): string {
  return isRole(role) ? ROLES[role].label : role;
}

/** Roles only a security administrator may grant, revoke, or touch the holders of. */
export const PRIVILEGED_ROLES: readonly Role[] = ['admin', 'security_admin', 'audit_admin', 'auditor'];

/** Roles that never write anything. */
export const READ_ONLY_ROLES: readonly Role[] = ['auditor', 'audit_admin'];
