/** JSON API of columns: the tree of an organization; administrators add and change columns. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../shared/deps.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { canReadIn, canWriteIn } from '../auth/access.rules.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { createAuditRepository } from '../auth/audit.repository.ts';
import { errorResponses } from '../auth/auth.schemas.ts';
import { idParamsShape, zodRoute } from '../shared/schema/route-schema.ts';
import { columnCreateShape, columnDefaultsShape, columnPatchShape, type ColumnCreateBody } from './columns.schema.ts';
import { AppError } from '../shared/app-error.ts';
import { createColumnsRepository, createDefaultColumns } from './columns.repository.ts';
import { columnSchema, presentColumn } from './publishing.presenters.ts';
import { createColumn, updateColumn, type ColumnInput } from './columns.usecases.ts';

const tags = ['主动公开'];

export function registerColumnsRoutes(app: FastifyInstance, deps: AppDeps) {
  const listSchema = { 200: { type: 'object', properties: { items: { type: 'array', items: columnSchema } } }, ...errorResponses };

  app.get('/api/v1/publishing/columns', {
    schema: { tags, summary: '栏目树', querystring: { type: 'object', required: ['organizationId'], properties: { organizationId: { type: 'integer' } } }, response: listSchema },
  }, async (request) => {
    const actor = requireActor(request);
    const { organizationId } = request.query as { organizationId: number };
    if (!canReadIn(actor, organizationId, await createOrganizationsRepository(deps).list())) throw new AppError('auth.forbidden', '无权查看该单位的栏目', 403);
    return { items: (await createColumnsRepository(deps).listByOrganization(organizationId)).map(presentColumn) };
  });

  const defaultsRoute = zodRoute({ body: columnDefaultsShape });
  app.post('/api/v1/publishing/columns/defaults', {
    validatorCompiler: defaultsRoute.validatorCompiler,
    schema: { tags, summary: '为单位建立默认栏目树', ...defaultsRoute.schema, response: listSchema },
  }, async (request) => {
    const actor = requireActor(request, 'admin');
    const { organizationId } = request.body as { organizationId: number };
    if (!canWriteIn(actor, 'admin', organizationId, await createOrganizationsRepository(deps).list())) throw new AppError('auth.forbidden', '无权管理该单位的栏目', 403);
    const n = await createDefaultColumns(deps.db, organizationId, deps.clock.now());
    await createAuditRepository(deps).append({ userId: actor.id, username: actor.username, action: 'publishing.columns_defaulted', targetType: 'organization', targetId: organizationId, ip: request.ip, detail: { created: n } }, deps.clock.now());
    return { items: (await createColumnsRepository(deps).listByOrganization(organizationId)).map(presentColumn) };
  });

  const createRoute = zodRoute({ body: columnCreateShape });
  app.post('/api/v1/publishing/columns', {
    validatorCompiler: createRoute.validatorCompiler,
    schema: { tags, summary: '新建栏目', ...createRoute.schema, response: { 200: columnSchema, ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request, 'admin');
    const input = request.body as ColumnCreateBody;
    return presentColumn(await createColumn({ actor, input, ip: request.ip, deps }));
  });

  const patchRoute = zodRoute({ params: idParamsShape, body: columnPatchShape });
  app.patch('/api/v1/publishing/columns/:id', {
    validatorCompiler: patchRoute.validatorCompiler,
    schema: { tags, summary: '修改栏目', ...patchRoute.schema, response: { 200: columnSchema, ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request, 'admin');
    const { id } = request.params as { id: number };
    return presentColumn(await updateColumn({ actor, id, input: request.body as ColumnInput, ip: request.ip, deps }));
  });
}
