/**
 * `createServer(deps)` builds the whole application: JSON API under /api/v1, its OpenAPI page at
 * /api/docs, the admin app at /admin/, the public portal at /, and /healthz. Tests call it and
 * use `inject`; the CLI's `serve` calls it and listens. No global state.
 */
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { sql } from 'kysely';
import type { AppDeps } from '../shared/deps.ts';
import { installErrorHandlers } from './error-handler.ts';
import { OneLineRequestLog, installAbortLog } from './request-log.ts';
import { installControlCharacterGuard } from './control-characters.hook.ts';
import { installPageCache } from './page-cache.ts';
import { sharePageCacheFlushes } from './page-cache.shared.ts';
import { dialectOf } from '../db/dialect.ts';
import { pendingMigrations } from '../db/migrate.ts';
import { installMetrics } from './metrics.ts';
import { lazySchemaController } from './lazy-schema-compilers.ts';
import { installSiteUrl } from './site-url.ts';
import { registerAdminStatic } from './admin-static.ts';
import { installAuthHooks, requireStaffSession } from '../auth/auth.hooks.ts';
import { installRouteAccess } from '../auth/route-access.hook.ts';
import { installSecurityHeaders } from './security-headers.ts';
import { installAuditAnchoring } from '../auth/audit.install.ts';
import { registerAuthRoutes } from '../auth/auth.routes.ts';
import { registerUsersRoutes } from '../auth/users.routes.ts';
import { registerPublishingRoutes } from '../publishing/publishing.routes.ts';
import { registerStatisticsRoutes } from '../statistics/statistics.routes.ts';
import { registerPortalRoutes } from '../portal/portal.routes.ts';
import { registerReportRoutes } from '../report/report.routes.ts';
import { registerApplicationsRoutes } from '../applications/applications.routes.ts';
import { registerReportCheckRoutes } from '../reportcheck/reportcheck.routes.ts';
import { registerCalendarRoutes } from '../calendar/calendar.routes.ts';
import { installNotifications, type NotificationOptions } from '../notifications/notifications.install.ts';
import { registerNotificationsRoutes } from '../notifications/notifications.routes.ts';
import { clientErrorHandler } from './client-error.ts';

export interface ServerOptions {
  /** pino logging; tests pass false. */
  logger?: boolean;
  /** How often the page cache drops expired entries (tests shorten it). */
  pageCacheSweepMs?: number;
  /** Sender loop and daily jobs of notifications (tests turn the loop off and drive it). */
  notifications?: NotificationOptions;
}

export async function createServer(deps: AppDeps, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === false ? false : { level: deps.config.logLevel },
    logController: new OneLineRequestLog(),
    bodyLimit: 1024 * 1024,
    // Requests the HTTP parser refuses (over 16 KB of headers, malformed) answered in Chinese too.
    clientErrorHandler: clientErrorHandler(deps.config.site),
    // X-Forwarded-For/-Proto count only from the configured proxies (TRUST_PROXY; DESIGN: security).
    trustProxy: deps.config.trustProxy,
    // Each request's id is in every log line about it and in its answer's x-request-id, so an
    // operator can find a user's failed request; unique across processes, or the proxy's own.
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.:-]{1,64}$/.test(given) ? given : randomUUID();
    },
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: true } },
    schemaController: lazySchemaController,
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  if (options.logger !== false) installAbortLog(app);
  installSiteUrl(app, deps.config);
  installSecurityHeaders(app);
  installErrorHandlers(app, deps.config.site);
  installControlCharacterGuard(app);
  await app.register(fastifyCookie, { secret: deps.config.sessionSecret });
  await app.register(fastifyFormbody);
  const pageCache = installPageCache(app, { clock: deps.clock, maxBytes: deps.config.pageCacheMaxBytes, sweepMs: options.pageCacheSweepMs });
  if (dialectOf(deps.db) === 'postgres') {
    const sharing = sharePageCacheFlushes(pageCache, deps.db, deps.config.databaseUrl, app.log);
    app.decorate('pageCacheSharing', sharing);
    app.addHook('onClose', () => sharing.close());
  }
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: '公开 Gongkai API', version: '1', description: '政府信息公开平台 JSON 接口。错误统一为 { error: { code, message } }。' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'gk_session' } } },
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiHooks: { onRequest: requireStaffSession(deps) } });
  installAuthHooks(app, deps);
  installRouteAccess(app);
  installAuditAnchoring(app, deps);
  installNotifications(app, deps, options.notifications);

  // /healthz: the process answers and reaches its database. /readyz: and every migration this
  // code expects is applied (during an upgrade, a new process is not ready before `migrate`).
  app.get('/healthz', { schema: { hide: true } }, async (_req, reply) => {
    await sql`select 1`.execute(deps.db);
    return reply.header('cache-control', 'no-store').send({ status: 'ok' });
  });
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    reply.header('cache-control', 'no-store');
    try {
      const pending = await pendingMigrations(deps.db);
      if (pending.length) return reply.code(503).send({ status: 'migrations_pending', pending });
    } catch {
      return reply.code(503).send({ status: 'database_unreachable' });
    }
    return reply.send({ status: 'ready' });
  });
  installMetrics(app, deps);

  registerAuthRoutes(app, deps);
  registerUsersRoutes(app, deps);
  registerPortalRoutes(app, deps);
  registerPublishingRoutes(app, deps);
  registerStatisticsRoutes(app, deps);
  registerReportRoutes(app, deps);
  registerApplicationsRoutes(app, deps);
  registerReportCheckRoutes(app, deps);
  registerCalendarRoutes(app, deps);
  registerNotificationsRoutes(app, deps);
  await registerAdminStatic(app);
  return app;
}
