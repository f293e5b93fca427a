/**
 * A body's separation-of-duties rules for cases (approval.rules.ts):
 *   GET/PUT /api/v1/organizations/:id/approval-settings   { extension, decision }: none | other_person
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../shared/deps.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { errorResponses } from '../auth/auth.schemas.ts';
import { getApprovalRules, saveApprovalRules } from './approvals.usecases.ts';

const rule = { type: 'string', enum: ['none', 'other_person'] } as const;
const rulesSchema = {
  type: 'object',
  properties: {
    organizationId: { type: 'integer' }, organizationName: { type: 'string' },
    extension: { ...rule, description: '延期：other_person 须由申请人以外的审批人批准；none 审批人批准即可' },
    decision: { ...rule, description: '答复：other_person 须提请审批、由承办人以外的审批人批准；none 承办人直接答复' },
    approverRoles: { type: 'array', items: { type: 'string' } },
    updatedAt: { type: ['string', 'null'] }, updatedBy: { type: ['string', 'null'] }, canEdit: { type: 'boolean' },
  },
} as const;
const params = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } } as const;

export function registerApprovalsRoutes(app: FastifyInstance, deps: AppDeps) {
  const tags = ['依申请公开'];
  app.get('/api/v1/organizations/:id/approval-settings', {
    schema: { tags, summary: '机关的审批规则（延期、答复是否须由他人审批）', params, response: { 200: rulesSchema, ...errorResponses } },
  }, async (request) => getApprovalRules({ organizationId: (request.params as { id: number }).id, actor: requireActor(request), deps }));

  app.put('/api/v1/organizations/:id/approval-settings', {
    schema: {
      tags, summary: '修改审批规则（本机关系统管理员）', params,
      body: { type: 'object', additionalProperties: false, required: ['extension', 'decision'], properties: { extension: { type: 'string' }, decision: { type: 'string' } } },
      response: { 200: rulesSchema, ...errorResponses },
    },
  }, async (request) => saveApprovalRules({ organizationId: (request.params as { id: number }).id, rules: request.body as Record<string, unknown>, actor: requireActor(request), deps }));
}
