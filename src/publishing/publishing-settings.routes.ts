/**
 * A body's publishing settings (today: whether approval must carry a 保密审查):
 *   GET/PUT /api/v1/organizations/:id/publishing-settings   { confidentialityReview: required | optional }
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../shared/deps.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { errorResponses } from '../auth/auth.schemas.ts';
import { getPublishingSettings, savePublishingSettings } from './confidentiality.usecases.ts';

const settingsSchema = {
  type: 'object',
  properties: {
    organizationId: { type: 'integer' }, organizationName: { type: 'string' },
    confidentialityReview: { type: 'string', enum: ['required', 'optional'], description: 'required：审核通过时必须完成保密审查；optional：可选' },
    checklist: { type: 'array', items: { type: 'object', properties: { key: { type: 'string' }, label: { type: 'string' } } } },
    updatedAt: { type: ['string', 'null'] }, updatedBy: { type: ['string', 'null'] }, canEdit: { type: 'boolean' },
  },
} as const;
const params = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } } as const;

export function registerPublishingSettingsRoutes(app: FastifyInstance, deps: AppDeps) {
  const tags = ['主动公开'];
  app.get('/api/v1/organizations/:id/publishing-settings', {
    schema: { tags, summary: '机关的发布设置（保密审查是否必须）', params, response: { 200: settingsSchema, ...errorResponses } },
  }, async (request) => getPublishingSettings({ organizationId: (request.params as { id: number }).id, actor: requireActor(request), deps }));

  app.put('/api/v1/organizations/:id/publishing-settings', {
    schema: {
      tags, summary: '修改发布设置（本机关系统管理员）', params,
      body: { type: 'object', additionalProperties: false, required: ['confidentialityReview'], properties: { confidentialityReview: { type: 'string', maxLength: 16 } } },
      response: { 200: settingsSchema, ...errorResponses },
    },
  }, async (request) => savePublishingSettings({
    organizationId: (request.params as { id: number }).id,
    confidentialityReview: (request.body as { confidentialityReview: string }).confidentialityReview,
    actor: requireActor(request), ip: request.ip, deps,
  }));
}
