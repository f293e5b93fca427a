/**
 * An in-memory cache of anonymous portal pages, so the public site serves at close to static-file
 * speed. What is cached: GET responses outside /api/ and /admin/ with status 200, an HTML, XML or
 * CSS body, no cookie being set and no `cache-control: private/no-store` (pages holding a
 * visitor's form token mark themselves so). The 适老化 preference cookies are part of the key.
 *
 * Invalidation is deliberately coarse: any successful write anywhere (an unsafe API request or a
 * portal form post that did not fail) empties the cache, and entries expire after `ttlMs`, which
 * bounds staleness from scheduled publishing. With several app processes on one PostgreSQL
 * database, each keeps its own cache and a write in any of them (or a CLI import) empties them
 * all through LISTEN/NOTIFY (page-cache.shared.ts).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Clock } from '../shared/clock.ts';

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
}

export interface PageCache {
  /** Empties this process's cache. */
  invalidate(): void;
  /** Something the portal shows changed outside a request (scheduled publishing): as after a write. */
  changed(): void;
  /** `listener` runs after a write or a change emptied this cache (page-cache.shared.ts tells other processes). */
  onWrite(listener: () => void): void;
  readonly size: number;
}

const CACHED_TYPES = /^(text\/html|application\/(rss\+)?xml|text\/xml|text\/css)/;
const KEPT_HEADERS = ['content-type', 'content-security-policy', 'x-content-type-options', 'referrer-policy', 'cache-control'];
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function cacheKey(request: FastifyRequest): string | null {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  const url = request.url;
  if (url.startsWith('/api/') || url.startsWith('/admin') || url === '/healthz') return null;
  // A logged-in clerk's own requests are never served from (or stored in) the public cache.
  if (request.cookies.gk_session) return null;
  return `${url}|${request.cookies.gk_large === '1' ? 'L' : ''}${request.cookies.gk_contrast === '1' ? 'C' : ''}`;
}

export function installPageCache(
  app: FastifyInstance,
  { clock, ttlMs = 60_000, maxEntries = 5_000 }: { clock: Clock; ttlMs?: number; maxEntries?: number },
): PageCache {
  const entries = new Map<string, Entry>();
  const writeListeners: (() => void)[] = [];
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
  };

  app.addHook('onRequest', async (request, reply) => {
    const key = cacheKey(request);
    if (!key) return;
    const hit = entries.get(key);
    if (!hit) return;
    if (clock.now().getTime() - hit.at > ttlMs) {
      entries.delete(key);
      return;
    }
    // Written straight to the socket: Fastify's reply path (serialization, onSend hooks) would
    // cost a fifth of a cached page's throughput. onResponse hooks, logging among them, still run.
    reply.hijack();
    reply.raw.writeHead(hit.status, { ...hit.headers, 'x-page-cache': 'hit', 'content-length': hit.body.length });
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
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
    const headers: Record<string, string> = {};
    for (const h of KEPT_HEADERS) {
      const v = reply.getHeader(h);
      if (v !== undefined) headers[h] = String(v);
    }
    // Kept as bytes: a hit then writes them as they are, without encoding the text again.
    const body = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
    entries.set(key, { at: clock.now().getTime(), status: 200, headers, body });
    return body;
  });

  app.addHook('onResponse', async (request, reply) => {
    if (UNSAFE.has(request.method) && reply.statusCode < 400) cache.changed();
  });

  app.decorate('pageCache', cache);
  return cache;
}
