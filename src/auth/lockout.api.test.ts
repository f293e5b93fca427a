/**
 * Issue "security to 等保2.0 level 3", item 4: failures are counted atomically, so a burst of
 * parallel logins gets at most MAX_FAILED_LOGINS password checks and leaves the account locked;
 * one address runs out of its own budget before it can lock every account.
 */
import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { MAX_FAILED_LOGINS } from './password.rules.ts';
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

  it('checks at most five of 40 parallel passwords, does not let the right one in late, and stays locked', async () => {
    const tries = Array.from({ length: 40 }, (_, i) => (i === 39 ? a.password('fgw-reviewer') : `Wrong-password-${i}`));
    const answers = await Promise.all(tries.map((p, i) => login('fgw-reviewer', p, `198.51.100.${i + 1}`)));
    // Every checked wrong password leaves one auth.login_failed row; refusals are auth.login_refused.
    const wrongChecked = (await a.deps.db.selectFrom('audit_log').select('id').where('action', '=', 'auth.login_failed').where('username', '=', 'fgw-reviewer').execute()).length;
    assert.ok(wrongChecked <= MAX_FAILED_LOGINS, `${wrongChecked} wrong passwords were checked`);
    const statuses = answers.map((r) => r.statusCode);
    assert.ok(statuses.filter((s) => s === 423).length >= 40 - MAX_FAILED_LOGINS, statuses.join(','));
    const row = await a.deps.db.selectFrom('users').select('locked_until').where('username', '=', 'fgw-reviewer').executeTakeFirstOrThrow();
    assert.ok(row.locked_until && row.locked_until > a.deps.clock.now().toISOString(), 'the account is locked after the burst');
    assert.equal((await login('fgw-reviewer', a.password('fgw-reviewer'))).statusCode, 423);
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
