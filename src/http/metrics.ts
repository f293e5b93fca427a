/**
 * /metrics in the Prometheus text format, written by hand (the format is a few lines of text):
 * requests by route, method and status with their latency, the page cache, the open, overdue and
 * due-soon cases, and the database. Answered to loopback callers only (a scraper on the machine,
 * or through the proxy's own access rules), since case counts are internal.
 */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { AppDeps } from '../shared/deps.ts';
import { OPEN_STATUSES } from '../applications/applications.repository.ts';
import { addCalendarDays } from '../calendar/calendar-dates.ts';
import { shanghaiDate } from '../shared/clock.ts';
import { dialectOf, poolStats } from '../db/dialect.ts';

/** Latency buckets in seconds: a cached page is well under 5 ms, a report PDF several seconds. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface Series {
  count: number;
  sum: number;
  buckets: number[];
}

const label = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const isLoopback = (ip: string) => ip === '127.0.0.1' || ip === '::1' || ip === '::ffff:127.0.0.1';

export function installMetrics(app: FastifyInstance, deps: AppDeps) {
  const series = new Map<string, Series>();
  app.addHook('onResponse', async (request, reply) => {
    // The route's pattern, not its address: one series per page, whatever the ids in it.
    const route = request.routeOptions.url ?? 'unmatched';
    if (route === '/metrics') return;
    const key = `route="${label(route)}",method="${request.method}",status="${reply.statusCode}"`;
    let s = series.get(key);
    if (!s) series.set(key, (s = { count: 0, sum: 0, buckets: BUCKETS.map(() => 0) }));
    const seconds = reply.elapsedTime / 1000;
    s.count++;
    s.sum += seconds;
    BUCKETS.forEach((b, i) => {
      if (seconds <= b) s.buckets[i]++;
    });
  });

  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    // request.ip: behind a trusted proxy (TRUST_PROXY) every socket is loopback, the client is not.
    if (!isLoopback(request.ip)) return reply.code(404).send({ error: { code: 'portal.not_found', message: '页面不存在' } });
    const lines: string[] = [];
    lines.push('# HELP gongkai_http_request_duration_seconds Time to answer a request, by route pattern, method and status.');
    lines.push('# TYPE gongkai_http_request_duration_seconds histogram');
    for (const [key, s] of series) {
      BUCKETS.forEach((b, i) => lines.push(`gongkai_http_request_duration_seconds_bucket{${key},le="${b}"} ${s.buckets[i]}`));
      lines.push(`gongkai_http_request_duration_seconds_bucket{${key},le="+Inf"} ${s.count}`);
      lines.push(`gongkai_http_request_duration_seconds_sum{${key}} ${s.sum}`);
      lines.push(`gongkai_http_request_duration_seconds_count{${key}} ${s.count}`);
    }
    const cache = app.pageCache.stats();
    lines.push('# HELP gongkai_page_cache_hits_total Anonymous pages answered from the page cache.', '# TYPE gongkai_page_cache_hits_total counter', `gongkai_page_cache_hits_total ${cache.hits}`);
    lines.push('# HELP gongkai_page_cache_misses_total Cacheable requests not in the page cache.', '# TYPE gongkai_page_cache_misses_total counter', `gongkai_page_cache_misses_total ${cache.misses}`);
    lines.push('# HELP gongkai_page_cache_bytes Bytes held by the page cache.', '# TYPE gongkai_page_cache_bytes gauge', `gongkai_page_cache_bytes ${cache.bytes}`);
    lines.push('# HELP gongkai_page_cache_max_bytes Bound of the page cache (PAGE_CACHE_MAX_BYTES).', '# TYPE gongkai_page_cache_max_bytes gauge', `gongkai_page_cache_max_bytes ${cache.maxBytes}`);
    lines.push('# HELP gongkai_page_cache_entries Pages held by the page cache.', '# TYPE gongkai_page_cache_entries gauge', `gongkai_page_cache_entries ${cache.entries}`);

    const today = shanghaiDate(deps.clock.now());
    const soon = addCalendarDays(today, 5);
    const t0 = performance.now();
    const row = await deps.db
      .selectFrom('applications')
      .select([
        (eb) => eb.fn.countAll<number>().as('open'),
        sql<number>`sum(case when due_date < ${today} then 1 else 0 end)`.as('overdue'),
        sql<number>`sum(case when due_date >= ${today} and due_date <= ${soon} then 1 else 0 end)`.as('due_soon'),
      ])
      .where('status', 'in', OPEN_STATUSES)
      .executeTakeFirstOrThrow();
    const dbSeconds = (performance.now() - t0) / 1000;
    lines.push('# HELP gongkai_cases Open disclosure applications: all, past their due date, due within 5 calendar days.', '# TYPE gongkai_cases gauge');
    lines.push(`gongkai_cases{state="open"} ${Number(row.open ?? 0)}`, `gongkai_cases{state="overdue"} ${Number(row.overdue ?? 0)}`, `gongkai_cases{state="due_soon"} ${Number(row.due_soon ?? 0)}`);
    lines.push('# HELP gongkai_db_probe_seconds Time of the case-count query of this scrape.', '# TYPE gongkai_db_probe_seconds gauge', `gongkai_db_probe_seconds{dialect="${dialectOf(deps.db)}"} ${dbSeconds}`);
    const pool = poolStats(deps.db);
    if (pool) {
      lines.push('# HELP gongkai_db_pool_connections PostgreSQL pool connections by state.', '# TYPE gongkai_db_pool_connections gauge');
      lines.push(`gongkai_db_pool_connections{state="total"} ${pool.total}`, `gongkai_db_pool_connections{state="idle"} ${pool.idle}`, `gongkai_db_pool_connections{state="waiting"} ${pool.waiting}`);
    }
    const mem = process.memoryUsage();
    lines.push('# HELP gongkai_process_resident_memory_bytes Resident memory of this process.', '# TYPE gongkai_process_resident_memory_bytes gauge', `gongkai_process_resident_memory_bytes ${mem.rss}`);
    return reply.type('text/plain; version=0.0.4; charset=utf-8').header('cache-control', 'no-store').send(`${lines.join('\n')}\n`);
  });
}
