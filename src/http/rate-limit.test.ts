/** Rate limits of the public forms: not resettable by an address flood, IPv6 by /64, invalid posts free. */
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from './test-app.ts';
import { createRateLimiter } from './rate-limit.ts';
import { AppError } from '../shared/app-error.ts';

const LETTER = { writerName: '王先生', contact: '13800000000', subject: '关于小区道路维修', body: '人民路小区道路破损严重，希望尽快维修。' };
const APPLICATION = {
  applicantType: '自然人', applicantName: '张三', idKind: '居民身份证', idNumber: '41010219900101123X', phone: '13800000000', email: 'a@example.cn',
  address: '石龙区人民路1号', description: '请公开2025年石龙区道路维修项目的预算和决算', formWanted: '电子数据', deliveryWanted: '电子邮件', itemCount: '1',
};

const limited = (e: unknown) => e instanceof AppError && e.status === 429;

describeOnBothDatabases('public form rate limits', (t) => {
  let a: TestApp;
  let cookie = '';
  let csrf = '';
  let orgId = '';
  let tokens = 0;
  before(async () => {
    a = await createTestApp(t());
    const page = await a.app.inject({ url: '/ysqgk/' });
    cookie = `gk_form=${page.cookies.find((c) => c.name === 'gk_form')!.value}`;
    csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    orgId = /<option value="(\d+)"/.exec(page.body)![1]!;
  });
  after(() => a.app.close());

  const post = (url: string, form: Record<string, string>, remoteAddress: string) =>
    a.app.inject({ method: 'POST', url, remoteAddress, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: csrf, ...form }).toString() });
  const application = (extra: Record<string, string> = {}) => ({ ...APPLICATION, organizationId: orgId, _token: `rate-limit-test-${String(++tokens).padStart(8, '0')}`, ...extra });

  it('10,001 other source addresses do not reset a limited address', async () => {
    const limiter = createRateLimiter(a.deps, { name: 'test.flood', limit: 5, windowMs: 3600_000 });
    for (let i = 0; i < 5; i++) await limiter.hit('192.0.2.1');
    await assert.rejects(limiter.hit('192.0.2.1'), limited);
    const flood = Array.from({ length: 10_001 }, (_, i) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
    for (let i = 0; i < flood.length; i += 50) await Promise.all(flood.slice(i, i + 50).map((ip) => limiter.hit(ip)));
    await assert.rejects(limiter.hit('192.0.2.1'), limited);
    await assert.rejects(limiter.hit('::ffff:192.0.2.1'), limited, 'the IPv4-mapped form is the same client');
    await limiter.hit('192.0.2.2');
    // Counters are bounded by time instead: after the window, the address has its budget again.
    a.deps.clock.advance(3600_000);
    await limiter.hit('192.0.2.1');
    a.deps.clock.advance(-3600_000);
  });

  it('two IPv6 addresses in one /64 share one budget of letters', async () => {
    for (let i = 1; i <= 5; i++) {
      const res = await post('/hdjl/xx/', LETTER, `2001:db8:1:2::${i}`);
      assert.equal(res.statusCode, 200, res.body);
    }
    const sameNet = await post('/hdjl/xx/', LETTER, '2001:db8:1:2:abcd:ef01:2345:6789');
    assert.equal(sameNet.statusCode, 429);
    assert.match(sameNet.body, /提交过于频繁/);
    const otherNet = await post('/hdjl/xx/', LETTER, '2001:db8:1:3::1');
    assert.equal(otherNet.statusCode, 200, otherNet.body);
  });

  it('invalid letters do not use up the budget of valid ones, but a flood of them is capped', async () => {
    const ip = '198.51.100.20';
    for (let i = 0; i < 10; i++) assert.equal((await post('/hdjl/xx/', { ...LETTER, body: '太短' }, ip)).statusCode, 400);
    for (let i = 0; i < 5; i++) assert.equal((await post('/hdjl/xx/', LETTER, ip)).statusCode, 200, `valid letter ${i + 1}`);
    assert.equal((await post('/hdjl/xx/', LETTER, ip)).statusCode, 429, 'the sixth accepted letter');
    for (let i = 16; i < 30; i++) assert.equal((await post('/hdjl/xx/', { ...LETTER, body: '太短' }, ip)).statusCode, 400, `attempt ${i + 1}`);
    assert.equal((await post('/hdjl/xx/', { ...LETTER, body: '太短' }, ip)).statusCode, 429, 'attempt 31');
  });

  it('invalid applications do not use up the budget of valid ones', async () => {
    const ip = '198.51.100.30';
    for (let i = 0; i < 12; i++) {
      const res = await post('/ysqgk/', application({ idNumber: '12345' }), ip);
      assert.equal(res.statusCode, 400, res.body);
    }
    const valid = await post('/ysqgk/', application(), ip);
    assert.equal(valid.statusCode, 200, valid.body);
    assert.match(valid.body, /申请已提交/);
    for (let i = 1; i < 10; i++) assert.equal((await post('/ysqgk/', application(), ip)).statusCode, 200, `application ${i + 1}`);
    assert.equal((await post('/ysqgk/', application(), ip)).statusCode, 429, 'the eleventh accepted application');
  });

  it('an application counts its attempt always, its slot only when accepted, a repeated form no second slot, and a flood is capped', async () => {
    const ip = '198.51.100.40';
    const counts = async () => {
      const rows = await a.deps.db.selectFrom('rate_limits').select(['key', 'count']).where('key', 'like', `ysqgk.%:${ip}`).execute();
      return Object.fromEntries(rows.map((r) => [r.key.split(':')[0], Number(r.count)]));
    };
    const first = application();
    assert.equal((await post('/ysqgk/', first, ip)).statusCode, 200);
    assert.deepEqual(await counts(), { 'ysqgk.attempts': 1, 'ysqgk.accepted': 1 });
    const again = await post('/ysqgk/', first, ip);
    assert.equal(again.statusCode, 200);
    assert.match(again.body, /申请已提交/);
    assert.deepEqual(await counts(), { 'ysqgk.attempts': 2, 'ysqgk.accepted': 2 }, 'a repeated form is an attempt and keeps its slot, as a post with files does');
    assert.equal((await post('/ysqgk/', application({ organizationId: '999999' }), ip)).statusCode, 400);
    assert.deepEqual(await counts(), { 'ysqgk.attempts': 3, 'ysqgk.accepted': 2 }, 'an application refused by the database check gives its slot back');
    for (let i = 2; i < 10; i++) assert.equal((await post('/ysqgk/', application(), ip)).statusCode, 200, `application ${i + 1}`);
    const caseCount = async () => Number((await a.deps.db.selectFrom('applications').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await caseCount();
    const over = await post('/ysqgk/', application(), ip);
    assert.equal(over.statusCode, 429);
    assert.match(over.body, /提交过于频繁/);
    assert.deepEqual(await counts(), { 'ysqgk.attempts': 12, 'ysqgk.accepted': 10 }, 'over the budget: the attempt counted, the slot given back');
    for (let i = 12; i < 60; i++) assert.equal((await post('/ysqgk/', application({ idNumber: '12345' }), ip)).statusCode, 429, `attempt ${i + 1}`);
    assert.equal((await post('/ysqgk/', application(), ip)).statusCode, 429);
    assert.deepEqual(await counts(), { 'ysqgk.attempts': 61, 'ysqgk.accepted': 10 });
    assert.equal(await caseCount(), before, 'a refused application writes no case');
  });
});
