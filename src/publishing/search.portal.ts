/** The public search page (/search) and the site map and RSS feeds. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../shared/deps.ts';
import { sendPage } from '../portal/portal.routes.ts';
import { AppError } from '../shared/app-error.ts';
import { shanghaiDate } from '../shared/clock.ts';
import { subtreeIds } from '../auth/access.rules.ts';
import { searchItems } from './search.repository.ts';
import { searchPage } from './portal/search.view.ts';
import { pageHref, pastLastPage } from './portal/item-list.view.ts';
import { STYLESHEET, columnHref, itemHref } from './portal/portal.links.ts';
import { columnPageIds, organizationCount, portalOrgs, publishedItems } from './portal.queries.ts';
import { LIST_QUERY, listFilters } from './publishing.portal.ts';
import { rssFeed, sitemap } from './portal/feeds.ts';

export function registerSearchPortal(app: FastifyInstance, deps: AppDeps) {
  app.get('/search', { schema: { hide: true }, config: { pageQuery: ['q', 'sort', ...LIST_QUERY] } }, async (req, reply) => {
    const query = req.query as Record<string, unknown>;
    const q = typeof query.q === 'string' ? query.q.slice(0, 100) : '';
    const f = listFilters(query);
    const orgs = await portalOrgs(deps.db);
    const site = orgs.find((o) => o.code === deps.config.site.bodyCode);
    // A site whose body's subtree holds every organization (disabled ones included, whose items
    // stay hidden) needs no filter, and the search then reads the index alone.
    const subtree = site ? [...subtreeIds(orgs, site.id)] : undefined;
    const organizationIds = subtree && subtree.length < (await organizationCount(deps.db)) ? subtree : undefined;
    const sort = query.sort === 'date' ? 'date' : undefined;
    const result = q.trim() ? await searchItems(deps.db, { q, filters: { organizationIds, year: f.year, kind: f.kind }, page: f.page, pageSize: 10, sort }) : null;
    const last = result && !result.estimated && result.total ? pastLastPage(f.page, result.total, result.pageSize) : null;
    if (last) return reply.redirect(pageHref('/search', { q, year: f.year, kind: f.kind, sort }, last), 302);
    const thisYear = Number(shanghaiDate(deps.clock.now()).slice(0, 4));
    const years = Array.from({ length: 8 }, (_, i) => thisYear - i);
    return sendPage(deps, req, reply, {
      title: q ? `搜索：${q}` : '站内搜索',
      styles: [STYLESHEET],
      breadcrumbs: [{ href: '/search', label: '站内搜索' }],
      body: searchPage(q, { ...f, sort }, years, result),
    });
  });

  app.get('/sitemap.xml', { schema: { hide: true } }, async (req, reply) => {
    const base = deps.config.siteUrl; // never the Host header: this page is cached for everyone
    const orgs = await portalOrgs(deps.db);
    const columns = await deps.db.selectFrom('publishing_columns').select(['organization_id', 'code']).where('hidden', '=', 0).execute();
    const items = await deps.db.selectFrom('publishing_items').select(['id', 'updated_at']).where('status', '=', 'published').orderBy('id', 'desc').limit(45_000).execute();
    const urls = [
      { loc: '/' }, { loc: '/xxgk/' }, { loc: '/search' }, { loc: '/ztzl/' }, { loc: '/hdjl/' }, { loc: '/xmt/' },
      ...columns.flatMap((c) => {
        const o = orgs.find((x) => x.id === c.organization_id);
        return o ? [{ loc: columnHref(o.code, c.code) }] : [];
      }),
      ...items.map((i) => ({ loc: itemHref(i.id), lastmod: i.updated_at.slice(0, 10) })),
    ];
    return reply.type('application/xml; charset=utf-8').send(sitemap(base, urls));
  });

  app.get('/xxgk/lm/:org/:column/rss.xml', { schema: { hide: true } }, async (req, reply) => {
    const { org: orgCode, column: code } = req.params as { org: string; column: string };
    const orgs = await portalOrgs(deps.db);
    const org = orgs.find((o) => o.code === orgCode);
    const column = org && (await deps.db.selectFrom('publishing_columns').selectAll().where('organization_id', '=', org.id).where('code', '=', code).where('hidden', '=', 0).executeTakeFirst());
    if (!org || !column) throw new AppError('portal.not_found', '栏目不存在', 404);
    const { rows } = await publishedItems(deps.db, await columnPageIds(deps.db, orgs, column), {}, 1, 30);
    const base = deps.config.siteUrl; // never the Host header: this page is cached for everyone
    return reply.type('application/rss+xml; charset=utf-8').send(rssFeed(base, `${org.name} - ${column.name}`, columnHref(org.code, column.code), rows));
  });
}
