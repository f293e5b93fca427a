/**
 * Serves the built admin single-page app at /admin/ (with a fallback to index.html for its
 * client-side routes). When it has not been built, says so in Chinese instead of a blank page.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { html } from '../render/html/html.ts';

// From src/http or, compiled, dist/server/http: the admin build is <repo>/dist/admin either way.
const here = fileURLToPath(new URL('.', import.meta.url));
export const ADMIN_DIST = /[/\\]dist[/\\]server[/\\]http[/\\]$/.test(here)
  ? fileURLToPath(new URL('../../admin/', import.meta.url))
  : fileURLToPath(new URL('../../dist/admin/', import.meta.url));

/** antd injects its styles at run time, so the admin CSP allows inline styles (not scripts). */
const ADMIN_CSP =
  "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; " +
  "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

export async function registerAdminStatic(app: FastifyInstance) {
  app.get('/admin', (_req, reply) => reply.redirect('/admin/', 301));
  if (!existsSync(`${ADMIN_DIST}index.html`)) {
    app.get('/admin/*', (_req, reply) =>
      reply
        .status(503)
        .type('text/html; charset=utf-8')
        .send(
          html`<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>管理后台尚未构建</title></head>
          <body><main><h1>管理后台尚未构建</h1><p>请在项目目录运行 <code>npm run build</code> 或 <code>npm start</code>。</p></main></body></html>`.toString(),
        ),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: ADMIN_DIST,
    prefix: '/admin/',
    wildcard: false,
    decorateReply: true,
    setHeaders: (res, path) => {
      res.header('content-security-policy', ADMIN_CSP);
      res.header('x-content-type-options', 'nosniff');
      // Hashed asset names never change; index.html must always be fresh.
      res.header('cache-control', path.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
    },
  });
  app.get('/admin/*', (_req, reply) =>
    reply.header('content-security-policy', ADMIN_CSP).header('cache-control', 'no-cache').sendFile('index.html', ADMIN_DIST),
  );
}
