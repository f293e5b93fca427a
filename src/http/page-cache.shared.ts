/**
 * Several app processes on one PostgreSQL database (DESIGN: "Scale beyond one machine") each keep
 * their own page cache (page-cache.ts). A successful write in any of them, or a CLI command that
 * changes what the portal shows, is announced with NOTIFY on one channel; every process LISTENs on
 * a connection of its own and empties its cache. A process ignores its own announcement (its
 * cache is already empty). While the listening connection is down, entries still expire after
 * the cache's TTL; the connection is retried every few seconds and the cache is emptied again once
 * it is back, since announcements may have been missed meanwhile. SQLite is the one-process
 * default and needs none of this.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { sql, type Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/database.ts';
import { dialectOf } from '../db/dialect.ts';
import { pgDriver } from '../db/pg-module.ts';
import type { PageCache } from './page-cache.ts';

export const PAGE_CACHE_CHANNEL = 'gongkai_page_cache';
const RETRY_MS = 3_000;

/** Tells every app process on this database to empty its page cache (no-op on SQLite). */
export async function announcePageChange(db: Kysely<Database>, sender = 'cli'): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`select pg_notify(${PAGE_CACHE_CHANNEL}, ${sender})`.execute(db);
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Present on PostgreSQL: the connection that hears other processes' writes. */
    pageCacheSharing?: SharedFlush;
  }
}

export interface SharedFlush {
  /** Resolves once the listening connection is up (tests wait for it). */
  ready: Promise<void>;
  close(): Promise<void>;
}

export function sharePageCacheFlushes(cache: PageCache, db: Kysely<Database>, databaseUrl: string, log: FastifyBaseLogger): SharedFlush {
  const me = randomUUID();
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  // Announcements in flight, so that closing waits for them before the database goes away.
  const sending = new Set<Promise<void>>();
  cache.onWrite(() => {
    const sent = announcePageChange(db, me)
      .catch((err: unknown) => log.warn({ err }, '页面缓存清空通知发送失败'))
      .finally(() => sending.delete(sent));
    sending.add(sent);
  });

  const connect = async () => {
    const c = new (pgDriver().Client)({ connectionString: databaseUrl });
    c.on('notification', (message) => {
      if (message.channel === PAGE_CACHE_CHANNEL && message.payload !== me) cache.invalidate();
    });
    c.on('error', (err) => {
      log.warn({ err }, '页面缓存监听连接中断，稍后重连');
      lost(c);
    });
    c.on('end', () => lost(c));
    try {
      await c.connect();
      await c.query(`LISTEN ${PAGE_CACHE_CHANNEL}`);
    } catch (err) {
      log.warn({ err }, '页面缓存监听连接失败，稍后重连');
      lost(c);
      return;
    }
    if (closed) {
      await c.end();
      return;
    }
    client = c;
    // Announcements sent while no connection listened are lost: start from an empty cache.
    cache.invalidate();
    markReady();
  };

  function lost(c: pg.Client) {
    if (client === c) client = null;
    c.removeAllListeners('end');
    c.end().catch(() => {});
    cache.invalidate();
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, RETRY_MS);
    retry.unref();
  }

  void connect();
  return {
    ready,
    async close() {
      closed = true;
      clearTimeout(retry);
      await Promise.all(sending);
      const c = client;
      client = null;
      if (c) {
        c.removeAllListeners('end');
        await c.end();
      }
    },
  };
}
