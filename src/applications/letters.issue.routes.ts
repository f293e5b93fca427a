/**
 * Issued letters of a case and a body's letter settings:
 *   POST /api/v1/applications/:id/letters/:key/issue          签发 (body: { replacesId? } for a correction)
 *   GET  /api/v1/applications/:id/issued-letters              the case's letter register
 *   GET  /api/v1/applications/:id/issued-letters/:letterId/:format   the stored docx / pdf bytes
 *   GET/PUT /api/v1/organizations/:id/letter-settings         numbering patterns, contact block
 *   PUT/DELETE /api/v1/organizations/:id/letter-seal          electronic-seal image (multipart)
 */
import type { FastifyInstance } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import type { AppDeps } from '../shared/deps.ts';
import { AppError } from '../shared/app-error.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { errorResponses } from '../auth/auth.schemas.ts';
import { LETTER_KEYS } from './letters.templates.ts';
import { issueLetter, issuedFile, listIssued } from './letters.issue.usecases.ts';
import { closeLetterBrowser } from './letters.render.ts';
import { MAX_SEAL_BYTES, getLetterSettings, saveLetterSettings, saveSeal } from './letters.settings.usecases.ts';

const MIME = { docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pdf: 'application/pdf' } as const;

const issuedSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' }, kind: { type: 'string' }, title: { type: 'string' }, docNumber: { type: 'string' }, issueDate: { type: 'string' },
    replacesId: { type: ['integer', 'null'] },
    replacedBy: { type: ['object', 'null'], properties: { id: { type: 'integer' }, docNumber: { type: 'string' } } },
    docxSha256: { type: 'string' }, pdfSha256: { type: 'string' }, issuedBy: { type: 'string' }, issuedAt: { type: 'string' },
    templateVersion: { type: ['object', 'null'], description: '签发时所用的本机关模板版本（null：平台默认模板）', properties: { id: { type: 'integer' }, version: { type: ['integer', 'null'] } } },
  },
} as const;

export function registerIssuedLettersRoutes(app: FastifyInstance, deps: AppDeps) {
  const tags = ['依申请公开文书'];
  app.addHook('onClose', closeLetterBrowser);
  const orgParams = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } } as const;

  app.post('/api/v1/applications/:id/letters/:key/issue', {
    schema: {
      tags, summary: '签发文书：编号、以签发日期落款，生成 Word 和 PDF 并存档；replacesId 表示更正该文书',
      params: { type: 'object', required: ['id', 'key'], properties: { id: { type: 'integer', minimum: 1 }, key: { type: 'string', enum: LETTER_KEYS } } },
      body: { type: ['object', 'null'], additionalProperties: false, properties: { replacesId: { type: ['integer', 'null'], minimum: 1 } } },
      response: { 201: issuedSchema, ...errorResponses },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const { id, key } = request.params as { id: number; key: string };
    const replacesId = (request.body as { replacesId?: number | null } | null)?.replacesId ?? null;
    return reply.status(201).send(await issueLetter({ caseId: id, kind: key, replacesId, actor, deps }));
  });

  app.get('/api/v1/applications/:id/issued-letters', {
    schema: { tags, summary: '本案已签发的文书', params: orgParams, response: { 200: { type: 'object', properties: { items: { type: 'array', items: issuedSchema } } }, ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    return { items: await listIssued({ caseId: (request.params as { id: number }).id, actor, deps }) };
  });

  app.get('/api/v1/applications/:id/issued-letters/:letterId/:format', {
    schema: {
      tags, summary: '下载已签发文书（与签发时完全相同的文件）',
      params: { type: 'object', required: ['id', 'letterId', 'format'], properties: { id: { type: 'integer', minimum: 1 }, letterId: { type: 'integer', minimum: 1 }, format: { type: 'string', enum: ['docx', 'pdf'] } } },
      response: { 200: { type: 'string' }, ...errorResponses },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const { id, letterId, format } = request.params as { id: number; letterId: number; format: 'docx' | 'pdf' };
    const f = await issuedFile({ caseId: id, letterId, format, actor, deps });
    return reply
      .type(MIME[format])
      .header('etag', `"${f.sha256}"`)
      .header('x-content-sha256', f.sha256)
      .header('content-disposition', `attachment; filename="${f.asciiFileName}"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
      .send(f.bytes);
  });

  const settingsSchema = {
    type: 'object',
    properties: { organizationId: { type: 'integer' }, canEdit: { type: 'boolean' }, patterns: { type: 'object', additionalProperties: { type: 'string' } }, contactBlock: { type: 'string' }, hasSeal: { type: 'boolean' } },
  } as const;

  app.get('/api/v1/organizations/:id/letter-settings', {
    schema: { tags, summary: '机关的文书设置（文号格式、联系方式、电子印章）', params: orgParams, response: { 200: settingsSchema, ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    return getLetterSettings({ organizationId: (request.params as { id: number }).id, actor, deps });
  });

  app.put('/api/v1/organizations/:id/letter-settings', {
    schema: {
      tags, summary: '修改文书设置：每种文书的文号格式（含 {年}、{号}），联系方式（每行一项）',
      params: orgParams,
      body: { type: 'object', additionalProperties: false, required: ['patterns', 'contactBlock'], properties: { patterns: { type: 'object', additionalProperties: { type: 'string', maxLength: 100 } }, contactBlock: { type: 'string', maxLength: 2000 } } },
      response: { 204: { type: 'null' }, ...errorResponses },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const { patterns, contactBlock } = request.body as { patterns: Record<string, string>; contactBlock: string };
    await saveLetterSettings({ organizationId: (request.params as { id: number }).id, patterns, contactBlock, actor, deps });
    return reply.status(204).send();
  });

  app.delete('/api/v1/organizations/:id/letter-seal', {
    schema: { tags, summary: '删除电子印章', params: orgParams, response: { 204: { type: 'null' }, ...errorResponses } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    await saveSeal({ organizationId: (request.params as { id: number }).id, bytes: null, actor, deps });
    return reply.status(204).send();
  });

  // Upload in its own scope so multipart parsing applies to this route only.
  void app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: MAX_SEAL_BYTES + 1, files: 1 } });
    scope.put('/api/v1/organizations/:id/letter-seal', {
      schema: { tags, summary: '上传电子印章（PNG 或 JPEG，不超过 1MB）', consumes: ['multipart/form-data'], params: orgParams, response: { 204: { type: 'null' }, ...errorResponses } },
    }, async (request, reply) => {
      const actor = requireActor(request);
      const file = await request.file();
      if (!file) throw new AppError('letters.seal_missing', '请选择印章图片', 400);
      const bytes = await file.toBuffer().catch(() => {
        throw new AppError('letters.seal_too_large', '印章图片不能超过1MB', 400);
      });
      await saveSeal({ organizationId: (request.params as { id: number }).id, bytes, actor, deps });
      return reply.status(204).send();
    });
  });
}
