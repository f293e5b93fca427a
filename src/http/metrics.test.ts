import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { OPEN_STATUSES } from '../applications/applications.repository.ts';
import { createTestApp, type TestApp } from './test-app.ts';

const metric = (text: string, name: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  assert.ok(line, `${name} missing`);
  return Number(line.slice(name.length + 1));
};

describeOnBothDatabases('observability: /metrics, /healthz, /readyz, request ids', (t) => {
  let a: TestApp;
  before(async () => {
    a = await createTestApp(t());
  });
  after(async () => {
    await a.app.close();
  });

  it('counts requests by route pattern, page-cache hits and bytes, and open cases', async () => {
    a.app.pageCache.invalidate();
    const before = (await a.app.inject({ method: 'GET', url: '/metrics' })).body;
    const hitsBefore = metric(before, 'gongkai_page_cache_hits_total');
    await a.app.inject({ method: 'GET', url: '/xxgk/zn/' });
    await a.app.inject({ method: 'GET', url: '/xxgk/zn/' });
    const res = await a.app.inject({ method: 'GET', url: '/metrics' });
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /^text\/plain; version=0\.0\.4/);
    assert.equal(metric(res.body, 'gongkai_page_cache_hits_total'), hitsBefore + 1);
    assert.ok(metric(res.body, 'gongkai_page_cache_bytes') > 0);
    assert.match(res.body, /gongkai_http_request_duration_seconds_count\{route="\/xxgk\/zn\/",method="GET",status="200"\} 2/);
    const open = await a.deps.db.selectFrom('applications').select((eb) => eb.fn.countAll<number>().as('n')).where('status', 'in', OPEN_STATUSES).executeTakeFirstOrThrow();
    assert.equal(metric(res.body, 'gongkai_cases{state="open"}'), Number(open.n));
    // A closed case reopened past its due date: both figures follow (a direct write, as a test).
    const any = await a.deps.db.selectFrom('applications').select(['id', 'status']).orderBy('id').executeTakeFirstOrThrow();
    await a.deps.db.updateTable('applications').set({ status: 'in_progress', due_date: '2020-01-01' }).where('id', '=', any.id).execute();
    const after = (await a.app.inject({ method: 'GET', url: '/metrics' })).body;
    assert.equal(metric(after, 'gongkai_cases{state="open"}'), Number(open.n) + (OPEN_STATUSES.includes(any.status) ? 0 : 1));
    assert.ok(metric(after, 'gongkai_cases{state="overdue"}') >= 1);
  });

  it('answers /metrics to loopback callers only', async () => {
    const res = await a.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.5' });
    assert.equal(res.statusCode, 404);
  });

  it('/readyz says not ready while a migration is missing, /healthz stays alive', async () => {
    assert.equal((await a.app.inject({ method: 'GET', url: '/readyz' })).statusCode, 200);
    const last = await a.deps.db.selectFrom('kysely_migration' as never).select(sql<string>`name`.as('name')).orderBy(sql`name`, 'desc').executeTakeFirstOrThrow();
    await sql`delete from kysely_migration where name = ${last.name}`.execute(a.deps.db);
    try {
      const res = await a.app.inject({ method: 'GET', url: '/readyz' });
      assert.equal(res.statusCode, 503);
      assert.deepEqual(res.json(), { status: 'migrations_pending', pending: [last.name] });
      assert.equal((await a.app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
    } finally {
      await sql`insert into kysely_migration (name, timestamp) values (${last.name}, ${new Date().toISOString()})`.execute(a.deps.db);
    }
    assert.equal((await a.app.inject({ method: 'GET', url: '/readyz' })).statusCode, 200);
  });

  it('gives every answer a request id, keeping a well-formed one from the proxy', async () => {
    const own = await a.app.inject({ method: 'GET', url: '/healthz' });
    assert.match(own.headers['x-request-id'] as string, /^[0-9a-f-]{36}$/);
    const given = await a.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'nginx-abc123' } });
    assert.equal(given.headers['x-request-id'], 'nginx-abc123');
    const hostile = await a.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'a b<script>' } });
    assert.notEqual(hostile.headers['x-request-id'], 'a b<script>');
  });
});
