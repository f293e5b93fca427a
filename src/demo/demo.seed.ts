/**
 * The demo dataset loaded on the first `npm start` (and by `gongkai seed-demo`): the district
 * government of 石龙区 (the body of the seed annual report), its general office (公开办), several
 * departments, and one account per role. Passwords are generated for this installation and
 * shown once; there is no fixed default password anywhere.
 */
import type { AppDeps } from '../shared/deps.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { createUsersRepository } from '../auth/users.repository.ts';
import { createAuditRepository } from '../auth/audit.repository.ts';
import { generatePassword, hashPassword } from '../auth/password.hash.ts';
import type { Role } from '../auth/roles.ts';
import { seedPublishingDemo } from './publishing.seed.ts';
import { seedReportDemo } from './report.seed.ts';
import { inTransaction } from '../db/transaction.ts';

export const DEMO_ORGANIZATIONS = [
  { code: 'shilong', name: '石龙区人民政府', parent: null, kind: 'government', isBody: true },
  { code: 'shilong-office', name: '石龙区人民政府办公室', parent: 'shilong', kind: 'office', isBody: true },
  { code: 'shilong-fgw', name: '石龙区发展和改革委员会', parent: 'shilong', kind: 'department', isBody: true },
  { code: 'shilong-jyj', name: '石龙区教育局', parent: 'shilong', kind: 'department', isBody: true },
  { code: 'shilong-czj', name: '石龙区财政局', parent: 'shilong', kind: 'department', isBody: true },
  { code: 'shilong-rsj', name: '石龙区人力资源和社会保障局', parent: 'shilong', kind: 'department', isBody: true },
  { code: 'shilong-yjj', name: '石龙区应急管理局', parent: 'shilong', kind: 'department', isBody: true },
  { code: 'shilong-renhe', name: '石龙区人民路街道办事处', parent: 'shilong', kind: 'unit', isBody: false },
] as const;

export const DEMO_ACCOUNTS: { username: string; displayName: string; org: string; roles: Role[] }[] = [
  { username: 'admin', displayName: '系统管理员', org: 'shilong', roles: ['admin'] },
  { username: 'secadmin', displayName: '安全管理员 周红', org: 'shilong', roles: ['security_admin'] },
  { username: 'auditadmin', displayName: '审计管理员 吴刚', org: 'shilong', roles: ['audit_admin'] },
  { username: 'fgw-admin', displayName: '发改委 系统管理员 孙涛', org: 'shilong-fgw', roles: ['admin'] },
  { username: 'gkb', displayName: '公开办 王敏', org: 'shilong-office', roles: ['case_handler', 'report_editor', 'publisher', 'reviewer'] },
  { username: 'leader', displayName: '分管副区长 李强', org: 'shilong', roles: ['leader'] },
  { username: 'fgw-editor', displayName: '发改委 张伟', org: 'shilong-fgw', roles: ['publisher'] },
  { username: 'fgw-reviewer', displayName: '发改委 刘洋', org: 'shilong-fgw', roles: ['reviewer'] },
  { username: 'jyj-editor', displayName: '教育局 陈静', org: 'shilong-jyj', roles: ['publisher'] },
  { username: 'auditor', displayName: '市政务公开办 赵磊', org: 'shilong', roles: ['auditor'] },
];

export interface DemoCredentials {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
}

/** Seeds only an empty database; returns the generated credentials, or null when data exists. */
export async function seedDemo({ deps }: { deps: AppDeps }): Promise<DemoCredentials[] | null> {
  if ((await createOrganizationsRepository(deps).count()) > 0) return null;
  const now = deps.clock.now();
  const credentials: DemoCredentials[] = [];
  await inTransaction(deps.db, async (trx) => {
    const orgs = createOrganizationsRepository({ db: trx });
    const ids = new Map<string, number>();
    for (const o of DEMO_ORGANIZATIONS) {
      const row = await orgs.insert({
        code: o.code,
        name: o.name,
        parent_id: o.parent ? ids.get(o.parent)! : null,
        kind: o.kind,
        is_body: o.isBody ? 1 : 0,
        disabled: 0,
        created_at: now.toISOString(),
      });
      ids.set(o.code, row.id);
    }
    const users = createUsersRepository({ db: trx });
    for (const a of DEMO_ACCOUNTS) {
      const password = generatePassword();
      await users.insert({
        username: a.username,
        display_name: a.displayName,
        organization_id: ids.get(a.org)!,
        password_hash: await hashPassword(password),
        roles: JSON.stringify(a.roles),
        disabled: 0,
        failed_logins: 0,
        locked_until: null,
        password_changed_at: now.toISOString(),
        created_at: now.toISOString(),
      });
      credentials.push({ username: a.username, displayName: a.displayName, password, roles: a.roles });
    }
    await seedPublishingDemo({ db: trx, now });
    await createAuditRepository({ db: trx }).append(
      { action: 'demo.seeded', detail: { organizations: DEMO_ORGANIZATIONS.length, users: DEMO_ACCOUNTS.length } },
      now,
      trx,
    );
  });
  // The 2021–2022 records behind every figure of the published 2022 report. Outside the
  // transaction above: it goes through the applications usecases, which open their own.
  await seedReportDemo({ deps });
  return credentials;
}
