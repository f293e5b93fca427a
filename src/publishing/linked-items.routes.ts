/**
 * Linking items by title: GET /api/v1/publishing/link-candidates searches the titles of the
 * body's items the caller may read (policy documents first), for the 被解读文件 field.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../shared/deps.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { canReadIn } from '../auth/access.rules.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { errorResponses } from '../auth/auth.schemas.ts';
import { linkScope, searchLinkCandidates } from './linked-items.usecases.ts';

const tags = ['主动公开'];

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
}
