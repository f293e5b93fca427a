/** The organization list: the whole tree sent gzipped to a browser, identical to the plain answer, and current after a change. */
import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { acceptsGzip } from './users.routes.ts';

it('acceptsGzip reads Accept-Encoding as a browser sends it', () => {
  for (const h of ['gzip', 'gzip, deflate, br', 'br;q=1.0, GZIP;q=0.5', '*']) assert.equal(acceptsGzip(h), true, h);
  for (const h of [undefined, '', 'br', 'identity', 'gzip;q=0', 'gzip; q=0.000', 'x-gzip2']) assert.equal(acceptsGzip(h), false, String(h));
});

describeOnBothDatabases('organization list', (t) => {
  let a: TestApp;
  let admin: Record<string, string>;
  const list = async (headers: Record<string, string>, encoding?: string) => {
    const res = await a.app.inject({ method: 'GET', url: '/api/v1/organizations', headers: encoding ? { ...headers, 'accept-encoding': encoding } : headers });
    assert.equal(res.statusCode, 200, res.body);
    const gzipped = res.headers['content-encoding'] === 'gzip';
    return { gzipped, items: (JSON.parse((gzipped ? gunzipSync(res.rawPayload) : res.rawPayload).toString()) as { items: Array<{ id: number; code: string }> }).items };
  };

  before(async () => {
    a = await createTestApp(t());
    admin = (await a.login('admin')).headers;
  });
  after(async () => {
    await a.app.close();
  });

  it('the whole tree is gzipped for a client that takes it, with the same units as the plain answer', async () => {
    const plain = await list(admin);
    const zipped = await list(admin, 'gzip, deflate, br');
    assert.equal(plain.gzipped, false);
    assert.equal(zipped.gzipped, true);
    assert.deepEqual(zipped.items, plain.items);
    assert.ok(plain.items.some((o) => o.code === 'shilong'));
  });

  it('a unit added is in the next answer, gzipped or not', async () => {
    await list(admin, 'gzip');
    const parentId = (await a.deps.db.selectFrom('organizations').select('id').where('code', '=', 'shilong').executeTakeFirstOrThrow()).id;
    const res = await a.app.inject({ method: 'POST', url: '/api/v1/organizations', headers: admin, payload: { code: 'list-new', name: '新设测试局', parentId, kind: 'department' } });
    assert.equal(res.statusCode, 201, res.body);
    for (const encoding of ['gzip', undefined]) assert.ok((await list(admin, encoding)).items.some((o) => o.code === 'list-new'), String(encoding));
  });

  it('a reader of a subtree gets only it, whatever they accept', async () => {
    const editor = (await a.login('fgw-editor')).headers;
    const whole = await list(admin);
    const own = await list(editor, 'gzip');
    assert.ok(own.items.length > 0 && own.items.length < whole.items.length);
    assert.ok(!own.items.some((o) => o.code === 'shilong'));
  });
});
