/**
 * CSRF protection for the portal's public forms (no login there): a random nonce in an
 * HttpOnly SameSite=Lax cookie, and a hidden field holding HMAC(session secret, nonce).
 * A forged cross-site POST has neither the cookie's nonce nor the secret to sign it.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../shared/app-error.ts';
import { html, type SafeHtml } from '../render/html/html.ts';

const COOKIE = 'gk_form';
export const CSRF_FIELD = '_csrf';

function sign(secret: string, nonce: string): string {
  return createHmac('sha256', secret).update(`form:${nonce}`).digest('base64url');
}

/** Returns the hidden input to put inside a <form method="post">, setting the cookie if needed. */
export function formCsrfField(secret: string, request: FastifyRequest, reply: FastifyReply): SafeHtml {
  // The page now holds this visitor's token: it must never be cached or shared.
  reply.header('cache-control', 'private, no-store');
  let nonce = request.cookies[COOKIE];
  if (!nonce || !/^[A-Za-z0-9_-]{20,}$/.test(nonce)) {
    nonce = randomBytes(18).toString('base64url');
    reply.setCookie(COOKIE, nonce, { path: '/', httpOnly: true, sameSite: 'lax', secure: request.servedOverHttps });
  }
  return html`<input type="hidden" name="${CSRF_FIELD}" value="${sign(secret, nonce)}">`;
}

/** Throws 403 unless the posted field matches the cookie's nonce. */
export function checkFormCsrf(secret: string, request: FastifyRequest, posted: unknown): void {
  const nonce = request.cookies[COOKIE];
  const expected = nonce ? Buffer.from(sign(secret, nonce)) : null;
  const given = Buffer.from(typeof posted === 'string' ? posted : '');
  if (!expected || expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new AppError('portal.csrf', '表单已过期或来源无效，请返回上一页刷新后重新提交', 403);
  }
}
