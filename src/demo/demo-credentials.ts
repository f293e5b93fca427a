import { roleLabel } from '../auth/roles.ts';
import type { DemoCredentials } from './demo.seed.ts';

/** The text shown once after seeding: who can log in, with which generated password. */
export function formatDemoCredentials(list: DemoCredentials[], adminUrl: string): string {
  const lines = [
    '已载入演示数据（石龙区人民政府）。以下账户密码为本次安装随机生成，只显示这一次，请妥善保存：',
    '',
    ...list.map((c) => `  ${c.username.padEnd(14)} ${c.password}   ${c.displayName}（${c.roles.map(roleLabel).join('、')}）`),
    '',
    `演示管理员：admin   管理后台：${adminUrl}`,
  ];
  return lines.join('\n');
}
