/**
 * Absolute URLs and the https question, from the configuration rather than the request: the
 * Host header is the visitor's to choose (and a cached page would carry it to everyone), so
 * links start with SITE_URL. Whether the site is served over https is SITE_URL's scheme, or
 * the protocol a trusted proxy reports (Fastify believes X-Forwarded-Proto only from TRUST_PROXY).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config/config.ts';

type SiteUrlConfig = Pick<Config, 'siteUrl'>;

/** `path` (starting with /) as an absolute URL of this site. */
export function absoluteUrl(config: SiteUrlConfig, path: string): string {
  return `${config.siteUrl}${path}`;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Served over https (SITE_URL's scheme or a trusted proxy's word): cookies set are `Secure`. */
    servedOverHttps: boolean;
  }
}

/** Whether cookies set on this request must be `Secure`. */
export function servedOverHttps(config: SiteUrlConfig, request: FastifyRequest): boolean {
  return config.siteUrl.startsWith('https:') || request.protocol === 'https';
}

export function installSiteUrl(app: FastifyInstance, config: SiteUrlConfig): void {
  app.decorateRequest('servedOverHttps', false);
  app.addHook('onRequest', async (request) => {
    request.servedOverHttps = servedOverHttps(config, request);
  });
}

/**
 * The page's canonical URL: the site URL, the path, and only the query parameters the page reads
 * (its route's `pageQuery`, as the page cache keys it), so `?utm=…` variants name one page.
 */
export function canonicalUrl(config: SiteUrlConfig, request: FastifyRequest): string {
  const url = request.url;
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const wanted = request.routeOptions.config.pageQuery;
  let query = '';
  if (q >= 0 && wanted?.length) {
    const kept = [...new URLSearchParams(url.slice(q + 1))].filter(([name]) => wanted.includes(name));
    if (kept.length) query = `?${new URLSearchParams(kept).toString()}`;
  }
  return absoluteUrl(config, path + query);
}
