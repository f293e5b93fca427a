/**
 * A staff member's own notifications: the list with the unread count (the admin header's bell),
 * marking read, and the daily digest setting (opt-in, with the address it goes to). Every route
 * touches only the caller's own rows.
 */
import { EMAIL_MESSAGE, EMAIL_PATTERN } from '../shared/email.rules.ts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../shared/deps.ts';
import { AppError } from '../shared/app-error.ts';
import { isoTimestamp } from '../shared/clock.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { errorResponses } from '../auth/auth.schemas.ts';
import { idParamsShape, zodRoute } from '../shared/schema/route-schema.ts';
import { createStaffNotificationsRepository } from './staff-notifications.repository.ts';

const tags = ['通知'];
const anyObject = { type: 'object', additionalProperties: true } as const;

export const notificationListShape = z.object({
  unread: z.enum(['1', '0']).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

export const digestSettingsShape = z.object({
  email: z.string().trim().max(200, { error: '电子邮箱过长' }).refine((v) => v === '' || EMAIL_PATTERN.test(v), { error: EMAIL_MESSAGE }),
  dailyDigest: z.boolean({ error: '请选择是否接收每日待办摘要' }),
}).refine((v) => !v.dailyDigest || v.email !== '', { error: '接收每日待办摘要须填写电子邮箱', path: ['email'] });

export function registerNotificationsRoutes(app: FastifyInstance, deps: AppDeps) {
  const repo = createStaffNotificationsRepository(deps);

  const list = zodRoute({ querystring: notificationListShape });
  app.get('/api/v1/notifications', {
    validatorCompiler: list.validatorCompiler,
    schema: { tags, summary: '我的站内通知（未读数、列表，新的在前）', ...list.schema, response: { 200: anyObject, ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    const q = request.query as z.infer<typeof notificationListShape>;
    const rows = await repo.list(actor.id, { unreadOnly: q.unread === '1', limit: q.limit, offset: q.offset });
    const counts = await repo.counts(actor.id);
    return {
      ...counts,
      items: rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, link: r.link, createdAt: r.created_at, readAt: r.read_at })),
    };
  });

  const one = zodRoute({ params: idParamsShape });
  app.post('/api/v1/notifications/:id/read', {
    validatorCompiler: one.validatorCompiler,
    schema: { tags, summary: '标记一条通知为已读', ...one.schema, response: { 200: anyObject, ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    const { id } = request.params as { id: number };
    if (!(await repo.markRead(actor.id, id, isoTimestamp(deps.clock.now())))) throw new AppError('notifications.not_found', '没有找到该通知', 404);
    return repo.counts(actor.id);
  });

  app.post('/api/v1/notifications/read-all', {
    schema: { tags, summary: '全部标记为已读', response: { 200: anyObject, ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    await repo.markAllRead(actor.id, isoTimestamp(deps.clock.now()));
    return repo.counts(actor.id);
  });

  app.get('/api/v1/notifications/settings', {
    schema: { tags, summary: '每日待办摘要设置', response: { 200: anyObject, ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    const row = await deps.db.selectFrom('notification_settings').selectAll().where('user_id', '=', actor.id).executeTakeFirst();
    return { email: row?.email ?? '', dailyDigest: row?.daily_digest === 1 };
  });

  const settings = zodRoute({ body: digestSettingsShape });
  app.put('/api/v1/notifications/settings', {
    validatorCompiler: settings.validatorCompiler,
    schema: { tags, summary: '设置每日待办摘要（是否接收、电子邮箱）', ...settings.schema, response: { 200: anyObject, ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    const body = request.body as z.infer<typeof digestSettingsShape>;
    const at = isoTimestamp(deps.clock.now());
    const values = { email: body.email, daily_digest: body.dailyDigest ? 1 : 0, updated_at: at };
    await deps.db
      .insertInto('notification_settings')
      .values({ user_id: actor.id, ...values })
      .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
      .execute();
    return { email: body.email, dailyDigest: body.dailyDigest };
  });
}
