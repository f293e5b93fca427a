import { it, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createLruBytes } from './page-cache.lru.ts';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from './test-app.ts';

describe('byte-bounded LRU', () => {
  it('drops the least recently used entries to stay within its bytes', () => {
    const lru = createLruBytes<string>(300);
    lru.set('a', 'A', 100);
    lru.set('b', 'B', 100);
    lru.set('c', 'C', 100);
    assert.equal(lru.get('a'), 'A'); // a is now the most recently used
    lru.set('d', 'D', 100);
    assert.equal(lru.get('b'), undefined);
    assert.deepEqual(['a', 'c', 'd'].map((k) => lru.get(k)), ['A', 'C', 'D']);
    assert.equal(lru.bytes, 300);
    lru.set('huge', 'H', 301);
    assert.equal(lru.get('huge'), undefined, 'larger than the whole bound: not stored, nothing evicted');
    assert.equal(lru.size, 3);
    lru.dropWhere((v) => v === 'C');
    assert.equal(lru.bytes, 200);
  });
});

describeOnBothDatabases('page cache bound', (t) => {
  let a: TestApp;
  before(async () => {
    a = await createTestApp(t());
  });
  after(async () => {
    await a.app.close();
  });

  it('does not make a new entry for a query parameter the page does not read', async () => {
    a.app.pageCache.invalidate();
    for (let n = 0; n < 1000; n++) {
      const res = await a.app.inject({ method: 'GET', url: `/sitemap.xml?c=${n}` });
      assert.equal(res.statusCode, 200);
      if (n > 0) assert.equal(res.headers['x-page-cache'], 'hit');
    }
    assert.equal(a.app.pageCache.size, 1);
    // A parameter the page reads is part of the key, in any order.
    await a.app.inject({ method: 'GET', url: '/search?q=公开&page=1&utm=x' });
    const res = await a.app.inject({ method: 'GET', url: '/search?page=1&x=2&q=公开' });
    assert.equal(res.headers['x-page-cache'], 'hit');
  });

  it('never stores an unknown address, whatever its query', async () => {
    a.app.pageCache.invalidate();
    for (let n = 0; n < 50; n++) await a.app.inject({ method: 'GET', url: `/nope${n}?x=${n}` });
    assert.equal(a.app.pageCache.size, 0);
  });
});

describeOnBothDatabases('page cache bound in bytes', (t) => {
  let a: TestApp;
  const maxBytes = 120_000;
  before(async () => {
    a = await createTestApp(t(), undefined, { env: { PAGE_CACHE_MAX_BYTES: String(maxBytes) }, server: { pageCacheSweepMs: 50 } });
  });
  after(async () => {
    await a.app.close();
  });

  it('thousands of distinct searches keep the cache within its bytes, keeping the recent ones', async () => {
    let biggest = 0;
    for (let n = 0; n < 600; n++) {
      const res = await a.app.inject({ method: 'GET', url: `/search?q=${n}&c=${n}` });
      assert.equal(res.statusCode, 200);
      biggest = Math.max(biggest, a.app.pageCache.stats().bytes);
    }
    assert.ok(biggest <= maxBytes, `${biggest} bytes held, bound ${maxBytes}`);
    assert.ok(a.app.pageCache.size > 10, 'still caches');
    assert.equal((await a.app.inject({ method: 'GET', url: '/search?q=599' })).headers['x-page-cache'], 'hit');
    assert.equal((await a.app.inject({ method: 'GET', url: '/search?q=0' })).headers['x-page-cache'], undefined);
  });

  it('sweeps expired entries on its timer', async () => {
    assert.ok(a.app.pageCache.size > 0);
    a.deps.clock.advance(61_000);
    await new Promise((r) => setTimeout(r, 120));
    assert.equal(a.app.pageCache.size, 0);
    assert.equal(a.app.pageCache.stats().bytes, 0);
  });
});
