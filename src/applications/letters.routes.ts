/** Letters of a case (Word file and HTML preview); issued letters and bodies' templates register here too. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../shared/deps.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { errorResponses } from '../auth/auth.schemas.ts';
import { LETTER_KEYS } from './letters.templates.ts';
import { draftDocument } from './letters.issue.usecases.ts';
import { letterDocxBytes, letterFragmentHtml } from './letters.render.ts';
import { registerIssuedLettersRoutes } from './letters.issue.routes.ts';
import { registerLetterTemplatesRoutes } from './letter-templates.routes.ts';

export function registerLettersRoutes(app: FastifyInstance, deps: AppDeps) {
  const tags = ['依申请公开文书'];
  registerIssuedLettersRoutes(app, deps);
  registerLetterTemplatesRoutes(app, deps);
  const params = { type: 'object', required: ['id', 'key'], properties: { id: { type: 'integer', minimum: 1 }, key: { type: 'string', enum: LETTER_KEYS } } } as const;

  app.get('/api/v1/applications/:id/letters/:key', {
    schema: {
      tags, summary: '文书草稿（未签发、无文号；签发后请下载存档文件）：受理回执、补正告知书、延期告知书、征求意见书、收费通知书、答复书）：?format=docx 下载 Word，默认 HTML 预览',
      params, querystring: { type: 'object', properties: { format: { type: 'string', enum: ['html', 'docx'] } } },
      response: { 200: { type: 'string' }, ...errorResponses },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const { id, key } = request.params as { id: number; key: string };
    const letter = await draftDocument({ caseId: id, key, actor, deps });
    if ((request.query as { format?: string }).format === 'docx') {
      return reply
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename="${key}-${id}.docx"`)
        .send(await letterDocxBytes(letter));
    }
    return reply.type('text/html; charset=utf-8').send(letterFragmentHtml(letter));
  });
}
