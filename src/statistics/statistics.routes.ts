/**
 * Back-office statistics:
 *   GET /api/v1/statistics?year=Y[&organizationId=N]          the figures as JSON
 *   GET /api/v1/statistics/export?year=Y[&organizationId=N]   the same as an XLSX workbook
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../shared/deps.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { errorResponses } from '../auth/auth.schemas.ts';
import { zodRoute } from '../shared/schema/route-schema.ts';
import { attachmentDisposition } from '../http/content-disposition.ts';
import { statisticsQueryShape } from './statistics.schema.ts';
import { statistics } from './statistics.usecases.ts';
import { statisticsXlsx } from './statistics.export.ts';

const tags = ['统计分析'];
type Query = { year: number; organizationId?: number };

export function registerStatisticsRoutes(app: FastifyInstance, deps: AppDeps) {
  const route = zodRoute({ querystring: statisticsQueryShape });
  app.get('/api/v1/statistics', {
    validatorCompiler: route.validatorCompiler,
    schema: { tags, summary: '统计：申请按月按渠道、办理结果、按期办结率与平均答复工作日、发布按单位栏目、栏目更新情况', ...route.schema, response: { ...errorResponses } },
  }, async (request) => {
    const q = request.query as Query;
    return statistics({ actor: requireActor(request), year: q.year, organizationId: q.organizationId, deps });
  });

  app.get('/api/v1/statistics/export', {
    validatorCompiler: route.validatorCompiler,
    schema: { tags, summary: '统计导出为 Excel（xlsx）', ...route.schema, response: { 200: { type: 'string', format: 'binary' }, ...errorResponses } },
  }, async (request, reply) => {
    const q = request.query as Query;
    const s = await statistics({ actor: requireActor(request), year: q.year, organizationId: q.organizationId, deps });
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', attachmentDisposition(`${s.scopeName ?? ''}${q.year}年统计.xlsx`, `statistics-${q.year}.xlsx`))
      .send(await statisticsXlsx(s));
  });
}
