/**
 * Public routes of the lost-query-code recovery (/ysqgk/cx/zh): CSRF-protected forms without
 * JavaScript. Requests count against their own limiter, confirmations against the status
 * look-up's (the same budget of guesses for codes of either kind).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../shared/deps.ts';
import { AppError } from '../shared/app-error.ts';
import { sendPage } from '../portal/portal.routes.ts';
import { checkFormCsrf, CSRF_FIELD, formCsrfField } from '../portal/form-csrf.ts';
import { createRateLimiter } from '../http/rate-limit.ts';
import type { HtmlValue } from '../render/html/html.ts';
import { confirmQueryCodeRecovery, requestQueryCodeRecovery } from './query-code-recovery.usecases.ts';
import { recoveryCodeBody, recoveryDoneBody, recoveryRequestBody } from './query-code-recovery.portal-pages.ts';

const crumbs = [{ href: '/ysqgk/', label: '依申请公开' }, { href: '/ysqgk/cx/', label: '办理进度查询' }, { href: '/ysqgk/cx/zh', label: '找回查询码' }];

const text = (v: unknown, max = 200) => (typeof v === 'string' ? v.trim().slice(0, max) : '');

export function registerQueryCodeRecoveryPortal(app: FastifyInstance, deps: AppDeps) {
  const secret = deps.config.sessionSecret;
  // Per address: 10 requests an hour (each may send a message); codes share the look-up's 20 per 10 minutes.
  const requestLimiter = createRateLimiter(deps, { name: 'ysqgk.recover', limit: 10, windowMs: 60 * 60_000 });
  const lookupLimiter = createRateLimiter(deps, { name: 'ysqgk.lookup', limit: 20, windowMs: 10 * 60_000 });

  const page = (request: FastifyRequest, reply: FastifyReply, body: HtmlValue, status = 200) => {
    reply.header('cache-control', 'no-store');
    return sendPage(deps, request, reply, { title: '找回查询码', breadcrumbs: crumbs, status, body });
  };

  app.get('/ysqgk/cx/zh', (request, reply) => page(request, reply, recoveryRequestBody(formCsrfField(secret, request, reply), {})));

  app.post('/ysqgk/cx/zh', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    checkFormCsrf(secret, request, body[CSRF_FIELD]);
    await requestLimiter.hit(request.ip);
    const trackingNumber = text(body.trackingNumber, 40);
    const contact = text(body.contact);
    const csrf = formCsrfField(secret, request, reply);
    if (!trackingNumber || !contact) return page(request, reply, recoveryRequestBody(csrf, { trackingNumber, contact }, '请填写受理编号和申请时填写的电子邮箱或手机号码'), 400);
    await requestQueryCodeRecovery({ trackingNumber, contact, ip: request.ip, deps });
    return page(request, reply, recoveryCodeBody(csrf, trackingNumber, { sent: true }));
  });

  app.post('/ysqgk/cx/zh/qr', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    checkFormCsrf(secret, request, body[CSRF_FIELD]);
    await lookupLimiter.hit(request.ip);
    const trackingNumber = text(body.trackingNumber, 40);
    try {
      const done = await confirmQueryCodeRecovery({ trackingNumber, code: text(body.code, 20), ip: request.ip, deps });
      return page(request, reply, recoveryDoneBody(done));
    } catch (e) {
      if (e instanceof AppError && (e.status === 400 || e.status === 409)) {
        return page(request, reply, recoveryCodeBody(formCsrfField(secret, request, reply), trackingNumber, { error: e.message }), e.status);
      }
      throw e;
    }
  });
}
