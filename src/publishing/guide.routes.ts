/**
 * A body's 政府信息公开指南:
 *   GET /api/v1/organizations/:id/portal-guide   the guide as the portal shows it, with its version
 *   PUT /api/v1/organizations/:id/portal-guide   save (409 when someone saved since the form loaded)
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../shared/deps.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { errorResponses } from '../auth/auth.schemas.ts';
import { idParamsShape, zodRoute } from '../shared/schema/route-schema.ts';
import { guideSaveShape, type GuideContent, type GuideSaveInput } from './guide.schema.ts';
import { getGuide, saveGuide } from './guide.usecases.ts';

const tags = ['主动公开'];

export function registerGuideRoutes(app: FastifyInstance, deps: AppDeps) {
  const read = zodRoute({ params: idParamsShape });
  app.get('/api/v1/organizations/:id/portal-guide', {
    validatorCompiler: read.validatorCompiler,
    schema: { tags, summary: '本机关的政府信息公开指南（未编辑过的为按网站联系方式生成的默认内容，version 为 0）', ...read.schema, response: { ...errorResponses } },
  }, async (request) => getGuide({ organizationId: (request.params as { id: number }).id, actor: requireActor(request), deps }));

  const save = zodRoute({ params: idParamsShape, body: guideSaveShape });
  app.put('/api/v1/organizations/:id/portal-guide', {
    validatorCompiler: save.validatorCompiler,
    schema: { tags, summary: '保存政府信息公开指南（本机关系统管理员或公开办；期间已被他人保存时返回 409）', ...save.schema, response: { ...errorResponses } },
  }, async (request) => saveGuide({
    organizationId: (request.params as { id: number }).id,
    input: request.body as GuideSaveInput & { content: GuideContent },
    actor: requireActor(request),
    deps,
  }));
}
