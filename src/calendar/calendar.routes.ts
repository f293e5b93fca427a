/**
 * The holiday calendar screen's API (calendar-admin.usecases.ts):
 *   GET /api/v1/calendar/years          every stored year: named holiday periods and 调休 days
 *   PUT /api/v1/calendar/years/:year    add or replace a year from the State Council notice
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../shared/deps.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { errorResponses } from '../auth/auth.schemas.ts';
import { listHolidayYears, saveHolidayYear } from './calendar-admin.usecases.ts';
import type { HolidayYearForm } from './holiday-form.rules.ts';

const date = { type: 'string', maxLength: 10 } as const;
const period = { type: 'object', additionalProperties: false, required: ['name', 'start', 'end'], properties: { name: { type: 'string', maxLength: 40 }, start: date, end: date } } as const;
const makeUp = { type: 'object', additionalProperties: false, required: ['date'], properties: { date, name: { type: 'string', maxLength: 40 } } } as const;
const yearSchema = {
  type: 'object',
  properties: { year: { type: 'integer' }, source: { type: 'string' }, holidays: { type: 'array', items: period }, workDays: { type: 'array', items: makeUp } },
} as const;

export function registerCalendarRoutes(app: FastifyInstance, deps: AppDeps) {
  const tags = ['节假日日历'];
  app.get('/api/v1/calendar/years', {
    schema: { tags, summary: '各年的放假安排与调休上班日（平台系统管理员）', response: { 200: { type: 'object', properties: { years: { type: 'array', items: yearSchema }, nextYear: { type: ['integer', 'null'] } } }, ...errorResponses } },
  }, async (request) => listHolidayYears({ actor: requireActor(request), deps }));

  app.put('/api/v1/calendar/years/:year', {
    schema: {
      tags, summary: '录入或替换某年的节假日安排（依国务院办公厅通知）；同一事务内重新计算受影响申请的答复期限',
      params: { type: 'object', required: ['year'], properties: { year: { type: 'integer', minimum: 2000, maximum: 2100 } } },
      body: {
        type: 'object', additionalProperties: false, required: ['source', 'holidays', 'workDays'],
        properties: { source: { type: 'string', maxLength: 200 }, holidays: { type: 'array', maxItems: 20, items: period }, workDays: { type: 'array', maxItems: 20, items: makeUp } },
      },
      response: { 200: { type: 'object', properties: { year: { type: 'integer' }, offDays: { type: 'integer' }, workDays: { type: 'integer' }, replaced: { type: 'boolean' }, reprojected: { type: 'integer', description: '答复期限因此重新计算的申请数' } } }, ...errorResponses },
    },
  }, async (request) => {
    const body = request.body as Omit<HolidayYearForm, 'year'>;
    return saveHolidayYear({ form: { ...body, year: (request.params as { year: number }).year }, actor: requireActor(request), ip: request.ip, deps });
  });
}
