/**
 * A body's letter templates and their versions:
 *   GET  /api/v1/letter-template-bodies                                          bodies whose templates one may see
 *   GET  /api/v1/organizations/:id/letter-templates                              current template of each kind
 *   GET  /api/v1/organizations/:id/letter-templates/:key/versions                every saved version
 *   POST /api/v1/organizations/:id/letter-templates/:key/versions                save a new version
 *   POST /api/v1/organizations/:id/letter-templates/:key/versions/:version/restore   restore as a new version
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../shared/deps.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { errorResponses } from '../auth/auth.schemas.ts';
import { jsonSchemaOf } from '../shared/schema/json-schema.ts';
import { LETTER_KEYS } from './letters.templates.ts';
import { templateVersionShape, type TemplateVersionInput } from './letter-templates.schema.ts';
import { listBodyTemplates, listTemplateBodies, listTemplateVersions, restoreTemplateVersion, saveTemplateVersion } from './letter-templates.usecases.ts';

const tags = ['依申请公开文书'];
const id = { type: 'integer', minimum: 1 } as const;
const key = { type: 'string', enum: LETTER_KEYS } as const;
const bodyParams = { type: 'object', required: ['id'], properties: { id } } as const;
const keyParams = { type: 'object', required: ['id', 'key'], properties: { id, key } } as const;
const saved = { 201: { type: 'object', properties: { version: { type: 'integer' } } }, ...errorResponses };
const version = {
  type: 'object',
  properties: { version: { type: 'integer' }, title: { type: 'string' }, body: { type: 'string' }, restoredFrom: { type: ['integer', 'null'] }, createdAt: { type: 'string' }, createdBy: { type: 'string' } },
} as const;

export function registerLetterTemplatesRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/api/v1/letter-template-bodies', {
    schema: {
      tags, summary: '可查看文书模板的机关（canEdit：可修改）',
      response: { 200: { type: 'object', properties: { items: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' }, canEdit: { type: 'boolean' } } } } } }, ...errorResponses },
    },
  }, async (request) => ({ items: await listTemplateBodies({ actor: requireActor(request), deps }) }));

  app.get('/api/v1/organizations/:id/letter-templates', {
    schema: {
      tags, summary: '本机关的文书模板（未修改的为平台默认模板）', params: bodyParams,
      response: {
        200: {
          type: 'object',
          properties: {
            organizationId: { type: 'integer' }, organizationName: { type: 'string' }, canEdit: { type: 'boolean' },
            items: { type: 'array', items: { type: 'object', properties: {
              key: { type: 'string' }, title: { type: 'string' }, body: { type: 'string' }, isDefault: { type: 'boolean' },
              version: { type: 'integer' }, updatedAt: { type: ['string', 'null'] }, updatedBy: { type: ['string', 'null'] },
            } } },
          },
        },
        ...errorResponses,
      },
    },
  }, async (request) => listBodyTemplates({ organizationId: (request.params as { id: number }).id, actor: requireActor(request), deps }));

  app.get('/api/v1/organizations/:id/letter-templates/:key/versions', {
    schema: {
      tags, summary: '文书模板的历史版本（新的在前）', params: keyParams,
      response: {
        200: {
          type: 'object',
          properties: {
            organizationId: { type: 'integer' }, key: { type: 'string' }, canEdit: { type: 'boolean' }, current: { type: 'integer' },
            versions: { type: 'array', items: version },
            platformDefault: { type: 'object', properties: { title: { type: 'string' }, body: { type: 'string' } } },
          },
        },
        ...errorResponses,
      },
    },
  }, async (request) => {
    const p = request.params as { id: number; key: string };
    return listTemplateVersions({ organizationId: p.id, key: p.key, actor: requireActor(request), deps });
  });

  app.post('/api/v1/organizations/:id/letter-templates/:key/versions', {
    schema: {
      tags, summary: '保存文书模板的新版本（本机关系统管理员；占位符如 {{申请人}}、{{收到日期}}、{{答复期限}}）',
      params: keyParams, body: jsonSchemaOf(templateVersionShape), response: saved,
    },
  }, async (request, reply) => {
    const actor = requireActor(request, 'admin');
    const p = request.params as { id: number; key: string };
    return reply.status(201).send(await saveTemplateVersion({ organizationId: p.id, key: p.key, input: request.body as TemplateVersionInput, actor, deps }));
  });

  app.post('/api/v1/organizations/:id/letter-templates/:key/versions/:version/restore', {
    schema: {
      tags, summary: '恢复文书模板的某一版本（作为新版本保存；0 为平台默认模板）',
      params: { type: 'object', required: ['id', 'key', 'version'], properties: { id, key, version: { type: 'integer', minimum: 0 } } },
      response: saved,
    },
  }, async (request, reply) => {
    const actor = requireActor(request, 'admin');
    const p = request.params as { id: number; key: string; version: number };
    return reply.status(201).send(await restoreTemplateVersion({ organizationId: p.id, key: p.key, version: p.version, actor, deps }));
  });
}
