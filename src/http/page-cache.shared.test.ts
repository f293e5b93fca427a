/**
 * Two app processes on one PostgreSQL database (two servers here, each with its own page cache
 * and listening connection): a write in either, or a CLI announcement, empties both caches; a
 * listener that lost its connection comes back by itself and starts from an empty cache.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { openTestDatabase, postgresSkipReason, type TestDatabase } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from './test-app.ts';
import { announcePageChange, PAGE_CACHE_CHANNEL } from './page-cache.shared.ts';

async function cached(a: TestApp, url = '/xxgk/'): Promise<boolean> {
  return (await a.app.inject({ method: 'GET', url })).headers['x-page-cache'] === 'hit';
}

/** Fills the cache with the page and checks that the next request is a hit. */
async function fill(a: TestApp, url = '/xxgk/'): Promise<void> {
  await a.app.inject({ method: 'GET', url });
  assert.equal(await cached(a, url), true);
}

/** Waits (up to `ms`) until the page is no longer served from the cache. */
async function emptied(a: TestApp, ms = 5_000, url = '/xxgk/'): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if ((await a.app.inject({ method: 'GET', url })).headers['x-page-cache'] !== 'hit') return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return false;
}

describe('page caches of several processes on one PostgreSQL database', { skip: postgresSkipReason() }, () => {
  let t: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  before(async () => {
    t = await openTestDatabase('postgres');
    a = await createTestApp(t);
    b = await createTestApp(t);
  });
  after(async () => {
    await a.app.close();
    await b.app.close();
    await t.close();
  });

  it('a successful write in one process empties the other’s cache', async () => {
    await fill(a);
    await fill(b);
    const res = await b.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'gkb', password: a.password('gkb') } });
    assert.equal(res.statusCode, 200);
    assert.equal(await emptied(a), true, 'the other process heard the write');
  });

  it('a failed write empties nothing anywhere', async () => {
    await fill(a);
    await fill(b);
    const res = await b.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'gkb', password: 'wrong' } });
    assert.equal(res.statusCode, 401);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(await cached(a), true);
    assert.equal(await cached(b), true);
  });

  it('an announcement from a CLI command empties every process’s cache', async () => {
    await fill(a);
    await fill(b);
    await announcePageChange(t.db);
    assert.equal(await emptied(a), true);
    assert.equal(await emptied(b), true);
  });

  it('a listener that lost its connection reconnects, empties its cache and hears writes again', async () => {
    await fill(a);
    const killed = await sql<{ n: number }>`select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
      where datname = current_database() and query = ${`LISTEN ${PAGE_CACHE_CHANNEL}`}`.execute(t.db);
    assert.equal(killed.rows[0].n, 2, 'both listening connections were cut');
    assert.equal(await emptied(a, 1_000), true, 'a lost connection empties the cache at once');
    // Wait for the reconnection (retried after a few seconds), then a write must reach `a` again.
    const until = Date.now() + 10_000;
    let listening = 0;
    while (Date.now() < until && listening < 2) {
      await new Promise((r) => setTimeout(r, 200));
      listening = (await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
        where datname = current_database() and query = ${`LISTEN ${PAGE_CACHE_CHANNEL}`}`.execute(t.db)).rows[0].n;
    }
    assert.equal(listening, 2, 'both listeners are back');
    await fill(a);
    await announcePageChange(t.db);
    assert.equal(await emptied(a), true);
  });
});
