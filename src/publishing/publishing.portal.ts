/**
 * Public pages of proactive disclosure: home page panels, column lists with filters and paging,
 * item pages with the catalogue metadata, attachment downloads, special topics, search.
 * Only published items are ever shown; everything works without JavaScript.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../shared/deps.ts';
import { html } from '../render/html/html.ts';
import { AppError } from '../shared/app-error.ts';
import { sendPage } from '../portal/portal.routes.ts';
import { homeBody } from '../portal/portal.pages.ts';
import { subtreeIds } from '../auth/access.rules.ts';
import { ancestorChain } from '../shared/tree.rules.ts';
import { columnLinks } from './columns.repository.ts';
import { columnPageIds, latestItems, portalOrgs, publishedItem, publishedItems, visibleColumns, yearsOf, type ListFilters, type PortalOrg } from './portal.queries.ts';
import { columnPage } from './portal/column.view.ts';
import { itemPage } from './portal/item.view.ts';
import { itemList, pageHref, pastLastPage } from './portal/item-list.view.ts';
import { columnHref, STYLESHEET } from './portal/portal.links.ts';
import { downloadAttachment, publishedPicture } from './attachments.storage.ts';
import { publishDueItems } from './workflow.usecases.ts';
import { isItemKind, VALIDITY } from './items.rules.ts';

const css = readFileSync(new URL('./portal/publishing.css', import.meta.url));
const styles = [STYLESHEET];
const XXGK = { href: '/xxgk/', label: '政府信息公开' };
const PAGE_SIZE = 20;

function intOrUndefined(v: unknown, min: number, max: number): number | undefined {
  const n = typeof v === 'string' && /^\d{1,9}$/.test(v) ? Number(v) : NaN;
  return n >= min && n <= max ? n : undefined;
}

/** The query parameters of a list page (listFilters): the page cache keys on these alone. */
export const LIST_QUERY = ['year', 'unit', 'kind', 'validity', 'page'] as const;

export function listFilters(q: Record<string, unknown>): ListFilters & { page: number } {
  return {
    year: intOrUndefined(q.year, 1990, 2999),
    unit: intOrUndefined(q.unit, 1, 1e9),
    kind: isItemKind(q.kind) ? q.kind : undefined,
    validity: typeof q.validity === 'string' && q.validity in VALIDITY ? q.validity : undefined,
    page: intOrUndefined(q.page, 1, 100_000) ?? 1,
  };
}

/**
 * Scheduled items go public on the next page view after their time (checked at most every 30 s);
 * then every cached page, in every process, is out of date.
 */
function scheduler(app: FastifyInstance, deps: AppDeps) {
  let last = 0;
  return async () => {
    const now = deps.clock.now().getTime();
    if (Math.abs(now - last) < 30_000) return;
    last = now;
    if (await publishDueItems(deps)) app.pageCache.changed();
  };
}

export function registerPublishingPortal(app: FastifyInstance, deps: AppDeps) {
  const site = deps.config.site;
  const publishDue = scheduler(app, deps);
  const siteOrg = async () => {
    const orgs = await portalOrgs(deps.db);
    const org = orgs.find((o) => o.code === site.bodyCode);
    if (!org) throw new AppError('portal.not_found', '页面不存在', 404);
    return { orgs, org };
  };

  app.get(STYLESHEET, { schema: { hide: true } }, (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(css),
  );

  app.get('/', { schema: { hide: true } }, async (req, reply) => {
    await publishDue();
    const { orgs, org } = await siteOrg();
    const latest = await latestItems(deps.db, [...subtreeIds(orgs, org.id)], 10);
    const topicsRoot = (await visibleColumns(deps.db, org.id)).filter((c) => c.kind === 'topic');
    const topics = topicsRoot.length ? html`<ul>${topicsRoot.map((c) => html`<li><a href="${columnHref(org.code, c.code)}">${c.name}</a></li>`)}</ul><p><a href="/ztzl/">更多专题</a></p>` : undefined;
    return sendPage(deps, req, reply, { title: '首页', styles, body: homeBody(site, { latest: itemList(latest, '暂无已发布的信息。'), topics }) });
  });

  const renderColumn = async (req: FastifyRequest, reply: FastifyReply, org: PortalOrg, orgs: PortalOrg[], code: string) => {
    await publishDue();
    const columns = await visibleColumns(deps.db, org.id);
    const column = columns.find((c) => c.code === code);
    if (!column) throw new AppError('portal.not_found', '栏目不存在', 404);
    const f = listFilters(req.query as Record<string, unknown>);
    const ids = await columnPageIds(deps.db, orgs, column);
    const { total, rows } = await publishedItems(deps.db, ids, f, f.page, PAGE_SIZE);
    const last = pastLastPage(f.page, total, PAGE_SIZE);
    if (last) return reply.redirect(pageHref(req.url.split('?')[0], { year: f.year, unit: f.unit, kind: f.kind, validity: f.validity }, last), 302);
    const unitIds = subtreeIds(orgs, org.id);
    const trail = ancestorChain(columnLinks(columns), column.id).reverse().map((id) => columns.find((c) => c.id === id)!)
      .map((c) => ({ href: columnHref(org.code, c.code), label: c.name }));
    return sendPage(deps, req, reply, {
      title: column.name,
      styles,
      breadcrumbs: [XXGK, ...(org.code === site.bodyCode ? [] : [{ href: columnHref(org.code, 'xxgk'), label: org.name }]), ...trail.filter((t) => !t.href.endsWith('/xxgk/'))],
      body: columnPage({
        org, column, columns, items: rows, total, page: f.page, pageSize: PAGE_SIZE, filters: f,
        years: await yearsOf(deps.db, ids), units: orgs.filter((o) => unitIds.has(o.id)),
      }),
    });
  };

  app.get('/xxgk/lm/:org/:column/', { schema: { hide: true }, config: { pageQuery: LIST_QUERY } }, async (req, reply) => {
    const { org: orgCode, column } = req.params as { org: string; column: string };
    const orgs = await portalOrgs(deps.db);
    const org = orgs.find((o) => o.code === orgCode && o.isBody);
    if (!org) throw new AppError('portal.not_found', '栏目不存在', 404);
    return renderColumn(req, reply, org, orgs, column);
  });

  // The unified column's fixed addresses (国办公开办函〔2019〕61号) show the site body's columns.
  for (const [path, code] of [['/xxgk/fdzdgknr/', 'fdzdgknr'], ['/xxgk/zd/', 'zd']] as const) {
    app.get(path, { schema: { hide: true }, config: { pageQuery: LIST_QUERY } }, async (req, reply) => {
      const { orgs, org } = await siteOrg();
      return renderColumn(req, reply, org, orgs, code);
    });
  }

  app.get('/xxgk/bm/', { schema: { hide: true } }, async (req, reply) => {
    const { orgs } = await siteOrg();
    return sendPage(deps, req, reply, {
      title: '部门信息公开', styles, breadcrumbs: [XXGK, { href: '/xxgk/bm/', label: '部门信息公开' }],
      body: html`<h1>部门信息公开</h1><ul class="item-list">${orgs.filter((o) => o.isBody).map((o) => html`<li><a href="${columnHref(o.code, 'fdzdgknr')}">${o.name}</a></li>`)}</ul>`,
    });
  });

  app.get('/ztzl/', { schema: { hide: true } }, async (req, reply) => {
    const { orgs, org: siteBody } = await siteOrg();
    const topics = await deps.db.selectFrom('publishing_columns').selectAll().where('kind', '=', 'topic').where('hidden', '=', 0).orderBy('id').execute();
    // Every unit's default tree holds the same topic (防范和处置非法集资…): one card per topic,
    // the site body's column first, the other units' columns as links inside the card.
    const cards = new Map<string, { name: string; description: string; links: { href: string; label: string; site: boolean }[] }>();
    for (const c of topics) {
      const o = orgs.find((x) => x.id === c.organization_id);
      if (!o) continue;
      const card = cards.get(c.name) ?? { name: c.name, description: c.description, links: [] };
      card.links.push({ href: columnHref(o.code, c.code), label: o.name, site: o.id === siteBody.id });
      cards.set(c.name, card);
    }
    const list = [...cards.values()].map((card) => ({ ...card, links: card.links.sort((a, b) => Number(b.site) - Number(a.site)) }));
    return sendPage(deps, req, reply, {
      title: '专题专栏', styles, breadcrumbs: [{ href: '/ztzl/', label: '专题专栏' }],
      body: html`<h1>专题专栏</h1>${list.length ? html`<ul class="topics">${list.map((card) => html`<li><a href="${card.links[0].href}">${card.name}</a><p>${card.description}</p>
        ${card.links.length > 1 ? html`<p class="hit-meta">各单位专栏：${card.links.map((l, i) => html`${i ? '、' : ''}<a href="${l.href}">${l.label}</a>`)}</p>` : html`<p class="hit-meta">${card.links[0].label}</p>`}</li>`)}</ul>` : html`<p class="empty">暂无专题。</p>`}`,
    });
  });

  app.get('/xxgk/xx/:id/', { schema: { hide: true } }, async (req, reply) => {
    const id = intOrUndefined((req.params as { id: string }).id, 1, 1e12);
    const found = id ? await publishedItem(deps.db, id) : undefined;
    if (!found) throw new AppError('portal.not_found', '信息不存在或已撤回', 404);
    const orgs = await portalOrgs(deps.db);
    const colOrg = orgs.find((o) => o.id === found.column.organization_id);
    return sendPage(deps, req, reply, {
      title: found.item.title, styles,
      breadcrumbs: [XXGK, ...(colOrg ? [{ href: columnHref(colOrg.code, found.column.code), label: found.column.name }] : []), { href: req.url, label: '正文' }],
      body: itemPage(found),
    });
  });

  app.get('/xxgk/fj/:id', { schema: { hide: true } }, async (req, reply) => {
    const id = intOrUndefined((req.params as { id: string }).id, 1, 1e12);
    if (!id) throw new AppError('portal.not_found', '附件不存在', 404);
    const { row, bytes } = await downloadAttachment(deps, id);
    return reply
      .type(row.mime)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(row.file_name)}`)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .send(bytes);
  });

  // A picture in an item's body (pictures.rules.ts): shown, not downloaded, so not counted.
  app.get('/xxgk/tp/:id', { schema: { hide: true } }, async (req, reply) => {
    const id = intOrUndefined((req.params as { id: string }).id, 1, 1e12);
    if (!id) throw new AppError('portal.not_found', '图片不存在', 404);
    const { row, bytes } = await publishedPicture(deps, id);
    return reply
      .type(row.mime)
      .header('content-disposition', 'inline')
      .header('cache-control', 'public, max-age=300')
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .send(bytes);
  });
}
