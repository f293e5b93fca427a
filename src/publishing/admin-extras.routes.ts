/** JSON API for site monitoring and the 政务新媒体 list (the mailbox back office: mailbox.routes.ts). */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../shared/deps.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { canWriteIn, readableOrgIds as readableOrgIdsOf } from '../auth/access.rules.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { createAuditRepository } from '../auth/audit.repository.ts';
import { errorResponses } from '../auth/auth.schemas.ts';
import { AppError } from '../shared/app-error.ts';
import { shanghaiDate } from '../shared/clock.ts';
import { monitoringReport, weeklySummaryText } from './monitoring.repository.ts';
import { isValidIsoDate } from '../calendar/calendar-dates.ts';

const tags = ['主动公开'];
const anyObject = { type: 'object', additionalProperties: true } as const;

export function registerAdminExtrasRoutes(app: FastifyInstance, deps: AppDeps) {
  const readableOrgIds = async (actor: ReturnType<typeof requireActor>) => {
    const orgs = await createOrganizationsRepository(deps).list();
    return readableOrgIdsOf(actor, orgs);
  };

  app.get('/api/v1/publishing/monitoring', {
    schema: { tags, summary: '网站监测：逾期未更新栏目、错误链接、元数据不全、周报', response: { 200: anyObject, ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    const report = await monitoringReport(deps.db, await readableOrgIds(actor), shanghaiDate(deps.clock.now()));
    return { ...report, weeklySummary: weeklySummaryText(report) };
  });

  app.get('/api/v1/publishing/new-media', {
    schema: { tags, summary: '政务新媒体账号', response: { 200: { type: 'object', properties: { items: { type: 'array', items: anyObject } } }, ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    const rows = await deps.db.selectFrom('publishing_new_media').selectAll().where('organization_id', 'in', await readableOrgIds(actor)).orderBy('id').execute();
    return { items: rows.map((r) => ({ id: r.id, organizationId: r.organization_id, platform: r.platform, name: r.name, account: r.account, url: r.url, openedDate: r.opened_date, closedDate: r.closed_date })) };
  });

  app.post('/api/v1/publishing/new-media', {
    schema: {
      tags, summary: '登记政务新媒体账号',
      body: { type: 'object', additionalProperties: false, required: ['organizationId', 'platform', 'name', 'openedDate'], properties: {
        organizationId: { type: 'integer' }, platform: { type: 'string', minLength: 1, maxLength: 32 }, name: { type: 'string', minLength: 1, maxLength: 64 },
        account: { type: 'string', maxLength: 64 }, url: { type: 'string', maxLength: 300, pattern: '^(https?://.*)?$' }, openedDate: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
      } },
      response: { 200: { type: 'object', properties: { id: { type: 'integer' } } }, ...errorResponses },
    },
  }, async (request) => {
    const actor = requireActor(request, 'admin', 'publisher');
    const b = request.body as { organizationId: number; platform: string; name: string; account?: string; url?: string; openedDate: string };
    const orgs = await createOrganizationsRepository(deps).list();
    if (!canWriteIn(actor, 'admin', b.organizationId, orgs) && !canWriteIn(actor, 'publisher', b.organizationId, orgs)) throw new AppError('auth.forbidden', '无权为该单位登记新媒体账号', 403);
    if (!isValidIsoDate(b.openedDate)) throw new AppError('publishing.invalid_date', '开通日期不是有效日期（YYYY-MM-DD）', 400);
    const now = deps.clock.now();
    const row = await deps.db.insertInto('publishing_new_media').values({ organization_id: b.organizationId, platform: b.platform, name: b.name, account: b.account ?? '', url: b.url ?? '', opened_date: b.openedDate, closed_date: null, created_at: now.toISOString() }).returning('id').executeTakeFirstOrThrow();
    await createAuditRepository(deps).append({ userId: actor.id, username: actor.username, action: 'publishing.new_media_added', targetType: 'new_media', targetId: row.id, ip: request.ip, detail: { name: b.name } }, now);
    return { id: row.id };
  });
}
