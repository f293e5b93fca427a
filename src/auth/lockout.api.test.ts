/**
 * Issue "security to 等保2.0 level 3", item 4: failures are counted atomically, so a burst of
 * parallel logins gets at most MAX_FAILED_LOGINS password checks and leaves the account locked;
 * one address runs out of its own budget before it can lock every account.
 */
import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { ACCOUNT_MAX_FAILED_LOGINS, MAX_FAILED_LOGINS } from './password.rules.ts';
import { IP_MAX_FAILURES } from './login-throttle.repository.ts';

describeOnBothDatabases('login lockout under parallel attempts', (t) => {
  let a: TestApp;
  before(async () => {
    a = await createTestApp(t());
  });
  after(async () => {
    await a.app.close();
  });
  const login = (username: string, password: string, ip = '203.0.113.7') =>
    a.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: ip });

  it('checks at most the account budget of 40 parallel passwords, does not let the right one in late, and stays locked', async () => {
    const tries = Array.from({ length: 40 }, (_, i) => (i === 39 ? a.password('fgw-reviewer') : `Wrong-password-${i}`));
    const answers = await Promise.all(tries.map((p, i) => login('fgw-reviewer', p, `198.51.100.${i + 1}`)));
    // Every checked wrong password leaves one auth.login_failed row; refusals are auth.login_refused.
    const wrongChecked = (await a.deps.db.selectFrom('audit_log').select('id').where('action', '=', 'auth.login_failed').where('username', '=', 'fgw-reviewer').execute()).length;
    assert.ok(wrongChecked <= ACCOUNT_MAX_FAILED_LOGINS, `${wrongChecked} wrong passwords were checked`);
    const statuses = answers.map((r) => r.statusCode);
    assert.ok(statuses.filter((s) => s === 423).length >= 40 - ACCOUNT_MAX_FAILED_LOGINS, statuses.join(','));
    const row = await a.deps.db.selectFrom('users').select('locked_until').where('username', '=', 'fgw-reviewer').executeTakeFirstOrThrow();
    assert.ok(row.locked_until && row.locked_until > a.deps.clock.now().toISOString(), 'the account is locked after the burst');
    assert.equal((await login('fgw-reviewer', a.password('fgw-reviewer'))).statusCode, 423);
  });

  it('lets 10 simultaneous correct logins of one account in, from one address or from several, and locks nothing', async () => {
    for (const sameSource of [true, false]) {
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => login('leader', a.password('leader'), sameSource ? '203.0.113.80' : `203.0.113.${90 + i}`)),
      );
      assert.deepEqual(answers.map((r) => r.statusCode), Array(10).fill(200), answers.map((r) => r.body).join('\n'));
      const row = await a.deps.db.selectFrom('users').select(['locked_until', 'failed_logins', 'login_checks']).where('username', '=', 'leader').executeTakeFirstOrThrow();
      assert.equal(row.locked_until, null, 'the account is not locked');
      assert.deepEqual([Number(row.failed_logins), Number(row.login_checks)], [0, 0], 'nothing stays counted');
      const sourceRows = await a.deps.db.selectFrom('login_source_locks').selectAll().where('user_id', '=', (await a.userIds()).get('leader')!).execute();
      assert.deepEqual(sourceRows, [], 'no source is locked or remembered');
    }
    const refused = await a.deps.db.selectFrom('audit_log').select('id').where('username', '=', 'leader').where('action', 'in', ['auth.login_failed', 'auth.login_refused']).execute();
    assert.equal(refused.length, 0);
  });

  it('throttles one address after its own failures, while another address still logs in', async () => {
    for (let i = 0; i < IP_MAX_FAILURES; i++) await login(`nobody-${i}`, 'Wrong-password-1', '2001:db8:1:2::10');
    const blocked = await login('jyj-editor', a.password('jyj-editor'), '2001:db8:1:2:ffff::99'); // same /64
    assert.equal(blocked.statusCode, 429);
    assert.equal(blocked.json().error.code, 'auth.throttled');
    assert.equal((await login('jyj-editor', a.password('jyj-editor'), '2001:db8:1:3::10')).statusCode, 200);
    a.deps.clock.advance(16 * 60_000);
    assert.equal((await login('jyj-editor', a.password('jyj-editor'), '2001:db8:1:2::10')).statusCode, 200, 'the window passes');
  });
});

describeOnBothDatabases('login backoff: one source cannot lock an account out for everyone', (t) => {
  let a: TestApp;
  before(async () => {
    a = await createTestApp(t());
  });
  after(async () => {
    await a.app.close();
  });
  const login = (username: string, password: string, ip: string) =>
    a.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: ip });
  const fail = async (username: string, ip: string, times: number) => {
    for (let i = 0; i < times; i++) assert.equal((await login(username, `Wrong-password-${i}`, ip)).statusCode, 401);
  };

  it('locks only the failing source out of admin, for twice as long at each further lock', async () => {
    const attacker = '203.0.113.50';
    await fail('admin', attacker, MAX_FAILED_LOGINS);
    const locked = await login('admin', a.password('admin'), attacker);
    assert.equal(locked.statusCode, 423);
    assert.equal(locked.json().error.code, 'auth.locked');
    assert.equal((await login('admin', a.password('admin'), '192.0.2.10')).statusCode, 200, 'admin on another address still logs in');
    a.deps.clock.advance(15 * 60_000 + 1000);
    await fail('admin', attacker, MAX_FAILED_LOGINS);
    a.deps.clock.advance(16 * 60_000);
    assert.equal((await login('admin', a.password('admin'), attacker)).statusCode, 423, 'the second lock lasts 30 minutes');
    a.deps.clock.advance(15 * 60_000);
    assert.equal((await login('admin', a.password('admin'), attacker)).statusCode, 200, 'and then ends');
  });

  it('locks the account for everyone only after failures from several sources, with backoff', async () => {
    const sources = Array.from({ length: ACCOUNT_MAX_FAILED_LOGINS / 2 }, (_, i) => `198.51.100.${100 + i}`);
    for (const ip of sources) await fail('fgw-editor', ip, 2);
    const everyone = await login('fgw-editor', a.password('fgw-editor'), '192.0.2.77');
    assert.equal(everyone.statusCode, 423);
    assert.match(everyone.json().error.message, /账户已锁定/);
    a.deps.clock.advance(15 * 60_000 + 1000);
    for (const ip of sources) await fail('fgw-editor', ip, 2);
    a.deps.clock.advance(16 * 60_000);
    assert.equal((await login('fgw-editor', a.password('fgw-editor'), '192.0.2.77')).statusCode, 423, 'the second account lock lasts 30 minutes');
    a.deps.clock.advance(15 * 60_000);
    assert.equal((await login('fgw-editor', a.password('fgw-editor'), '192.0.2.77')).statusCode, 200);
    const row = await a.deps.db.selectFrom('users').select(['lockouts', 'failed_logins']).where('username', '=', 'fgw-editor').executeTakeFirstOrThrow();
    assert.deepEqual([Number(row.lockouts), Number(row.failed_logins)], [0, 0], 'a successful login resets the backoff');
  });
});

describeOnBothDatabases('login CSRF (issue: security, item 10)', (t) => {
  let a: TestApp;
  before(async () => {
    a = await createTestApp(t());
  });
  after(async () => {
    await a.app.close();
  });

  it('refuses a cross-site form post to the login, and sets no session', async () => {
    const form = await a.app.inject({
      method: 'POST', url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      payload: `username=gkb&password=${encodeURIComponent(a.password('gkb'))}`,
    });
    assert.equal(form.statusCode, 415);
    assert.equal(form.json().error.code, 'auth.json_required');
    assert.equal(form.cookies.length, 0);
    const json = await a.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'gkb', password: a.password('gkb') } });
    assert.equal(json.statusCode, 200);
  });
});
