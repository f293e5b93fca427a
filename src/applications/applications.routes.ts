/** JSON API of 依申请公开 for staff: intake, lists and export, the case page, case actions. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../shared/deps.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { errorResponses, idParams } from '../auth/auth.schemas.ts';
import { submitApplication } from './intake.usecases.ts';
import { recordCaseAction } from './case-actions.usecases.ts';
import { getCase, listCases, workbench } from './case-view.usecases.ts';
import { casesCsv, casesXlsx } from './applications.export.ts';
import { shanghaiDate } from '../shared/clock.ts';
import {
  actionParamsShape,
  caseDetailSchema,
  caseListItemSchema,
  intakeBodySchema,
  listQuerySchema,
} from './applications.schemas.ts';
import type { CaseListFilter } from './applications.repository.ts';
import { registerApplicationsPortal } from './applications.portal.ts';
import { registerQueryCodeRecoveryPortal } from './query-code-recovery.portal.ts';
import { registerOversightRoutes } from '../oversight/oversight.routes.ts';
import { registerLettersRoutes } from './letters.routes.ts';
import { registerCaseFilesRoutes } from './case-files.routes.ts';
import { registerApprovalsRoutes } from './approvals.routes.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { intakeBodiesFor } from './case-access.ts';
import { zodRoute } from '../shared/schema/route-schema.ts';
import { caseActionBodyShape } from './case-actions.schema.ts';

interface ListQuery {
  status?: string;
  open?: boolean;
  overdue?: boolean;
  q?: string;
  applicantType?: string;
  outcome?: string;
  receivedFrom?: string;
  receivedTo?: string;
  limit?: number;
  offset?: number;
  format?: 'csv' | 'xlsx';
}

function filterOf(q: ListQuery, today: string): CaseListFilter {
  return {
    status: q.status ? q.status.split(',').filter(Boolean) : undefined,
    open: q.open || q.overdue,
    dueBefore: q.overdue ? today : undefined,
    q: q.q,
    applicantType: q.applicantType,
    outcome: q.outcome,
    receivedFrom: q.receivedFrom,
    receivedTo: q.receivedTo,
    limit: q.limit,
    offset: q.offset,
  };
}

export function registerApplicationsRoutes(app: FastifyInstance, deps: AppDeps) {
  registerApplicationsPortal(app, deps);
  registerQueryCodeRecoveryPortal(app, deps);
  registerOversightRoutes(app, deps);
  registerLettersRoutes(app, deps);
  registerCaseFilesRoutes(app, deps);
  registerApprovalsRoutes(app, deps);
  const tags = ['依申请公开'];
  const workbenchItem = {
    type: 'object',
    properties: { ...caseListItemSchema.properties, workingDaysLeft: { type: ['integer', 'null'], description: '距答复期限的工作日数（0 为今天到期，负数为已超期的工作日数）' } },
  } as const;
  const listResponse = { type: 'object', properties: { total: { type: 'integer' }, totalCapped: { type: 'boolean', description: '符合条件的记录超过 total（上限 10000），未逐条计数' }, items: { type: 'array', items: caseListItemSchema } } } as const;

  app.get('/api/v1/applications', {
    schema: { tags, summary: '申请列表（可筛选）', querystring: listQuerySchema, response: { 200: listResponse, ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    return listCases({ filter: filterOf(request.query as ListQuery, shanghaiDate(deps.clock.now())), actor, ip: request.ip, deps });
  });

  app.get('/api/v1/applications/export', {
    schema: {
      tags, summary: '导出申请列表（CSV 或 Excel，证件号码脱敏）', querystring: listQuerySchema,
      response: { 200: { type: 'string', format: 'binary' }, ...errorResponses },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const q = request.query as ListQuery;
    const { items } = await listCases({ filter: { ...filterOf(q, shanghaiDate(deps.clock.now())), limit: 100_000, offset: 0 }, actor, ip: request.ip, deps, auditAction: 'applications.exported' });
    const stamp = shanghaiDate(deps.clock.now());
    if (q.format === 'xlsx') {
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="applications-${stamp}.xlsx"`)
        .send(await casesXlsx(items));
    }
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="applications-${stamp}.csv"`).send(casesCsv(items));
  });

  app.get('/api/v1/applications/intake-bodies', {
    schema: {
      tags, summary: '登记申请时可选的受理机关',
      response: { 200: { type: 'object', properties: { items: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' } } } } } }, ...errorResponses },
    },
  }, async (request) => {
    const actor = requireActor(request, 'case_handler');
    const orgs = await createOrganizationsRepository(deps).list();
    return { items: intakeBodiesFor(actor, orgs).map((o) => ({ id: o.id, name: o.name })) };
  });

  app.get('/api/v1/applications/workbench', {
    schema: {
      tags, summary: '工作台：即将到期、已超期、待我办理',
      querystring: { type: 'object', properties: { days: { type: 'integer', minimum: 1, maximum: 30 } } },
      response: {
        200: {
          type: 'object',
          properties: { today: { type: 'string' }, overdue: { type: 'array', items: workbenchItem }, dueSoon: { type: 'array', items: workbenchItem }, awaitingMe: { type: 'array', items: workbenchItem } },
        },
        ...errorResponses,
      },
    },
  }, async (request) => {
    const actor = requireActor(request);
    return workbench({ actor, ip: request.ip, deps, days: (request.query as { days?: number }).days });
  });

  app.post('/api/v1/applications', {
    config: { portalUnchanged: true },
    schema: {
      tags, summary: '登记申请（当面、邮寄、传真、电子邮件等）', body: intakeBodySchema,
      response: { 201: { type: 'object', properties: { id: { type: 'integer' }, trackingNumber: { type: 'string' }, queryCode: { type: 'string', description: '只显示这一次，请告知申请人' } } }, ...errorResponses },
    },
  }, async (request, reply) => {
    const actor = requireActor(request, 'case_handler');
    const body = request.body as Record<string, unknown>;
    const r = await submitApplication({
      raw: body, via: 'clerk', actor, ip: request.ip, deps,
      submittedDate: (body.submittedDate as string | undefined) ?? null,
      receivedDate: (body.receivedDate as string | undefined) ?? null,
    });
    return reply.status(201).send({ id: r.id, trackingNumber: r.trackingNumber, queryCode: r.queryCode });
  });

  app.get('/api/v1/applications/:id', {
    schema: { tags, summary: '案件详情：时间线、答复期限及其计算过程、可进行的操作', params: idParams, response: { 200: caseDetailSchema, ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    return getCase({ caseId: (request.params as { id: number }).id, actor, ip: request.ip, deps });
  });

  const action = zodRoute({ params: actionParamsShape, body: caseActionBodyShape.optional() });
  app.post('/api/v1/applications/:id/actions/:action', {
    config: { portalUnchanged: true },
    validatorCompiler: action.validatorCompiler,
    schema: {
      tags, summary: '办理操作（签收、补正、征求意见、延期、收费、答复、送达、归档等）；不允许的操作、或案件已被他人修改（expectedEventCount 不符）返回 409',
      ...action.schema, response: { 200: caseDetailSchema, ...errorResponses },
    },
  }, async (request) => {
    const actor = requireActor(request, 'case_handler', 'reviewer', 'leader');
    const { id, action } = request.params as { id: number; action: string };
    const { expectedEventCount, ...input } = (request.body ?? {}) as Record<string, unknown>;
    const acted = await recordCaseAction({ caseId: id, action, input, expectedEventCount: expectedEventCount as number | undefined, actor, ip: request.ip, answerReads: true, deps });
    // The case as the action left it, even to an approver whose approval ended their need to read it.
    return getCase({ caseId: id, actor, ip: request.ip, deps, justActed: true, acted });
  });
}
