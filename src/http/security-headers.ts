/**
 * Headers every response carries (issue "security", item 13; DESIGN: security): no MIME
 * sniffing, no framing by any site, no powerful browser features, API answers never stored by a
 * browser or proxy (they carry personal data), and a CSP on every HTML answer — a feature's own
 * (portal, admin app) or, for anything else (error pages, 404s, the letter preview), a strict one.
 */
import type { FastifyInstance } from 'fastify';

/** HTML without its own policy: our stylesheets and scripts only, never framed. */
export const DEFAULT_HTML_CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; " +
  "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
/** HTML answered by the API (the letter preview): shown inside the admin app, inert on its own. */
export const API_HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox";
/** The API documentation (staff only): swagger-ui's own scripts, and the inline styles it sets. */
export const DOCS_CSP = DEFAULT_HTML_CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
export const PERMISSIONS_POLICY =
  'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()';

/** On every answer, also those written to the socket directly (client-error.ts). */
export const EVERY_ANSWER_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'permissions-policy': PERMISSIONS_POLICY,
};

export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.headers(EVERY_ANSWER_HEADERS);
    if (!reply.hasHeader('referrer-policy')) reply.header('referrer-policy', 'same-origin');
    const api = request.url.startsWith('/api/');
    const docs = request.url.startsWith('/api/docs');
    if (api) reply.header('cache-control', 'no-store');
    const type = String(reply.getHeader('content-type') ?? '');
    if (/^text\/html/i.test(type)) {
      const own = reply.getHeader('content-security-policy');
      if (docs) reply.header('content-security-policy', DOCS_CSP);
      else if (api) reply.header('content-security-policy', API_HTML_CSP);
      else if (!own) reply.header('content-security-policy', DEFAULT_HTML_CSP);
      else if (!/frame-ancestors/.test(String(own))) reply.header('content-security-policy', `${String(own)}; frame-ancestors 'none'`);
    }
    return payload;
  });
}
