import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

/**
 * `serve --demo` (and so `npm start`) writes the generated passwords to a file only its owner
 * reads, and prints where: a service's output ends up in logs (journald, docker logs), and a
 * password must never be in a log. Returns the file's path.
 */
export function writeDemoCredentials(list: DemoCredentials[], adminUrl: string, dataDir: string): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, 'demo-accounts.txt');
  writeFileSync(file, `${formatDemoCredentials(list, adminUrl)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return file;
}

export function demoCredentialsNotice(file: string, adminUrl: string): string {
  return `已载入演示数据（石龙区人民政府）。各演示账户的随机密码已写入 ${file}（仅本用户可读，不写入服务日志），请妥善保存；管理后台：${adminUrl}`;
}
