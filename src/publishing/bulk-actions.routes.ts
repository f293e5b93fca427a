/** POST /api/v1/publishing/items/bulk: one action on a selection of items, answered per item. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../shared/deps.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { errorResponses } from '../auth/auth.schemas.ts';
import { zodRoute } from '../shared/schema/route-schema.ts';
import { itemBulkShape } from './items.schema.ts';
import { bulkAct, type BulkInput } from './bulk-actions.usecases.ts';

const tags = ['主动公开'];

export function registerBulkActionsRoutes(app: FastifyInstance, deps: AppDeps) {
  const route = zodRoute({ body: itemBulkShape });
  app.post('/api/v1/publishing/items/bulk', {
    validatorCompiler: route.validatorCompiler,
    schema: {
      tags, summary: '批量操作：提交审核、发布（待审核的先审核通过，须附保密审查）、撤回、移动栏目；逐条处理、逐条返回结果', ...route.schema,
      response: { 200: { type: 'object', properties: { results: { type: 'array', items: { type: 'object', properties: {
        id: { type: 'integer' }, title: { type: ['string', 'null'] }, ok: { type: 'boolean' }, status: { type: 'string' },
        code: { type: 'string' }, message: { type: 'string' }, httpStatus: { type: 'integer' },
      } } } } }, ...errorResponses },
    },
  }, async (request) => {
    const actor = requireActor(request, 'publisher', 'reviewer');
    return { results: await bulkAct({ actor, input: request.body as BulkInput, ip: request.ip, deps }) };
  });
}
