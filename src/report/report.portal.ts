/**
 * The portal's 政府信息公开年报 column (/xxgk/nb/): every body's published reports, every year
 * kept listed, corrections shown with their note, the year-over-year table, the report page and
 * its downloads (Word, PDF, JSON, 图解). Server-rendered; no JavaScript.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../shared/deps.ts';
import { notFound } from '../shared/app-error.ts';
import { html, raw, type SafeHtml } from '../render/html/html.ts';
import { reportCss } from '../render/html/report-style.ts';
import { renderReport, renderers, type RenderFormat } from '../render/render.registry.ts';
import { createOrganizationsRepository, type Organization } from '../auth/organizations.repository.ts';
import { sendPage } from '../portal/portal.routes.ts';
import { sideLayout, xxgkSideNav } from '../portal/portal.pages.ts';
import { currentPublishedReports, listPublished, publishedReport, yearOverYear } from './report.published.ts';
import type { Cell } from './report.model.ts';

const COLUMN = { href: '/xxgk/nb/', label: '政府信息公开年报' };
const CRUMBS = [{ href: '/xxgk/', label: '政府信息公开' }, COLUMN];
const STYLE = '/static/report.css';
const DOWNLOADS: RenderFormat[] = ['docx', 'pdf', 'json', 'charts'];

function layout(content: SafeHtml) {
  return sideLayout(xxgkSideNav(COLUMN.href), content);
}

/**
 * The statutory tables keep their printed layout (a phone would squeeze section 三's 13 columns
 * into unreadable slivers): each scrolls sideways in its own region, which a keyboard can reach.
 */
function scrollingTables(fragment: string): string {
  return fragment
    .replace(/<table class="report-table[^"]*" data-section="([^"]+)"/gu, (t, section: string) => `<div class="table-scroll" role="region" tabindex="0" aria-label="第${section}部分表格（可左右滑动）">${t}`)
    .replace(/<\/table>/gu, '</table></div>');
}

const cellText = (v: Cell | string) => (v === null ? '未填报' : String(v));

async function bodiesWithReports(deps: AppDeps): Promise<{ body: Organization; versions: Awaited<ReturnType<typeof listPublished>> }[]> {
  const orgs = (await createOrganizationsRepository(deps).list()).filter((o) => o.isBody && !o.disabled);
  const siteFirst = [...orgs].sort((a, b) => Number(b.code === deps.config.site.bodyCode) - Number(a.code === deps.config.site.bodyCode));
  const out = [];
  for (const body of siteFirst) {
    const versions = await listPublished(deps.db, body.id);
    if (versions.length) out.push({ body, versions });
  }
  return out;
}

async function columnPage(deps: AppDeps, request: FastifyRequest, reply: FastifyReply) {
  const bodies = await bodiesWithReports(deps);
  const sections = await Promise.all(
    bodies.map(async ({ body, versions }, i) => {
      const cmp = yearOverYear(await currentPublishedReports(deps.db, body.id));
      return html`<section aria-labelledby="nb-${i}"><h2 id="nb-${i}">${body.name}</h2>
<ul class="report-list">${versions.map(
        (v) => html`<li><a href="/xxgk/nb/${body.code}/${v.year}/${v.version > 1 ? `?version=${v.version}` : ''}">${body.name}${v.year}年政府信息公开工作年度报告${v.version > 1 ? `（第${v.version}版）` : ''}</a>
  <span class="date">发布日期：${v.publishedOn}</span>${v.correctionNote ? html` <span class="correction">更正说明：${v.correctionNote}</span>` : ''}</li>`,
      )}</ul>
${cmp.years.length > 1 ? html`<table class="data"><caption>${body.name}历年主要数字对比</caption>
<thead><tr><th scope="col">项目</th>${cmp.years.map((y) => html`<th scope="col">${y}年</th>`)}</tr></thead>
<tbody>${cmp.rows.map((r) => html`<tr><th scope="row">${r.label}</th>${r.values.map((v) => html`<td>${cellText(v)}</td>`)}</tr>`)}</tbody></table>` : ''}
</section>`;
    }),
  );
  return sendPage(deps, request, reply, {
    title: COLUMN.label,
    breadcrumbs: CRUMBS,
    body: layout(html`<h1 id="page-title">${COLUMN.label}</h1>
<p>根据《中华人民共和国政府信息公开条例》第四十九条、第五十条，各机关每年公布上一年度政府信息公开工作年度报告。</p>
${bodies.length ? sections : html`<p class="empty">本栏目暂无已发布的年度报告。</p>`}`),
  });
}

async function findReport(deps: AppDeps, code: string, year: number, version?: number) {
  const body = await createOrganizationsRepository(deps).byCode(code);
  const found = body && (await publishedReport(deps.db, body.id, year, version));
  if (!body || !found) throw notFound('report.not_published', '该年度报告尚未发布');
  return { body, ...found };
}

export function registerReportPortalRoutes(app: FastifyInstance, deps: AppDeps) {
  const css = `${reportCss}\n.report-list li { margin: 0.4em 0; }\n.report-list .date, .report-list .correction { color: #555; margin-left: 0.5em; }\n.downloads a { margin-right: 1em; }\n.table-scroll { overflow-x: auto; max-width: 100%; }\n@media (max-width: 800px) { .table-scroll .report-table { min-width: 720px; } .table-scroll .report-table.applications { min-width: 960px; } }\n`;
  app.get(STYLE, (_req, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(css));
  app.get(COLUMN.href, (req, reply) => columnPage(deps, req, reply));

  const params = { type: 'object', required: ['code', 'year'], properties: { code: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' }, year: { type: 'integer', minimum: 2008, maximum: 2100 } } } as const;
  const querystring = { type: 'object', properties: { version: { type: 'integer', minimum: 1 } } } as const;

  app.get('/xxgk/nb/:code/:year/', { schema: { hide: true, params, querystring }, config: { pageQuery: ['version'] } }, async (req, reply) => {
    const { code, year } = req.params as { code: string; year: number };
    const { version } = req.query as { version?: number };
    const r = await findReport(deps, code, year, version);
    const title = `${r.body.name}${year}年政府信息公开工作年度报告`;
    const q = version ? `?version=${version}` : '';
    const fragment = String(await renderReport(r.report, 'html', { fragment: true }).then((o) => o.body));
    return sendPage(deps, req, reply, {
      title,
      styles: [STYLE],
      breadcrumbs: [...CRUMBS, { href: `/xxgk/nb/${code}/${year}/`, label: `${year}年度报告` }],
      body: layout(html`<p id="page-title" class="visually-hidden">${title}</p>
<p class="meta">发布日期：${r.version.publishedOn}${r.version.version > 1 ? html`（第${r.version.version}版）` : ''}</p>
${r.version.correctionNote ? html`<p class="notice">更正说明：${r.version.correctionNote}</p>` : ''}
${r.earlier.length ? html`<p>此前版本：${r.earlier.map((e) => html`<a href="/xxgk/nb/${code}/${year}/?version=${e.version}">第${e.version}版（${e.publishedOn}）</a> `)}</p>` : ''}
<p class="downloads">下载：${DOWNLOADS.map((f) => html`<a href="/xxgk/nb/${code}/${year}/report.${f}${q}">${renderers[f].label}</a>`)}</p>
${raw(scrollingTables(fragment))}`),
    });
  });

  app.get('/xxgk/nb/:code/:year/report.:format', {
    schema: { hide: true, params: { ...params, required: [...params.required, 'format'], properties: { ...params.properties, format: { type: 'string', enum: DOWNLOADS } } }, querystring },
    config: { pageQuery: ['version'] },
  }, async (req, reply) => {
    const { code, year, format } = req.params as { code: string; year: number; format: RenderFormat };
    const { version } = req.query as { version?: number };
    const r = await findReport(deps, code, year, version);
    const history = await currentPublishedReports(deps.db, r.body.id);
    const out = await renderReport(r.report, format, { history });
    return reply
      .type(out.contentType)
      .header('content-disposition', `${format === 'charts' ? 'inline' : 'attachment'}; filename="${out.asciiFileName}"; filename*=UTF-8''${encodeURIComponent(out.fileName)}`)
      .header('x-content-type-options', 'nosniff')
      .send(out.body);
  });
}
