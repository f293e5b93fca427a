/**
 * JSON API of the annual report: workspace, narrative, figures, workflow, drill-down, documents;
 * and the portal's 年报 column (report.portal.ts).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../shared/deps.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { errorResponses, errorSchema } from '../auth/auth.schemas.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { canReadIn } from '../auth/access.rules.ts';
import { renderReport, RENDER_FORMATS } from '../render/render.registry.ts';
import type { AnnualReport } from './report.model.ts';
import { actOnReport, cellRecords, getReportYear, saveFigures, saveNarrative, startReport, type ReportCtx } from './report.usecases.ts';
import { canApproveReport, canPrepareReport } from './report.workflow.ts';
import { currentPublishedReports, listPublished, yearOverYear } from './report.published.ts';
import { NARRATIVE_PARTS, PLACEHOLDER_NAMES } from './report.narrative.ts';
import { publicVersion } from './report.usecases.ts';
import type { StoredFigures } from './report.repository.ts';
import type { ReportSources } from './report.source-wiring.ts';
import { registerReportPortalRoutes } from './report.portal.ts';
import type { z } from 'zod';
import { idParamsShape, zodRoute } from '../shared/schema/route-schema.ts';
import { reportActionParamsShape, reportBodyYearParamsShape, reportFiguresShape, reportNarrativeShape, reportStartShape, type ReportStartBody } from './report-input.schema.ts';

const tags = ['年度报告'];
const anyObject = { type: 'object', additionalProperties: true } as const;
const responses = { 200: anyObject, ...errorResponses, 422: errorSchema } as const;
const bodyYear = {
  type: 'object',
  required: ['bodyId', 'year'],
  properties: { bodyId: { type: 'integer', minimum: 1 }, year: { type: 'integer', minimum: 2008, maximum: 2100 } },
} as const;

export function registerReportRoutes(app: FastifyInstance, deps: AppDeps, sources?: ReportSources) {
  const ctx: ReportCtx = { deps, sources };
  const actorOf = (request: FastifyRequest) => ({ ...requireActor(request), ip: request.ip });
  registerReportPortalRoutes(app, deps);

  app.get('/api/v1/reports/bodies', { schema: { tags, summary: '可查看年度报告的机关', response: responses } }, async (request) => {
    const actor = actorOf(request);
    const orgs = await createOrganizationsRepository(deps).list();
    const items = orgs
      .filter((o) => o.isBody && !o.disabled)
      .filter((o) => canReadIn(actor, o.id, orgs) || canPrepareReport(actor, o.id, orgs) || canApproveReport(actor, o.id))
      .map((o) => ({ id: o.id, code: o.code, name: o.name, kind: o.kind, prepare: canPrepareReport(actor, o.id, orgs), approve: canApproveReport(actor, o.id) }));
    return { items, parts: NARRATIVE_PARTS, placeholders: PLACEHOLDER_NAMES };
  });

  app.get('/api/v1/reports/:bodyId/:year', { schema: { tags, summary: '某机关某年度的年度报告（计算结果、校验发现、版本）', params: bodyYear, response: responses } }, async (request) => {
    const { bodyId, year } = request.params as { bodyId: number; year: number };
    return getReportYear({ actor: actorOf(request), bodyId, year, ctx });
  });

  const startRoute = zodRoute({ params: reportBodyYearParamsShape, body: reportStartShape.optional() });
  app.post('/api/v1/reports/:bodyId/:year/versions', {
    validatorCompiler: startRoute.validatorCompiler,
    schema: { tags, summary: '开始编制年度报告，或对已发布报告发起更正（新版本）', ...startRoute.schema, response: { 201: anyObject, ...errorResponses } },
  }, async (request, reply) => {
    const { bodyId, year } = request.params as { bodyId: number; year: number };
    const { correctionNote } = (request.body ?? {}) as ReportStartBody;
    return reply.status(201).send({ version: await startReport({ actor: actorOf(request), bodyId, year, correctionNote, ctx }) });
  });

  const narrativeRoute = zodRoute({ params: idParamsShape, body: reportNarrativeShape });
  app.put('/api/v1/reports/versions/:id/narrative', {
    validatorCompiler: narrativeRoute.validatorCompiler,
    schema: {
      tags, summary: '保存正文（富文本，服务器端净化；可用 {{占位符}} 引用表格数字；revision：所修改的版本修订号，已被他人改动时返回 409）', ...narrativeRoute.schema,
      response: responses,
    },
  }, async (request) => {
    const { id } = request.params as { id: number };
    const { parts, revision } = request.body as z.output<typeof reportNarrativeShape>;
    return { narrative: await saveNarrative({ actor: actorOf(request), versionId: id, parts, revision, ctx }) };
  });

  const figuresRoute = zodRoute({ params: reportBodyYearParamsShape, body: reportFiguresShape });
  app.put('/api/v1/reports/:bodyId/:year/figures', {
    validatorCompiler: figuresRoute.validatorCompiler,
    schema: {
      tags, summary: '填报第二部分数字（许可、处罚、强制、收费；无规范性文件目录时含第（一）项）', ...figuresRoute.schema,
      response: responses,
    },
  }, async (request) => {
    const { bodyId, year } = request.params as { bodyId: number; year: number };
    await saveFigures({ actor: actorOf(request), bodyId, year, figures: request.body as StoredFigures, ctx });
    return { ok: true };
  });

  const actionRoute = zodRoute({ params: reportActionParamsShape });
  app.post('/api/v1/reports/versions/:id/:action', {
    validatorCompiler: actionRoute.validatorCompiler,
    schema: { tags, summary: '提交、退回、审批（分管领导）、发布', ...actionRoute.schema, response: responses },
  }, async (request) => {
    const { id, action } = request.params as z.output<typeof reportActionParamsShape>;
    return { version: await actOnReport({ actor: actorOf(request), versionId: id, action, ctx }) };
  });

  app.get('/api/v1/reports/:bodyId/:year/cells/:cell', {
    schema: {
      tags, summary: '表格单元格背后的记录（钻取）',
      params: { type: 'object', required: ['bodyId', 'year', 'cell'], properties: { ...bodyYear.properties, cell: { type: 'string', maxLength: 64 } } },
      response: responses,
    },
  }, async (request) => {
    const { bodyId, year, cell } = request.params as { bodyId: number; year: number; cell: string };
    return cellRecords({ actor: actorOf(request), bodyId, year, cell, ctx });
  });

  app.get('/api/v1/reports/:bodyId/:year/document', {
    schema: {
      tags, summary: '下载报告（html、docx、pdf、json、charts）', params: bodyYear,
      querystring: { type: 'object', properties: { format: { type: 'string', enum: [...RENDER_FORMATS] } } },
    },
  }, async (request, reply) => {
    const { bodyId, year } = request.params as { bodyId: number; year: number };
    const { format = 'html' } = request.query as { format?: string };
    const actor = actorOf(request);
    const ws = await getReportYear({ actor, bodyId, year, ctx });
    const history = await currentPublishedReports(deps.db, bodyId);
    const out = await renderReport(ws.report as AnnualReport, format, { history });
    return reply
      .type(out.contentType)
      .header('content-disposition', `attachment; filename="${out.asciiFileName}"; filename*=UTF-8''${encodeURIComponent(out.fileName)}`)
      .send(out.body);
  });

  app.get('/api/v1/reports/:bodyId/history', {
    schema: { tags, summary: '历年已发布报告与逐年对比', params: { type: 'object', required: ['bodyId'], properties: { bodyId: { type: 'integer', minimum: 1 } } }, response: responses },
  }, async (request) => {
    const { bodyId } = request.params as { bodyId: number };
    requireActor(request); // published reports are public; the admin app reads them here too
    return { versions: (await listPublished(deps.db, bodyId)).map(publicVersion), comparison: yearOverYear(await currentPublishedReports(deps.db, bodyId)) };
  });
}
