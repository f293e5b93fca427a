/** JSON API of columns: the tree of an organization; administrators add and change columns. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../shared/deps.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { canReadIn, canWriteIn } from '../auth/access.rules.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { createAuditRepository } from '../auth/audit.repository.ts';
import { errorResponses, idParams } from '../auth/auth.schemas.ts';
import { AppError } from '../shared/app-error.ts';
import { COLUMN_KINDS } from './columns.rules.ts';
import { ITEM_KINDS } from './items.rules.ts';
import { createColumnsRepository, createDefaultColumns } from './columns.repository.ts';
import { columnSchema, presentColumn } from './publishing.presenters.ts';

const tags = ['主动公开'];
const editable = {
  name: { type: 'string', minLength: 1, maxLength: 64 },
  parentId: { type: ['integer', 'null'] },
  kind: { type: 'string', enum: Object.keys(COLUMN_KINDS) },
  defaultItemKind: { type: ['string', 'null'], enum: [null, ...Object.keys(ITEM_KINDS)] },
  sortOrder: { type: 'integer' },
  updateIntervalDays: { type: ['integer', 'null'], minimum: 1, maximum: 3660 },
  description: { type: 'string', maxLength: 2000 },
  hidden: { type: 'boolean' },
} as const;

interface ColumnBody {
  code?: string;
  name?: string;
  parentId?: number | null;
  kind?: string;
  defaultItemKind?: string | null;
  sortOrder?: number;
  updateIntervalDays?: number | null;
  description?: string;
  hidden?: boolean;
}

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

  app.post('/api/v1/publishing/columns/defaults', {
    schema: { tags, summary: '为单位建立默认栏目树', body: { type: 'object', required: ['organizationId'], properties: { organizationId: { type: 'integer' } } }, response: listSchema },
  }, async (request) => {
    const actor = requireActor(request, 'admin');
    const { organizationId } = request.body as { organizationId: number };
    if (!canWriteIn(actor, 'admin', organizationId, await createOrganizationsRepository(deps).list())) throw new AppError('auth.forbidden', '无权管理该单位的栏目', 403);
    const n = await createDefaultColumns(deps.db, organizationId, deps.clock.now());
    await createAuditRepository(deps).append({ userId: actor.id, username: actor.username, action: 'publishing.columns_defaulted', targetType: 'organization', targetId: organizationId, ip: request.ip, detail: { created: n } }, deps.clock.now());
    return { items: (await createColumnsRepository(deps).listByOrganization(organizationId)).map(presentColumn) };
  });

  app.post('/api/v1/publishing/columns', {
    schema: {
      tags, summary: '新建栏目',
      body: { type: 'object', additionalProperties: false, required: ['organizationId', 'code', 'name', 'kind'], properties: { organizationId: { type: 'integer' }, code: { type: 'string', pattern: '^[a-z0-9-]{1,32}$' }, ...editable } },
      response: { 200: columnSchema, ...errorResponses },
    },
  }, async (request) => {
    const actor = requireActor(request, 'admin');
    const b = request.body as ColumnBody & { organizationId: number; code: string; name: string; kind: string };
    if (!canWriteIn(actor, 'admin', b.organizationId, await createOrganizationsRepository(deps).list())) throw new AppError('auth.forbidden', '无权管理该单位的栏目', 403);
    const repo = createColumnsRepository(deps);
    if (await repo.byCode(b.organizationId, b.code)) throw new AppError('publishing.column_code_taken', '栏目代码已被使用', 409);
    if (b.parentId && (await repo.byId(b.parentId))?.organization_id !== b.organizationId) throw new AppError('publishing.column_not_found', '上级栏目不存在', 400);
    const row = await repo.insert({
      organization_id: b.organizationId, parent_id: b.parentId ?? null, code: b.code, name: b.name, kind: b.kind, art20_item: null,
      default_item_kind: b.defaultItemKind ?? null, sort_order: b.sortOrder ?? 99, update_interval_days: b.updateIntervalDays ?? null,
      description: b.description ?? '', hidden: b.hidden ? 1 : 0, created_at: deps.clock.now().toISOString(),
    });
    await createAuditRepository(deps).append({ userId: actor.id, username: actor.username, action: 'publishing.column_created', targetType: 'publishing_column', targetId: row.id, ip: request.ip, detail: { name: row.name } }, deps.clock.now());
    return presentColumn(row);
  });

  app.patch('/api/v1/publishing/columns/:id', {
    schema: { tags, summary: '修改栏目', params: idParams, body: { type: 'object', additionalProperties: false, properties: editable }, response: { 200: columnSchema, ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request, 'admin');
    const { id } = request.params as { id: number };
    const repo = createColumnsRepository(deps);
    const col = await repo.byId(id);
    if (!col) throw new AppError('publishing.column_not_found', '栏目不存在', 404);
    if (!canWriteIn(actor, 'admin', col.organization_id, await createOrganizationsRepository(deps).list())) throw new AppError('auth.forbidden', '无权管理该单位的栏目', 403);
    const b = request.body as ColumnBody;
    if (b.parentId === id) throw new AppError('publishing.column_cycle', '栏目不能成为自己的下级', 400);
    const row = await repo.update(id, {
      ...(b.name !== undefined && { name: b.name }), ...(b.parentId !== undefined && { parent_id: b.parentId }), ...(b.kind !== undefined && { kind: b.kind }),
      ...(b.defaultItemKind !== undefined && { default_item_kind: b.defaultItemKind }), ...(b.sortOrder !== undefined && { sort_order: b.sortOrder }),
      ...(b.updateIntervalDays !== undefined && { update_interval_days: b.updateIntervalDays }), ...(b.description !== undefined && { description: b.description }),
      ...(b.hidden !== undefined && { hidden: b.hidden ? 1 : 0 }),
    });
    await createAuditRepository(deps).append({ userId: actor.id, username: actor.username, action: 'publishing.column_updated', targetType: 'publishing_column', targetId: id, ip: request.ip, detail: b }, deps.clock.now());
    return presentColumn(row!);
  });
}
