/** JSON Schemas of the applications API (validation and the OpenAPI page at /api/docs). */
import { z } from 'zod';
import { jsonSchemaOf } from '../shared/schema/json-schema.ts';
import { idParamsShape } from '../shared/schema/route-schema.ts';
import { clerkIntakeShape } from './intake.schema.ts';
import { APPLICANT_TYPES, OUTCOME_KEYS } from '../report/report.model.ts';
import { CASE_ACTIONS } from './case-actions.usecases.ts';

export const caseListItemSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    trackingNumber: { type: 'string' },
    organizationId: { type: 'integer' },
    unitId: { type: 'integer' },
    unitName: { type: ['string', 'null'] },
    channel: { type: 'string' },
    channelLabel: { type: 'string' },
    applicantType: { type: 'string' },
    applicantName: { type: 'string' },
    applicantIdMasked: { type: 'string', description: '脱敏后的证件号码' },
    description: { type: 'string' },
    submittedDate: { type: 'string' },
    receivedDate: { type: ['string', 'null'] },
    status: { type: 'string' },
    statusLabel: { type: 'string' },
    dueDate: { type: ['string', 'null'] },
    assigneeId: { type: ['integer', 'null'] },
    extensionPending: { type: 'boolean' },
    decisionPending: { type: 'boolean', description: '拟作出的答复正在等待审批' },
    decisionDate: { type: ['string', 'null'] },
    outcome: { type: ['string', 'null'] },
    outcomeLabel: { type: ['string', 'null'] },
  },
} as const;

/** The case page: list fields plus contact data, state, deadline with explanation, timeline, actions. */
export const caseDetailSchema = {
  type: 'object',
  additionalProperties: true,
  properties: { ...caseListItemSchema.properties, eventCount: { type: 'integer', description: '案件的事件数（版本）；办理操作可带上 expectedEventCount，案件已被他人修改时返回 409' } },
} as const;

export const listQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    status: { type: 'string', description: '状态，多个以逗号分隔' },
    open: { type: 'boolean' },
    overdue: { type: 'boolean', description: '只看已超期' },
    q: { type: 'string', maxLength: 100 },
    applicantType: { type: 'string', enum: [...APPLICANT_TYPES] },
    outcome: { type: 'string', enum: [...OUTCOME_KEYS] },
    receivedFrom: { type: 'string', format: 'date' },
    receivedTo: { type: 'string', format: 'date' },
    limit: { type: 'integer', minimum: 1, maximum: 500 },
    offset: { type: 'integer', minimum: 0 },
    format: { type: 'string', enum: ['csv', 'xlsx'] },
  },
} as const;

/** Made from the shared zod shape, so the API, the OpenAPI page and the public form agree. */
export const intakeBodySchema = jsonSchemaOf(clerkIntakeShape);

/** A case action's path: the case and the action's name. */
export const actionParamsShape = z.object({
  id: idParamsShape.shape.id,
  action: z.enum(CASE_ACTIONS as unknown as [string, ...string[]], { error: '未知的办理操作' }),
});
