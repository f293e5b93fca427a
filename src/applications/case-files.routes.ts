/**
 * Files of a case for staff:
 *   GET  /api/v1/applications/:id/files              what the applicant attached, what was released
 *   GET  /api/v1/applications/:id/files/:fileId      the stored bytes
 *   POST /api/v1/applications/:id/files              attach released information to the 答复 (multipart)
 */
import type { FastifyInstance } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import type { AppDeps } from '../shared/deps.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { errorResponses, idParams } from '../auth/auth.schemas.ts';
import { receiveFile } from '../http/upload-spool.ts';
import { AppError } from '../shared/app-error.ts';
import { attachmentDisposition } from '../http/content-disposition.ts';
import { MAX_CASE_FILE_BYTES, MAX_CASE_FILES } from './case-files.rules.ts';
import { addReleasedFiles, caseFileForStaff, listCaseFiles } from './case-files.usecases.ts';
import { createApplicationsRepository } from './applications.repository.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { assertCanAct } from './case-access.ts';

const fileSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' }, kind: { type: 'string', enum: ['application', 'correction', 'released'] }, fileName: { type: 'string' }, mime: { type: 'string' },
    size: { type: 'integer' }, sha256: { type: 'string' }, uploadedBy: { type: 'string' }, createdAt: { type: 'string' },
  },
} as const;
const listSchema = { type: 'object', properties: { items: { type: 'array', items: fileSchema } } } as const;

export function registerCaseFilesRoutes(app: FastifyInstance, deps: AppDeps) {
  const tags = ['依申请公开'];
  app.get('/api/v1/applications/:id/files', {
    schema: { tags, summary: '本案文件：申请人上传的附件、补正材料，答复时公开的信息文件', params: idParams, response: { 200: listSchema, ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    return { items: await listCaseFiles({ caseId: (request.params as { id: number }).id, actor, deps }) };
  });

  app.get('/api/v1/applications/:id/files/:fileId', {
    schema: {
      tags, summary: '下载本案文件（与上传时相同的文件）',
      params: { type: 'object', required: ['id', 'fileId'], properties: { id: { type: 'integer', minimum: 1 }, fileId: { type: 'integer', minimum: 1 } } },
      response: { 200: { type: 'string' }, ...errorResponses },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const { id, fileId } = request.params as { id: number; fileId: number };
    const { row, bytes } = await caseFileForStaff({ caseId: id, fileId, actor, ip: request.ip, deps });
    return reply.type(row.mime).header('x-content-sha256', row.sha256).header('content-disposition', attachmentDisposition(row.file_name, `file-${row.id}.${row.storage_path.split('.').pop()}`)).send(bytes);
  });

  // Multipart only in this scope.
  void app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: MAX_CASE_FILE_BYTES + 1, files: MAX_CASE_FILES + 1 }, throwFileSizeLimit: false });
    scope.post('/api/v1/applications/:id/files', {
      schema: { tags, summary: `答复时公开的信息文件（PDF、JPG、PNG、Word，每个不超过 ${MAX_CASE_FILE_BYTES / 1024 / 1024} MB，一次最多 ${MAX_CASE_FILES} 个）`, consumes: ['multipart/form-data'], params: idParams, response: { 201: listSchema, ...errorResponses } },
    }, async (request, reply) => {
      const actor = requireActor(request, 'case_handler');
      const caseId = (request.params as { id: number }).id;
      // The right to act on the case is checked before a byte is received.
      const row = await createApplicationsRepository(deps).byId(caseId);
      if (!row) throw new AppError('applications.not_found', '没有找到该申请', 404);
      assertCanAct(actor, 'case_handler', row, await createOrganizationsRepository(deps).list());
      if (!request.isMultipart()) throw new AppError('applications.file_missing', '请选择要上传的文件', 400);
      const files: { fileName: string; bytes: Buffer }[] = [];
      try {
        for await (const part of request.files()) {
          const { bytes, truncated } = await receiveFile(part.file);
          if (truncated) throw new AppError('applications.file_too_large', `文件“${part.filename}”超过 ${MAX_CASE_FILE_BYTES / 1024 / 1024} MB`, 400);
          files.push({ fileName: part.filename, bytes });
        }
      } catch (e) {
        if ((e as { code?: string }).code === 'FST_FILES_LIMIT') throw new AppError('applications.file_too_many', `一次最多上传 ${MAX_CASE_FILES} 个文件`, 400);
        throw e;
      }
      return reply.status(201).send({ items: await addReleasedFiles({ caseId, files, actor, ip: request.ip, deps }) });
    });
  });
}
