import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from './test-app.ts';

const SITE = 'https://www.shilong.gov.cn';
const RSS = '/xxgk/lm/shilong/fdzdgknr/rss.xml';

async function loginFrom(a: TestApp, headers: Record<string, string>, remoteAddress = '127.0.0.1') {
  const res = await a.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, headers, payload: { username: 'admin', password: a.password('admin') } });
  assert.equal(res.statusCode, 200, res.body);
  const row = await a.deps.db.selectFrom('audit_log').select('ip').where('action', '=', 'auth.login').orderBy('id', 'desc').executeTakeFirstOrThrow();
  return { ip: row.ip, cookie: res.headers['set-cookie'] as string | string[] };
}
const isSecure = (setCookie: string | string[]) => /;\s*Secure/i.test(([] as string[]).concat(setCookie).find((c) => c.startsWith('gk_session=')) ?? '');

describeOnBothDatabases('SITE_URL: absolute URLs never come from the Host header', (t) => {
  let a: TestApp;
  before(async () => {
    a = await createTestApp(t(), undefined, { env: { SITE_URL: `${SITE}/` } });
  });
  after(() => a.app.close());

  for (const url of ['/sitemap.xml', RSS, '/']) {
    it(`${url}: a hostile Host neither shows in the answer nor poisons what the next visitor gets`, async () => {
      const evil = await a.app.inject({ url, headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' } });
      assert.equal(evil.statusCode, 200, evil.body);
      assert.doesNotMatch(evil.body, /evil\.example/);
      const next = await a.app.inject({ url });
      assert.equal(next.statusCode, 200);
      assert.doesNotMatch(next.body, /evil\.example/);
      assert.match(next.body, url === '/' ? /<link rel="canonical" href="https:\/\/www\.shilong\.gov\.cn\/">/ : /https:\/\/www\.shilong\.gov\.cn\/xxgk\//);
    });
  }

  it('a canonical link keeps only the parameters the page reads', async () => {
    const res = await a.app.inject({ url: '/xxgk/lm/shilong/fdzdgknr/?page=1&utm_source=x' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<link rel="canonical" href="https:\/\/www\.shilong\.gov\.cn\/xxgk\/lm\/shilong\/fdzdgknr\/\?page=1">/);
  });

  it('an https SITE_URL makes the session cookie Secure', async () => {
    assert.ok(isSecure((await loginFrom(a, {})).cookie));
  });
});

describeOnBothDatabases('TRUST_PROXY off (the default): forwarded headers are ignored', (t) => {
  let a: TestApp;
  before(async () => {
    a = await createTestApp(t());
  });
  after(() => a.app.close());

  it('without SITE_URL the sitemap uses the configured host and port, whatever the Host header', async () => {
    const res = await a.app.inject({ url: '/sitemap.xml', headers: { host: 'evil.example' } });
    assert.match(res.body, /<loc>http:\/\/127\.0\.0\.1:3000\/<\/loc>/);
    assert.doesNotMatch(res.body, /evil\.example/);
  });

  it('X-Forwarded-For and X-Forwarded-Proto change neither the logged address nor the cookie', async () => {
    const { ip, cookie } = await loginFrom(a, { 'x-forwarded-for': '203.0.113.9', 'x-forwarded-proto': 'https' });
    assert.equal(ip, '127.0.0.1');
    assert.equal(isSecure(cookie), false);
  });
});

describeOnBothDatabases('TRUST_PROXY=127.0.0.1: the proxy reports the client', (t) => {
  let a: TestApp;
  before(async () => {
    a = await createTestApp(t(), undefined, { env: { TRUST_PROXY: '127.0.0.1' } });
  });
  after(() => a.app.close());

  it('the client address and https come from the trusted proxy', async () => {
    const { ip, cookie } = await loginFrom(a, { 'x-forwarded-for': '198.51.100.1, 203.0.113.9', 'x-forwarded-proto': 'https' });
    // The proxy appends the address it saw: the entry before it is the client's own claim.
    assert.equal(ip, '203.0.113.9');
    assert.ok(isSecure(cookie));
  });

  it('/metrics answers a loopback caller, not a visitor whom the proxy forwards', async () => {
    assert.equal((await a.app.inject({ url: '/metrics' })).statusCode, 200);
    assert.equal((await a.app.inject({ url: '/metrics', headers: { 'x-forwarded-for': '203.0.113.9' } })).statusCode, 404);
  });

  it('a peer that is not the trusted proxy cannot claim an address or https', async () => {
    const { ip, cookie } = await loginFrom(a, { 'x-forwarded-for': '203.0.113.9', 'x-forwarded-proto': 'https' }, '192.0.2.50');
    assert.equal(ip, '192.0.2.50');
    assert.equal(isSecure(cookie), false);
  });
});
