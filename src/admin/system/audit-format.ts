// Pure presentation helpers for audit-log rows.

/** Chinese names of the actions the server writes; unknown actions are shown by their code. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.login_refused': '拒绝登录',
  'auth.logout': '退出登录',
  'auth.password_changed': '修改密码',
  'users.created': '新建用户',
  'users.updated': '修改用户',
  'organizations.created': '新建机构',
  'organizations.updated': '修改机构',
  'demo.seeded': '载入演示数据',
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

const TARGET_TYPE_LABELS: Record<string, string> = { user: '用户', organization: '机构' };

/** "用户 #7"; "—" when the entry concerns no particular record. */
export function auditTargetText(targetType: string | null, targetId: string | number | null): string {
  if (!targetType) return '—';
  const label = TARGET_TYPE_LABELS[targetType] ?? targetType;
  return targetId === null || targetId === undefined ? label : `${label} #${targetId}`;
}

/** Compact one-line text for the detail column (objects as key=value pairs). */
export function auditDetailText(detail: unknown): string {
  if (detail === null || detail === undefined || detail === '') return '';
  let value = detail;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return value as string;
    }
  }
  if (typeof value !== 'object' || value === null) return String(value);
  return Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join('，');
}
