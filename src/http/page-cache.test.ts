import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from './test-app.ts';
import { applyOnline } from '../applications/case-files.testing.ts';

describeOnBothDatabases('portal page cache', (t) => {
  let a: TestApp;
  before(async () => {
    a = await createTestApp(t());
  });
  after(async () => {
    await a.app.close();
  });

  it('serves a repeated anonymous page from the cache, with the same body and CSP', async () => {
    const first = await a.app.inject({ method: 'GET', url: '/xxgk/zn/' });
    const second = await a.app.inject({ method: 'GET', url: '/xxgk/zn/' });
    assert.equal(first.headers['x-page-cache'], undefined);
    assert.equal(second.headers['x-page-cache'], 'hit');
    assert.equal(second.body, first.body);
    assert.equal(second.headers['content-security-policy'], first.headers['content-security-policy']);
  });

  it('answers HEAD from the cache with the length and no body', async () => {
    const get = await a.app.inject({ method: 'GET', url: '/xxgk/zn/' });
    const head = await a.app.inject({ method: 'HEAD', url: '/xxgk/zn/' });
    assert.equal(head.statusCode, 200);
    assert.equal(head.headers['x-page-cache'], 'hit');
    assert.equal(Number(head.headers['content-length']), Buffer.byteLength(get.body));
    assert.equal(head.body, '');
  });

  it('keeps the larger-text variant apart', async () => {
    const large = await a.app.inject({ method: 'GET', url: '/xxgk/zn/', headers: { cookie: 'gk_large=1' } });
    assert.equal(large.headers['x-page-cache'], undefined);
    assert.match(large.body, /large-text/);
  });

  it('is emptied by any successful write, and entries expire', async () => {
    await a.app.inject({ method: 'GET', url: '/xxgk/' });
    assert.equal((await a.app.inject({ method: 'GET', url: '/xxgk/' })).headers['x-page-cache'], 'hit');
    const { headers } = await a.login('gkb');
    const res = await a.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers });
    assert.equal(res.statusCode, 204);
    assert.equal((await a.app.inject({ method: 'GET', url: '/xxgk/' })).headers['x-page-cache'], undefined);
    a.deps.clock.advance(61_000);
    assert.equal((await a.app.inject({ method: 'GET', url: '/xxgk/' })).headers['x-page-cache'], undefined);
  });

  it('keeps its pages across a public application and a clerk\'s registration and case action, which no page shows', async () => {
    const clerk = await a.login('gkb'); // a login is a write: before the page is stored
    await a.app.inject({ method: 'GET', url: '/xxgk/' });
    assert.equal((await a.app.inject({ method: 'GET', url: '/xxgk/' })).headers['x-page-cache'], 'hit');
    const online = await applyOnline(a.app);
    assert.equal(online.statusCode, 200, online.body.slice(0, 300));
    assert.ok(online.trackingNumber);
    const orgId = (await a.deps.db.selectFrom('organizations').select('id').where('code', '=', 'shilong').executeTakeFirstOrThrow()).id;
    const registered = await a.app.inject({
      method: 'POST', url: '/api/v1/applications', headers: clerk.headers,
      payload: { organizationId: orgId, channel: 'registered_mail', applicantType: '自然人', applicantName: '孙八', idKind: '居民身份证', idNumber: '410402198001018888', phone: '13900000000', address: '石龙区建设路8号', description: '某路段拆迁补偿标准文件', formWanted: '纸质', deliveryWanted: '邮寄' },
    });
    assert.equal(registered.statusCode, 201, registered.body);
    const acted = await a.app.inject({ method: 'POST', url: `/api/v1/applications/${registered.json().id}/actions/receipt_confirmed`, headers: clerk.headers, payload: {} });
    assert.equal(acted.statusCode, 200, acted.body);
    assert.equal((await a.app.inject({ method: 'GET', url: '/xxgk/' })).headers['x-page-cache'], 'hit');
    // Any other write still empties it.
    await a.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: clerk.headers });
    assert.equal((await a.app.inject({ method: 'GET', url: '/xxgk/' })).headers['x-page-cache'], undefined);
  });

  it('never caches a failed page or a logged-in request', async () => {
    await a.app.inject({ method: 'GET', url: '/nope' });
    assert.equal((await a.app.inject({ method: 'GET', url: '/nope' })).headers['x-page-cache'], undefined);
    const { cookie } = await a.login('gkb');
    await a.app.inject({ method: 'GET', url: '/hdjl/', headers: { cookie } });
    assert.equal((await a.app.inject({ method: 'GET', url: '/hdjl/', headers: { cookie } })).headers['x-page-cache'], undefined);
  });
});
