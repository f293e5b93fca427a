import { createOrganizationsRepository } from '../../auth/organizations.repository.ts';
import { createUsersRepository } from '../../auth/users.repository.ts';
import { createAuditRepository } from '../../auth/audit.repository.ts';
import { generatePassword, hashPassword } from '../../auth/password.hash.ts';
import { passwordProblems } from '../../auth/password.rules.ts';
import { isRole, ROLE_NAMES } from '../../auth/roles.ts';
import { AppError } from '../../shared/app-error.ts';
import { openDeps } from '../open-deps.ts';
import { parseCommandArgs } from '../args.ts';
import { UsageError, type Command } from '../command.ts';

/** Creates an account from the server's shell (e.g. the first administrator of a new installation). */
export const userAddCommand: Command = {
  name: 'user add',
  summary: '新建用户（如新安装的第一个管理员）',
  usage: `gongkai user add --username NAME --name 姓名 --org 单位代码 --role ROLE[,ROLE] [--password-stdin]\n  角色：${ROLE_NAMES.join(', ')}\n  不给 --password-stdin 时生成一个随机密码并显示一次`,
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      username: { type: 'string' },
      name: { type: 'string' },
      org: { type: 'string' },
      role: { type: 'string' },
      'password-stdin': { type: 'boolean' },
    });
    if (!values.username || !values.org || !values.role) throw new UsageError('需要 --username、--org 和 --role');
    const roles = values.role.split(',').map((r) => r.trim());
    const bad = roles.filter((r) => !isRole(r));
    if (bad.length) throw new UsageError(`未知角色：${bad.join(', ')}`);
    const password = values['password-stdin'] ? (await io.readStdin()).trim() : generatePassword();
    const problems = passwordProblems(password, { username: values.username });
    if (problems.length) throw new AppError('auth.weak_password', problems.join('；'));
    const deps = await openDeps(io);
    try {
      const org = await createOrganizationsRepository(deps).byCode(values.org);
      if (!org) throw new AppError('organizations.not_found', `单位代码不存在：${values.org}`);
      const users = createUsersRepository(deps);
      if (await users.byUsername(values.username)) throw new AppError('users.username_taken', `用户名已存在：${values.username}`);
      const now = deps.clock.now();
      const id = await users.insert({
        username: values.username,
        display_name: values.name ?? values.username,
        organization_id: org.id,
        password_hash: await hashPassword(password),
        roles: JSON.stringify(roles),
        disabled: 0,
        failed_logins: 0,
        locked_until: null,
        password_changed_at: now.toISOString(),
        created_at: now.toISOString(),
      });
      await createAuditRepository(deps).append({ action: 'users.created', targetType: 'user', targetId: id, detail: { username: values.username, roles, via: 'cli' } }, now);
      io.stdout(`已创建用户 ${values.username}（${org.name}）${values['password-stdin'] ? '' : `，密码：${password}`}`);
      return 0;
    } finally {
      await deps.close();
    }
  },
};
