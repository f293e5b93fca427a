/** POST a .docx, get its text as the HTML of an item's body (导入 Word 文档 in the editor). */
import type { FastifyInstance } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import type { AppDeps } from '../shared/deps.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { errorResponses } from '../auth/auth.schemas.ts';
import { AppError } from '../shared/app-error.ts';
import { receiveFile } from '../http/upload-spool.ts';
import { MAX_ATTACHMENT_BYTES } from './attachments.rules.ts';
import { docxToBodyHtml } from './docx-import.usecases.ts';

export function registerDocxImportRoutes(app: FastifyInstance, _deps: AppDeps) {
  // Its own scope so that multipart parsing applies to this route only.
  void app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES + 1, files: 1 } });
    scope.post('/api/v1/publishing/docx-to-html', {
      schema: {
        tags: ['主动公开'], summary: '导入 Word 文档：.docx 转为正文 HTML（已按正文规则清理，不保存）', consumes: ['multipart/form-data'],
        response: { 200: { type: 'object', properties: { html: { type: 'string' }, droppedImages: { type: 'integer' } } }, ...errorResponses },
      },
    }, async (request) => {
      requireActor(request, 'publisher');
      const file = await request.file();
      if (!file) throw new AppError('publishing.docx_missing', '请选择要导入的 Word 文档', 400);
      const { bytes, truncated } = await receiveFile(file.file);
      if (truncated) throw new AppError('publishing.docx_too_large', `文件过大：Word 文档不能超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`, 400);
      return docxToBodyHtml({ fileName: file.filename, bytes });
    });
  });
}
