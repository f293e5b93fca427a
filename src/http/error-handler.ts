/**
 * The one error handler. API clients get `{ error: { code, message } }` with a Chinese message
 * and a fitting 4xx status; portal visitors get a Chinese error page. Nothing internal (stack
 * traces, SQL) ever reaches a client; unexpected errors are logged and answered with 500.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../shared/app-error.ts';
import { renderErrorPage } from '../portal/error-page.ts';
import type { SiteConfig } from '../config/config.ts';

interface ApiError {
  status: number;
  code: string;
  message: string;
  details?: unknown;
}

const AJV_MESSAGES: Record<string, (p: Record<string, unknown>) => string> = {
  required: (p) => `缺少必填字段“${String(p.missingProperty)}”`,
  type: (p) => `类型应为 ${String(p.type)}`,
  minLength: (p) => `长度不能少于 ${String(p.limit)} 个字符`,
  maxLength: (p) => `长度不能超过 ${String(p.limit)} 个字符`,
  minimum: (p) => `不能小于 ${String(p.limit)}`,
  maximum: (p) => `不能大于 ${String(p.limit)}`,
  enum: (p) => `取值应为：${(p.allowedValues as unknown[]).join('、')}`,
  pattern: () => '格式不正确',
  format: (p) => `格式应为 ${String(p.format)}`,
  additionalProperties: (p) => `不允许的字段“${String(p.additionalProperty)}”`,
  minItems: (p) => `至少需要 ${String(p.limit)} 项`,
};

function validationMessage(error: FastifyError): string {
  const parts = (error.validation ?? []).map((v) => {
    const field = v.instancePath ? v.instancePath.replace(/^\//, '').replace(/\//g, '.') : '';
    const text = AJV_MESSAGES[v.keyword]?.(v.params as Record<string, unknown>) ?? (v.message ?? '不符合要求');
    return field ? `字段“${field}”${text}` : text;
  });
  return `请求数据不符合要求：${parts.join('；')}`;
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof AppError) return { status: error.status, code: error.code, message: error.message, details: error.details };
  const e = error as FastifyError;
  if (e.validation) return { status: 400, code: 'request.invalid', message: validationMessage(e) };
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'request.malformed_json', message: '请求体不是合法的 JSON' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return { status: 413, code: 'request.too_large', message: '请求体过大' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, code: 'request.unsupported_media_type', message: '不支持的内容类型' };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, code: 'request.invalid_length', message: '请求长度不正确' };
  }
  if (e instanceof SyntaxError) return { status: 400, code: 'request.malformed_json', message: '请求体不是合法的 JSON' };
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return { status: e.statusCode, code: 'request.invalid', message: '请求无法处理' };
  }
  return { status: 500, code: 'internal', message: '服务器内部错误，请稍后再试' };
}

export const isApiRequest = (request: FastifyRequest) => request.url.startsWith('/api/');

export function sendError(request: FastifyRequest, reply: FastifyReply, error: unknown, site: SiteConfig) {
  const api = toApiError(error);
  if (api.status >= 500) request.log.error({ err: error }, 'unexpected error');
  if (isApiRequest(request)) {
    return reply.status(api.status).type('application/json; charset=utf-8').send({
      error: { code: api.code, message: api.message, ...(api.details !== undefined && { details: api.details }) },
    });
  }
  return reply.status(api.status).type('text/html; charset=utf-8').send(renderErrorPage(site, api.status, api.message));
}

export function installErrorHandlers(app: FastifyInstance, site: SiteConfig) {
  app.setErrorHandler((error, request, reply) => sendError(request, reply, error, site));
  app.setNotFoundHandler((request, reply) => {
    const e = isApiRequest(request)
      ? new AppError('not_found', `接口不存在：${request.method} ${request.url.split('?')[0]}`, 404)
      : new AppError('not_found', '您访问的页面不存在或已被删除', 404);
    return sendError(request, reply, e, site);
  });
}
