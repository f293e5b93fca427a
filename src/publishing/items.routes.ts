/** JSON API of items: drafting, workflow, validity, attachments, versions. */
import type { FastifyInstance } from 'fastify';
import fastifyMultipart, { type MultipartValue } from '@fastify/multipart';
import type { AppDeps } from '../shared/deps.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { LIST_COUNT_CAP } from '../db/capped-count.ts';
import { canReadIn, readableOrgIds, scopeFilter } from '../auth/access.rules.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { errorResponses, idParams } from '../auth/auth.schemas.ts';
import { AppError } from '../shared/app-error.ts';
import { ITEM_STATUSES } from './items.rules.ts';
import { createItemsRepository, SNAPSHOT_FIELDS } from './items.repository.ts';
import { createDraft, updateDraft, type ItemDraftInput } from './items.usecases.ts';
import { changeValidity, transitionItem, type TransitionInput } from './workflow.usecases.ts';
import { availableActions, diffLines } from './workflow.rules.ts';
import { versionText, type VersionNames } from './version-text.rules.ts';
import { addAttachment, attachmentForStaff } from './attachments.storage.ts';
import { MAX_ATTACHMENT_BYTES } from './attachments.rules.ts';
import { attachmentSchema, itemSchema, presentAttachment, presentItem } from './publishing.presenters.ts';
import type { ItemRow } from './publishing.table.ts';
import { receiveFile } from '../http/upload-spool.ts';
import { idParamsShape, parseInput, zodRoute } from '../shared/schema/route-schema.ts';
import { attachmentUploadShape } from './attachments.schema.ts';
import { createConfidentialityRepository } from './confidentiality.repository.ts';
import { confidentialityRuleFor } from './confidentiality.usecases.ts';
import { liveLinkedItems } from './linked-items.usecases.ts';
import { createRelatedItemsRepository } from './related-items.repository.ts';
import { CONFIDENTIALITY_CHECKS, type ConfidentialityCheck } from './confidentiality.rules.ts';
import { itemCreateShape, itemPatchShape, itemTransitionShape, itemValidityShape, type ItemValidityBody } from './items.schema.ts';

const tags = ['主动公开'];
async function readableItem(deps: AppDeps, request: Parameters<typeof requireActor>[0], id: number): Promise<ItemRow> {
  const actor = requireActor(request);
  const item = await createItemsRepository(deps).byId(id);
  if (!item || !canReadIn(actor, item.organization_id, await createOrganizationsRepository(deps).list())) {
    throw new AppError('publishing.item_not_found', '信息不存在', 404);
  }
  return item;
}

/** The names of the columns and interpreted items the versions refer to. */
async function versionNames(deps: AppDeps, snapshots: Record<string, unknown>[]): Promise<VersionNames> {
  const ids = (f: string) => [...new Set(snapshots.map((s) => Number(s[f])).filter((n) => Number.isInteger(n) && n > 0))];
  const columnIds = ids('column_id');
  const itemIds = ids('interprets_item_id');
  const columns = columnIds.length ? await deps.db.selectFrom('publishing_columns').select(['id', 'name']).where('id', 'in', columnIds).execute() : [];
  const items = itemIds.length ? await deps.db.selectFrom('publishing_items').select(['id', 'title']).where('id', 'in', itemIds).execute() : [];
  return { columns: new Map(columns.map((c) => [c.id, c.name])), items: new Map(items.map((i) => [i.id, i.title])) };
}

export function registerItemsRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/api/v1/publishing/items', {
    schema: {
      tags, summary: '信息列表（后台）',
      querystring: { type: 'object', properties: {
        organizationId: { type: 'integer' }, columnId: { type: 'integer' }, status: { type: 'string', enum: Object.keys(ITEM_STATUSES) },
        kind: { type: 'string' }, q: { type: 'string', maxLength: 64 }, page: { type: 'integer', minimum: 1, default: 1 }, pageSize: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
      } },
      response: { 200: { type: 'object', properties: { total: { type: 'integer' }, totalCapped: { type: 'boolean', description: '符合条件的记录超过 total（上限 10000），未逐条计数' }, items: { type: 'array', items: itemSchema } } }, ...errorResponses },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const q = request.query as { organizationId?: number; columnId?: number; status?: string; kind?: string; q?: string; page: number; pageSize: number };
    const orgs = await createOrganizationsRepository(deps).list();
    const readable = readableOrgIds(actor, orgs);
    const organizationIds = q.organizationId ? readable.filter((id) => id === q.organizationId) : scopeFilter(readable, orgs);
    const { total, totalCapped, rows } = await createItemsRepository(deps).list(
      { organizationIds, columnIds: q.columnId ? [q.columnId] : undefined, statuses: q.status ? [q.status] : undefined, kind: q.kind, q: q.q },
      q.page, q.pageSize, 'updated', LIST_COUNT_CAP,
    );
    return { total, totalCapped, items: rows.map(presentItem) };
  });

  const createRoute = zodRoute({ body: itemCreateShape });
  app.post('/api/v1/publishing/items', {
    validatorCompiler: createRoute.validatorCompiler,
    schema: { tags, summary: '起草信息', ...createRoute.schema, response: { 200: itemSchema, ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request, 'publisher');
    return presentItem(await createDraft({ actor, data: request.body as ItemDraftInput, ip: request.ip, deps }));
  });

  app.get('/api/v1/publishing/items/:id', {
    schema: {
      tags, summary: '信息详情（含附件、可执行操作）', params: idParams,
      response: { 200: { type: 'object', properties: {
        item: itemSchema, attachments: { type: 'array', items: attachmentSchema }, actions: { type: 'array', items: { type: 'string' } },
        confidentialityReviewRequired: { type: 'boolean', description: '本机关是否要求审核通过时完成保密审查' },
        linked: { type: 'array', description: '关联的、仍在网上的政策解读（撤回或废止时可一并撤回）', items: { type: 'object', properties: {
          id: { type: 'integer' }, title: { type: 'string' }, kind: { type: 'string' }, status: { type: 'string' },
        } } },
        interprets: { type: ['object', 'null'], properties: { id: { type: 'integer' }, title: { type: 'string' } } },
        related: { type: 'array', description: '相关信息（双向关联；门户只显示已发布的）', items: { type: 'object', properties: {
          id: { type: 'integer' }, title: { type: 'string' }, kind: { type: 'string' }, status: { type: 'string' },
        } } },
      } }, ...errorResponses },
    },
  }, async (request) => {
    const { id } = request.params as { id: number };
    const item = await readableItem(deps, request, id);
    const actor = requireActor(request);
    const attachments = await deps.db.selectFrom('publishing_attachments').selectAll().where('item_id', '=', id).orderBy('id').execute();
    const orgs = await createOrganizationsRepository(deps).list();
    return {
      item: presentItem(item), attachments: attachments.map(presentAttachment), actions: availableActions(actor, item.status, item.organization_id, orgs),
      confidentialityReviewRequired: (await confidentialityRuleFor(deps.db, orgs, item.organization_id)) === 'required',
      linked: (await liveLinkedItems(deps.db, id)).filter((l) => canReadIn(actor, l.organization_id, orgs)).map((l) => ({ id: l.id, title: l.title, kind: l.kind, status: l.status })),
      // The 被解读文件 by title, for the editor's search field.
      interprets: item.interprets_item_id ? (await deps.db.selectFrom('publishing_items').select(['id', 'title']).where('id', '=', item.interprets_item_id).executeTakeFirst()) ?? null : null,
      related: (await createRelatedItemsRepository(deps).of(id)).filter((r) => canReadIn(actor, r.organization_id, orgs)).map((r) => ({ id: r.id, title: r.title, kind: r.kind, status: r.status })),
    };
  });

  const patchRoute = zodRoute({ body: itemPatchShape, params: idParamsShape });
  app.patch('/api/v1/publishing/items/:id', {
    validatorCompiler: patchRoute.validatorCompiler,
    schema: { tags, summary: '修改草稿（version：所修改的版本，已被他人改动时返回 409）', ...patchRoute.schema, response: { 200: itemSchema, ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request, 'publisher');
    const { id } = request.params as { id: number };
    const { version, ...data } = request.body as Partial<ItemDraftInput> & { version?: number };
    return presentItem(await updateDraft({ actor, id, data, version, ip: request.ip, deps }));
  });

  const transitionRoute = zodRoute({ body: itemTransitionShape, params: idParamsShape });
  app.post('/api/v1/publishing/items/:id/transitions', {
    validatorCompiler: transitionRoute.validatorCompiler,
    schema: { tags, summary: '流转：提交、退回、审核通过、发布、撤回、重新编辑', ...transitionRoute.schema, response: { 200: itemSchema, ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request, 'publisher', 'reviewer');
    const { id } = request.params as { id: number };
    return presentItem(await transitionItem({ actor, id, input: request.body as TransitionInput, ip: request.ip, deps }));
  });

  const validityRoute = zodRoute({ body: itemValidityShape, params: idParamsShape });
  app.post('/api/v1/publishing/items/:id/validity', {
    validatorCompiler: validityRoute.validatorCompiler,
    schema: { tags, summary: '变更规章、规范性文件的有效性（修订、废止）', ...validityRoute.schema, response: { 200: itemSchema, ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request, 'reviewer');
    const { id } = request.params as { id: number };
    const b = request.body as ItemValidityBody & { validity: 'in_force' | 'amended' | 'abolished' | 'expired' };
    return presentItem(await changeValidity({ actor, id, validity: b.validity, date: b.date ?? null, reason: b.reason, version: b.version, alsoWithdraw: b.alsoWithdraw, ip: request.ip, deps }));
  });

  app.get('/api/v1/publishing/items/:id/versions', {
    schema: {
      tags, summary: '版本历史及与上一版本的差异', params: idParams,
      response: { 200: { type: 'object', properties: { versions: { type: 'array', items: { type: 'object', properties: {
        version: { type: 'integer' }, action: { type: 'string' }, username: { type: ['string', 'null'] }, at: { type: 'string' },
        diff: { type: 'array', items: { type: 'object', properties: { op: { type: 'string' }, line: { type: 'string' } } } },
        confidentialityReview: { type: ['object', 'null'], properties: {
          checks: { type: 'array', items: { type: 'string' } }, opinion: { type: 'string' }, reviewer: { type: 'string' }, date: { type: 'string' },
        } },
      } } } } }, ...errorResponses },
    },
  }, async (request) => {
    const { id } = request.params as { id: number };
    await readableItem(deps, request, id);
    const rows = await createItemsRepository(deps).versions(id);
    const snapshots = rows.map((v) => JSON.parse(v.snapshot) as Record<string, unknown>);
    const names = await versionNames(deps, snapshots);
    const text = (s: Record<string, unknown>) => versionText(s, SNAPSHOT_FIELDS, names);
    const reviews = new Map((await createConfidentialityRepository(deps).reviewsOf(id)).map((r) => [r.itemVersion, r]));
    return {
      versions: rows.map((v, i) => {
        const r = reviews.get(v.version);
        return {
          version: v.version, action: v.action, username: v.username, at: v.at,
          diff: diffLines(i ? text(snapshots[i - 1]) : '', text(snapshots[i])).filter((d) => d.op !== '='),
          // The checklist in words, as the 保密审查单 reads.
          confidentialityReview: r ? { checks: r.checks.map((c) => CONFIDENTIALITY_CHECKS[c as ConfidentialityCheck] ?? c), opinion: r.opinion, reviewer: r.reviewerName, date: r.reviewDate } : null,
        };
      }),
    };
  });

  app.get('/api/v1/publishing/attachments/:id/file', {
    schema: {
      tags, summary: '查看附件（工作人员；草稿中的图片也可预览，不计下载次数）', params: idParams,
      response: { 200: { type: 'string' }, ...errorResponses },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const { row, bytes, picture } = await attachmentForStaff(deps, actor, (request.params as { id: number }).id);
    return reply
      .type(row.mime)
      .header('content-disposition', picture ? 'inline' : `attachment; filename*=UTF-8''${encodeURIComponent(row.file_name)}`)
      .header('content-security-policy', "default-src 'none'; sandbox")
      .send(bytes);
  });

  // Uploads live in their own scope so multipart parsing applies to this route only.
  void app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES + 1, files: 1 } });
    scope.post('/api/v1/publishing/items/:id/attachments', {
      schema: { tags, summary: '上传附件（PDF、Word、Excel、图片）', consumes: ['multipart/form-data'], params: idParams, response: { 200: attachmentSchema, ...errorResponses } },
    }, async (request) => {
      const actor = requireActor(request, 'publisher');
      const { id } = request.params as { id: number };
      const file = await request.file();
      if (!file) throw new AppError('publishing.attachment_missing', '请选择要上传的文件', 400);
      // The name and any text field sent before the file, by the one shape: refused before a byte is stored.
      const textFields = Object.values(file.fields).flat().filter((f): f is MultipartValue => !!f && f.type === 'field');
      parseInput(attachmentUploadShape, { ...Object.fromEntries(textFields.map((f) => [f.fieldname, f.value])), fileName: file.filename });
      // Spooled through a temporary file: no 20 MB copy on the server's thread.
      const { bytes, truncated } = await receiveFile(file.file);
      if (truncated) throw new AppError('publishing.attachment_too_large', '文件过大', 400);
      return presentAttachment(await addAttachment({ actor, itemId: id, fileName: file.filename, bytes, ip: request.ip, deps }));
    });
  });
}
