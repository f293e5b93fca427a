import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { canReadIn, canWriteIn, subtreeIds, type Actor } from './access.rules.ts';
import { passwordProblems } from './password.rules.ts';

// 1 government ─┬─ 2 office
//               ├─ 3 department ── 5 sub-unit
//               └─ 4 department
const orgs = [
  { id: 1, parentId: null },
  { id: 2, parentId: 1 },
  { id: 3, parentId: 1 },
  { id: 4, parentId: 1 },
  { id: 5, parentId: 3 },
];
const actor = (organizationId: number, ...roles: Actor['roles']): Actor => ({ id: 1, username: 'u', organizationId, roles });

describe('organization scope', () => {
  it('collects a subtree', () => {
    assert.deepEqual([...subtreeIds(orgs, 3)].sort(), [3, 5]);
    assert.deepEqual([...subtreeIds(orgs, 1)].sort(), [1, 2, 3, 4, 5]);
  });
  it('lets an administrator write in sub-units but not in a sibling', () => {
    assert.equal(canWriteIn(actor(3, 'admin'), 'admin', 5, orgs), true);
    assert.equal(canWriteIn(actor(3, 'admin'), 'admin', 4, orgs), false);
  });
  it('keeps a publisher to its own unit, not even its sub-units', () => {
    assert.equal(canWriteIn(actor(3, 'publisher'), 'publisher', 3, orgs), true);
    assert.equal(canWriteIn(actor(3, 'publisher'), 'publisher', 5, orgs), false);
  });
  it('never lets a role the actor lacks, or the auditor role, write', () => {
    assert.equal(canWriteIn(actor(1, 'publisher'), 'admin', 1, orgs), false);
    assert.equal(canWriteIn(actor(1, 'auditor'), 'auditor', 1, orgs), false);
  });
  it('lets an auditor read everywhere and others their subtree', () => {
    assert.equal(canReadIn(actor(4, 'auditor'), 5, orgs), true);
    assert.equal(canReadIn(actor(4, 'publisher'), 5, orgs), false);
  });
});

describe('password policy', () => {
  it('needs 10 characters and three classes', () => {
    assert.deepEqual(passwordProblems('Mulberry7!x'), []);
    assert.deepEqual(passwordProblems('mulberry12'), ['密码须包含小写字母、大写字母、数字、符号中的至少三类']);
    assert.equal(passwordProblems('Ab1!').length, 1);
    assert.match(passwordProblems('Ab1!')[0], /至少 10 个字符/);
  });

  it('refuses common passwords, a guessable word with digits and symbols, the site name plus a year, and the username', () => {
    for (const p of ['Password1!', 'Qwerty12345', 'Gongkai2026', 'P@ssw0rd2026', 'Abcdefgh1!', 'Woaini1314!', '1qaz@WSX#edc', 'Admin@123456']) {
      assert.match(passwordProblems(p).join(), /常见或容易猜到/, p);
    }
    assert.match(passwordProblems('Xinyang2026!', { siteWords: ['xinyang'] }).join(), /常见或容易猜到/);
    assert.deepEqual(passwordProblems('Xinyang2026!'), []);
    assert.deepEqual(passwordProblems('Zhao-lei-Mulberry7', { username: 'zhao-lei' }), ['密码不能包含用户名']);
  });
});

describe('grants (issue: security, item 1)', () => {
  it('never lets a grant reach further than the granter', async () => {
    const { accountChangeProblem } = await import('./grants.rules.ts');
    const sec3 = { ...actor(3, 'security_admin'), id: 9 };
    const newAccount = (organizationId: number, roles: Actor['roles']) => ({ target: null, organizationId, roles, touchesAccess: true });
    assert.equal(accountChangeProblem(sec3, newAccount(5, ['admin']), orgs), null);
    assert.equal(accountChangeProblem(sec3, newAccount(4, ['publisher']), orgs)?.code, 'auth.forbidden');
    assert.equal(accountChangeProblem(sec3, newAccount(3, ['auditor']), orgs)?.code, 'users.beyond_reach');
    assert.equal(accountChangeProblem({ ...actor(1, 'security_admin'), id: 9 }, newAccount(3, ['auditor']), orgs), null);
    assert.equal(accountChangeProblem({ ...actor(3, 'admin'), id: 9 }, newAccount(5, ['reviewer']), orgs), null);
    assert.equal(accountChangeProblem({ ...actor(3, 'admin'), id: 9 }, newAccount(5, ['audit_admin']), orgs)?.code, 'users.privileged_role');
  });
});
