/**
 * An in-memory cache of anonymous portal pages, so the public site serves at close to static-file
 * speed. What is cached: GET responses of a known route outside /api/ and /admin/ with status
 * 200, an HTML, XML or CSS body, no cookie being set and no `cache-control: private/no-store`
 * (pages holding a visitor's form token mark themselves so). The 适老化 preference cookies are
 * part of the key.
 *
 * The key is the path and only the query parameters the page reads (its route's
 * `config.pageQuery`), sorted: `/sitemap.xml?c=1` and `/sitemap.xml?c=2` are one entry, so an
 * anonymous visitor cannot grow the cache by inventing parameters. What remains unbounded (a
 * search per distinct term) is held within `maxBytes`, least recently used first out, and expired
 * entries are swept on a timer rather than only when their key is asked again.
 *
 * Invalidation is deliberately coarse: any successful write anywhere (an unsafe API request or a
 * portal form post that did not fail) empties the cache, except on the routes marked
 * `config.portalUnchanged` (a public application, a clerk's case work: nothing any cached page
 * shows), and entries expire after `ttlMs`, which
 * bounds staleness from scheduled publishing. With several app processes on one PostgreSQL
 * database, each keeps its own cache and a write in any of them (or a CLI import) empties them
 * all through LISTEN/NOTIFY (page-cache.shared.ts).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Clock } from '../shared/clock.ts';
import { createLruBytes } from './page-cache.lru.ts';
import { findControlCharacter } from '../shared/schema/text.ts';

interface Entry {
  at: number;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

declare module 'fastify' {
  interface FastifyInstance {
    pageCache: PageCache;
  }
  interface FastifyContextConfig {
    /** Query parameters this page reads; any other parameter is left out of its cache key. */
    pageQuery?: readonly string[];
    /**
     * A successful write on this route changes nothing a cached page shows, so it leaves the cache
     * (and other processes' caches) as they are. Measured under the load bench's mix, where
     * submissions and case actions are three requests in ten: emptied on each of them, the cache
     * served almost none of the portal pages and searches between two writes.
     */
    portalUnchanged?: boolean;
  }
}

export interface PageCacheStats {
  hits: number;
  misses: number;
  entries: number;
  bytes: number;
  maxBytes: number;
}

export interface PageCache {
  /** Empties this process's cache. */
  invalidate(): void;
  /** Something the portal shows changed outside a request (scheduled publishing): as after a write. */
  changed(): void;
  /** `listener` runs after a write or a change emptied this cache (page-cache.shared.ts tells other processes). */
  onWrite(listener: () => void): void;
  readonly size: number;
  stats(): PageCacheStats;
}

const CACHED_TYPES = /^(text\/html|application\/(rss\+)?xml|text\/xml|text\/css)/;
const KEPT_HEADERS = ['content-type', 'content-security-policy', 'x-content-type-options', 'referrer-policy', 'cache-control'];
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** What an entry costs beyond its body: key, headers and bookkeeping, roughly. */
const ENTRY_OVERHEAD = 512;

/** The key of a request: its path and the parameters its page reads, sorted; null when never cached. */
export function cacheKey(request: FastifyRequest): string | null {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  // An unknown address is a 404 page: never stored, and no key to invent.
  if (!request.routeOptions.url) return null;
  const url = request.url;
  if (url.startsWith('/api/') || url.startsWith('/admin') || url === '/healthz') return null;
  // A logged-in clerk's own requests are never served from (or stored in) the public cache.
  if (request.cookies.gk_session) return null;
  const q = url.indexOf('?');
  // A parameter the page ignores still must not carry a control character: not served from the
  // cache, the request meets the control-character guard and its 400.
  if (q >= 0 && findControlCharacter(request.query) !== null) return null;
  const path = q < 0 ? url : url.slice(0, q);
  let query = '';
  const wanted = request.routeOptions.config.pageQuery;
  if (q >= 0 && wanted?.length) {
    const params = new URLSearchParams(url.slice(q + 1));
    const kept = [...params].filter(([name]) => wanted.includes(name)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (kept.length) query = `?${new URLSearchParams(kept).toString()}`;
  }
  return `${path}${query}|${request.cookies.gk_large === '1' ? 'L' : ''}${request.cookies.gk_contrast === '1' ? 'C' : ''}`;
}

export interface PageCacheOptions {
  clock: Clock;
  ttlMs?: number;
  /** Bytes of stored pages (bodies plus a fixed overhead per entry) kept at most; 0 disables the cache. */
  maxBytes?: number;
  /** How often expired entries are dropped. */
  sweepMs?: number;
}

export function installPageCache(app: FastifyInstance, { clock, ttlMs = 60_000, maxBytes = 64 * 1024 * 1024, sweepMs = ttlMs }: PageCacheOptions): PageCache {
  const entries = createLruBytes<Entry>(maxBytes);
  const writeListeners: (() => void)[] = [];
  let hits = 0;
  let misses = 0;
  const cache: PageCache = {
    invalidate: () => entries.clear(),
    changed: () => {
      entries.clear();
      for (const listener of writeListeners) listener();
    },
    onWrite: (listener) => writeListeners.push(listener),
    get size() {
      return entries.size;
    },
    stats: () => ({ hits, misses, entries: entries.size, bytes: entries.bytes, maxBytes }),
  };

  const sweep = setInterval(() => {
    const oldest = clock.now().getTime() - ttlMs;
    entries.dropWhere((e) => e.at < oldest);
  }, sweepMs);
  sweep.unref();
  app.addHook('onClose', async () => clearInterval(sweep));

  app.addHook('onRequest', async (request, reply) => {
    const key = cacheKey(request);
    if (!key) return;
    const hit = entries.get(key);
    if (!hit || clock.now().getTime() - hit.at > ttlMs) {
      if (hit) entries.delete(key);
      misses++;
      return;
    }
    hits++;
    // Written straight to the socket: Fastify's reply path (serialization, onSend hooks) would
    // cost a fifth of a cached page's throughput. onResponse hooks, logging among them, still run.
    reply.hijack();
    reply.raw.writeHead(hit.status, { ...hit.headers, 'x-page-cache': 'hit', 'x-request-id': request.id, 'content-length': hit.body.length });
    reply.raw.end(request.method === 'HEAD' ? undefined : hit.body);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.getHeader('x-page-cache') === 'hit') return payload;
    const key = cacheKey(request);
    if (!key || reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    if (reply.getHeader('set-cookie')) return payload;
    const cc = String(reply.getHeader('cache-control') ?? '');
    if (/private|no-store/.test(cc)) return payload;
    if (!CACHED_TYPES.test(String(reply.getHeader('content-type') ?? ''))) return payload;
    const headers: Record<string, string> = {};
    for (const h of KEPT_HEADERS) {
      const v = reply.getHeader(h);
      if (v !== undefined) headers[h] = String(v);
    }
    // Kept as bytes: a hit then writes them as they are, without encoding the text again.
    const body = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
    entries.set(key, { at: clock.now().getTime(), status: 200, headers, body }, body.length + key.length + ENTRY_OVERHEAD);
    return body;
  });

  app.addHook('onResponse', async (request, reply) => {
    if (UNSAFE.has(request.method) && reply.statusCode < 400 && !request.routeOptions.config.portalUnchanged) cache.changed();
  });

  app.decorate('pageCache', cache);
  return cache;
}
