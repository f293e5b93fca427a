/**
 * `gongkai db grants --role NAME [--apply]`: the PostgreSQL grants of the application's role
 * (db/grants.rules.ts). Printed by default, for a DBA to review; `--apply` runs them through
 * DATABASE_URL, which must then be the owner's (the role that runs `gongkai migrate`).
 */
import { sql } from 'kysely';
import { loadConfig } from '../../config/config.ts';
import { appRoleGrants, isRoleName } from '../../db/grants.rules.ts';
import { openDeps } from '../open-deps.ts';
import { parseCommandArgs } from '../args.ts';
import { UsageError, type Command } from '../command.ts';

export const dbGrantsCommand: Command = {
  name: 'db grants',
  summary: '输出（或以 --apply 执行）PostgreSQL 应用角色的授权：可读写业务表，审计日志只可追加（不能 UPDATE/DELETE/TRUNCATE）',
  usage: 'gongkai db grants --role 应用角色名 [--apply]\n  DATABASE_URL 须为表的所有者（执行迁移的角色）；服务以应用角色连接。每次 gongkai migrate 后再执行一次',
  async run(args, io) {
    const { values } = parseCommandArgs(args, { role: { type: 'string' }, apply: { type: 'boolean' } });
    const role = values.role ?? '';
    if (!isRoleName(role)) throw new UsageError(`--role 须为 PostgreSQL 角色名（小写字母、数字、下划线）：${role}`);
    const config = loadConfig(io.env, io.cwd);
    if (config.databaseUrl.startsWith('sqlite:')) {
      io.stdout('SQLite 没有数据库角色：请用文件权限保护数据库文件（数据目录 0700，文件 0600）。授权只适用于 PostgreSQL。');
      return 1;
    }
    const statements = appRoleGrants(role);
    if (!values.apply) {
      io.stdout(`${statements.map((s) => `${s};`).join('\n')}`);
      return 0;
    }
    const deps = await openDeps(io);
    try {
      const exists = await sql<{ n: number }>`select count(*)::int as n from pg_roles where rolname = ${role}`.execute(deps.db);
      if (!exists.rows[0]?.n) {
        io.stdout(`角色 ${role} 不存在：请先由数据库管理员创建（CREATE ROLE ${role} LOGIN PASSWORD '…'），再执行本命令`);
        return 1;
      }
      await deps.db.transaction().execute(async (trx) => {
        for (const s of statements) await sql.raw(s).execute(trx);
      });
      io.stdout(`已为角色 ${role} 授权：业务表可读写，审计日志只可插入和读取`);
      return 0;
    } finally {
      await deps.close();
    }
  },
};
