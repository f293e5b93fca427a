/**
 * Roles (pure; the admin app imports this file too). A user holds one or more roles within one
 * organization. `scope` says how far down the organization tree a role's writes reach.
 */
export const ROLES = {
  admin: { label: '系统管理员', scope: 'subtree', description: '管理本单位及下级单位的用户和组织' },
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
