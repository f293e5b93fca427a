import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';

describeOnBothDatabases('portal shell', (t) => {
  let a: TestApp;
  before(async () => {
    a = await createTestApp(t());
  });
  after(async () => {
    await a.app.close();
  });

  it('serves the home page in Chinese with landmarks, skip link, strict CSP and the footer identifiers', async () => {
    const res = await a.app.inject({ method: 'GET', url: '/' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<html lang="zh-CN">/);
    assert.match(res.body, /class="skip-link" href="#main"/);
    assert.match(res.body, /<main id="main"/);
    assert.match(res.body, /石龙区人民政府/);
    assert.match(res.body, /网站标识码/);
    assert.match(String(res.headers['content-security-policy']), /script-src 'self'/);
    assert.doesNotMatch(res.body, /<script/);
  });

  it('has the 政府信息公开 column with guide, rules, statutory content and annual reports', async () => {
    const res = await a.app.inject({ method: 'GET', url: '/xxgk/' });
    for (const label of ['政府信息公开指南', '政府信息公开制度', '法定主动公开内容', '政府信息公开年报']) assert.match(res.body, new RegExp(label));
    const guide = await a.app.inject({ method: 'GET', url: '/xxgk/zn/' });
    assert.match(guide.body, /20个工作日内予以答复/);
  });

  it('switches to the larger-text mode with a plain link (no JavaScript) and back', async () => {
    const res = await a.app.inject({ method: 'GET', url: '/a11y?large=1&back=/xxgk/' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/xxgk/');
    const cookie = res.cookies.find((c) => c.name === 'gk_large')!;
    const page = await a.app.inject({ method: 'GET', url: '/xxgk/', headers: { cookie: `gk_large=${cookie.value}` } });
    assert.match(page.body, /<body class="large-text">/);
    assert.match(page.body, /标准字号/);
  });

  it('never redirects the mode switch off-site', async () => {
    const res = await a.app.inject({ method: 'GET', url: '/a11y?large=1&back=//evil.example/' });
    assert.equal(res.headers.location, '/');
  });

  it('shows a Chinese 404 page for an unknown page', async () => {
    const res = await a.app.inject({ method: 'GET', url: '/no/such/page' });
    assert.equal(res.statusCode, 404);
    assert.match(res.body, /页面不存在/);
    assert.doesNotMatch(res.body, /at .*\.ts/);
  });

  it('serves /healthz, the OpenAPI page and the admin app', async () => {
    assert.equal((await a.app.inject({ method: 'GET', url: '/healthz' })).json().status, 'ok');
    // The API documentation is for signed-in staff (hardening.api.test.ts covers the refusal).
    const { cookie } = await a.login('gkb');
    assert.equal((await a.app.inject({ method: 'GET', url: '/api/docs', headers: { cookie } })).statusCode, 200);
    const spec = (await a.app.inject({ method: 'GET', url: '/api/docs/json', headers: { cookie } })).json() as { paths: Record<string, unknown> };
    assert.ok(spec.paths['/api/v1/auth/login']);
    assert.ok(spec.paths['/api/v1/users']);
  });
});
