/**
 * Linking items by title: GET /api/v1/publishing/link-candidates searches the titles of the
 * body's items the caller may read (policy documents first), for the 被解读文件 field and the
 * 相关信息 list; a draft's 相关信息 are added and removed here (related-items.usecases.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../shared/deps.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { canReadIn } from '../auth/access.rules.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { z } from 'zod';
import { errorResponses } from '../auth/auth.schemas.ts';
import { idParamsShape, zodRoute } from '../shared/schema/route-schema.ts';
import { itemRelatedShape } from './items.schema.ts';
import { linkScope, searchLinkCandidates } from './linked-items.usecases.ts';
import { addRelatedItem, removeRelatedItem } from './related-items.usecases.ts';

const tags = ['主动公开'];
const relatedIdParamsShape = idParamsShape.extend({
  relatedId: z.coerce.number({ error: '编号应为正整数' }).int({ error: '编号应为正整数' }).min(1, { error: '编号应为正整数' }),
});

export function registerLinkedItemsRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/api/v1/publishing/link-candidates', {
    schema: {
      tags, summary: '按标题查找可关联的信息（本机关、可见范围内，政策文件在前）',
      querystring: { type: 'object', required: ['organizationId'], additionalProperties: false, properties: {
        organizationId: { type: 'integer', minimum: 1, description: '正在编辑的信息所属单位' },
        q: { type: 'string', maxLength: 64, default: '' },
        policyOnly: { type: 'boolean', default: false, description: '只查规章、规范性文件和其他政策文件（被解读文件）' },
        excludeId: { type: 'integer', minimum: 1 },
      } },
      response: { 200: { type: 'object', properties: { items: { type: 'array', items: { type: 'object', properties: {
        id: { type: 'integer' }, title: { type: 'string' }, kind: { type: 'string' }, status: { type: 'string' },
        docNumber: { type: 'string' }, publishDate: { type: ['string', 'null'] },
      } } } } }, ...errorResponses },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const q = request.query as { organizationId: number; q: string; policyOnly: boolean; excludeId?: number };
    const orgs = await createOrganizationsRepository(deps).list();
    if (!canReadIn(actor, q.organizationId, orgs)) return { items: [] };
    const rows = await searchLinkCandidates(deps.db, { scope: linkScope(actor, orgs, q.organizationId), q: q.q, policyOnly: q.policyOnly, excludeId: q.excludeId });
    return { items: rows.map((r) => ({ id: r.id, title: r.title, kind: r.kind, status: r.status, docNumber: r.doc_number, publishDate: r.publish_date })) };
  });

  const addRoute = zodRoute({ body: itemRelatedShape, params: idParamsShape });
  app.post('/api/v1/publishing/items/:id/related', {
    validatorCompiler: addRoute.validatorCompiler,
    schema: {
      tags, summary: '为草稿添加相关信息（双向关联，本机关未撤回的信息）', ...addRoute.schema,
      response: { 200: { type: 'object', properties: { ok: { type: 'boolean' } } }, ...errorResponses },
    },
  }, async (request) => {
    const actor = requireActor(request, 'publisher');
    const { id } = request.params as { id: number };
    await addRelatedItem({ actor, id, relatedId: (request.body as { relatedId: number }).relatedId, ip: request.ip, deps });
    return { ok: true };
  });

  const removeRoute = zodRoute({ params: relatedIdParamsShape });
  app.delete('/api/v1/publishing/items/:id/related/:relatedId', {
    validatorCompiler: removeRoute.validatorCompiler,
    schema: {
      tags, summary: '取消草稿的一条相关信息', ...removeRoute.schema,
      response: { 200: { type: 'object', properties: { ok: { type: 'boolean' } } }, ...errorResponses },
    },
  }, async (request) => {
    const actor = requireActor(request, 'publisher');
    const { id, relatedId } = request.params as { id: number; relatedId: number };
    await removeRelatedItem({ actor, id, relatedId, ip: request.ip, deps });
    return { ok: true };
  });
}
