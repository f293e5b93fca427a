/** JSON API of 行政复议 / 行政诉讼 records. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../shared/deps.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { errorResponses } from '../auth/auth.schemas.ts';
import { idParamsShape, zodRoute } from '../shared/schema/route-schema.ts';
import { oversightCreateShape, oversightResultShape } from './oversight.schema.ts';
import { createOversightCase, listOversight, recordOversightResult } from './oversight.usecases.ts';

const item = {
  type: 'object',
  properties: {
    id: { type: 'integer' }, organizationId: { type: 'integer' }, applicationId: { type: ['integer', 'null'] }, kind: { type: 'string' }, kindLabel: { type: 'string' },
    filedDate: { type: 'string' }, body: { type: 'string' }, caseNumber: { type: 'string' }, result: { type: 'string' }, resultLabel: { type: 'string' },
    decidedDate: { type: ['string', 'null'] }, note: { type: 'string' },
    version: { type: 'integer', description: '版本：登记结果时带上，案件已被他人修改则返回 409' },
  },
} as const;

export function registerOversightRoutes(app: FastifyInstance, deps: AppDeps) {
  const tags = ['行政复议与诉讼'];
  app.get('/api/v1/oversight', { schema: { tags, summary: '复议诉讼案件列表', response: { 200: { type: 'object', properties: { items: { type: 'array', items: item } } }, ...errorResponses } } }, async (request) => {
    return { items: await listOversight({ actor: requireActor(request), deps }) };
  });
  const create = zodRoute({ body: oversightCreateShape });
  app.post('/api/v1/oversight', {
    validatorCompiler: create.validatorCompiler,
    schema: {
      tags, summary: '登记行政复议或行政诉讼', ...create.schema,
      response: { 201: item, ...errorResponses },
    },
  }, async (request, reply) => {
    const actor = requireActor(request, 'case_handler');
    return reply.status(201).send(await createOversightCase({ input: request.body as Record<string, unknown>, actor, ip: request.ip, deps }));
  });
  const result = zodRoute({ params: idParamsShape, body: oversightResultShape });
  app.post('/api/v1/oversight/:id/result', {
    validatorCompiler: result.validatorCompiler,
    schema: {
      tags, summary: '登记复议决定或裁判结果；结果为纠正时可重新办理关联申请；已被他人修改或已登记结果时返回 409', ...result.schema,
      response: { 200: item, ...errorResponses },
    },
  }, async (request) => {
    const actor = requireActor(request, 'case_handler');
    return recordOversightResult({ id: (request.params as { id: number }).id, input: request.body as Record<string, unknown>, actor, ip: request.ip, deps });
  });
}
