/**
 * Public portal routes (server-rendered HTML, no JavaScript needed). Each page goes through
 * `sendPage`, which applies the strict CSP and the visitor's 适老化 preferences.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { html, type HtmlValue } from '../render/html/html.ts';
import type { AppDeps } from '../shared/deps.ts';
import { prefsFromCookies, renderPage } from './layout.ts';
import { sameOriginPath } from './safe-redirect.rules.ts';
import { canonicalUrl } from '../http/site-url.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { guideOf } from '../publishing/guide.usecases.ts';
import { guideBody, sideLayout, xxgkSideNav, XXGK_SECTIONS } from './portal.pages.ts';

export const PORTAL_CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; " +
  "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

const css = readFileSync(new URL('./static/portal.css', import.meta.url));

export interface PageRequest {
  title: string;
  body: HtmlValue;
  breadcrumbs?: { href: string; label: string }[];
  status?: number;
  /** Extra same-origin stylesheets a feature serves for its pages. */
  styles?: string[];
}

export function sendPage(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, page: PageRequest) {
  const path = request.url.split('?')[0];
  const canonical = (request.method === 'GET' || request.method === 'HEAD') && (page.status ?? 200) === 200 ? canonicalUrl(deps.config, request) : undefined;
  const out = renderPage(deps.config.site, { ...page, path, canonical, prefs: prefsFromCookies(request.cookies) });
  return reply
    .status(page.status ?? 200)
    .header('content-security-policy', PORTAL_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'same-origin')
    .type('text/html; charset=utf-8')
    .send(out);
}

function xxgkPage(path: string, title: string, content: HtmlValue) {
  return sideLayout(xxgkSideNav(path), content);
}

export function registerPortalRoutes(app: FastifyInstance, deps: AppDeps) {
  const site = deps.config.site;
  app.get('/static/portal.css', (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(css),
  );

  // '/' (home with the latest items and special topics) is served by publishing.portal.ts.

  const xxgkCrumb = { href: '/xxgk/', label: '政府信息公开' };
  app.get('/xxgk/', (req, reply) =>
    sendPage(deps, req, reply, {
      title: '政府信息公开',
      breadcrumbs: [xxgkCrumb],
      body: xxgkPage('/xxgk/', '政府信息公开', html`<h1 id="page-title">政府信息公开</h1>
        <ul>${XXGK_SECTIONS.map((s) => html`<li><a href="${s.href}">${s.label}</a></li>`)}</ul>`),
    }),
  );
  app.get('/xxgk/zn/', async (req, reply) => {
    // The site's body's guide as its office last saved it (or the default from the site's contact).
    const body = await createOrganizationsRepository(deps).byCode(site.bodyCode);
    const { content } = await guideOf(deps, { id: body?.id ?? 0, name: body?.name ?? site.bodyName });
    return sendPage(deps, req, reply, {
      title: '政府信息公开指南',
      breadcrumbs: [xxgkCrumb, { href: '/xxgk/zn/', label: '政府信息公开指南' }],
      body: xxgkPage('/xxgk/zn/', '政府信息公开指南', html`<div id="page-title">${guideBody(content)}</div>`),
    });
  });
  // /xxgk/zd/ and /xxgk/fdzdgknr/ (the body's columns) are served by publishing.portal.ts.
  // /ysqgk/ (the application form and status lookup) is served by applications.portal.ts.
  // /hdjl/ (the mailbox and its published replies) is served by mailbox.portal.ts.

  // 适老化 switches: plain links that set a cookie and return, so they work without JavaScript.
  app.get('/a11y', (req, reply) => {
    const q = req.query as Record<string, string | undefined>;
    const opts = { path: '/', maxAge: 365 * 86400, sameSite: 'lax' as const, httpOnly: true, secure: req.servedOverHttps };
    if (q.large === '1' || q.large === '0') reply.setCookie('gk_large', q.large, opts);
    if (q.contrast === '1' || q.contrast === '0') reply.setCookie('gk_contrast', q.contrast, opts);
    return reply.redirect(sameOriginPath(q.back), 303);
  });
}
