/** Lists of items and the pager (server-rendered, plain links and forms). */
import { html, type SafeHtml } from '../../render/html/html.ts';
import type { ItemRow } from '../publishing.table.ts';
import { itemHref } from './portal.links.ts';

export function itemList(items: ItemRow[], emptyText = '本栏目暂无信息。'): SafeHtml {
  if (!items.length) return html`<p class="empty">${emptyText}</p>`;
  return html`<ul class="item-list">${items.map(
    (i) => html`<li><a href="${itemHref(i.id)}">${i.title}</a> <time datetime="${i.publish_date ?? ''}">${i.publish_date ?? ''}</time></li>`,
  )}</ul>`;
}

/** The query string of a list page, without empty values, `page` omitted for page 1. */
export function pageHref(basePath: string, query: Record<string, string | number | undefined>, p: number): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '' && k !== 'page') q.set(k, String(v));
  if (p > 1) q.set('page', String(p));
  const s = q.toString();
  return s ? `${basePath}?${s}` : basePath;
}

/** The last page when `page` lies beyond it (a stale link, a hand-typed ?page=99), else null. */
export function pastLastPage(page: number, total: number, pageSize: number): number | null {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return page > pages ? pages : null;
}

/** Page numbers around the current page, with the first and (when known) the last, gaps as null. */
export function pageNumbers(page: number, pages: number, lastKnown = true): (number | null)[] {
  const out: (number | null)[] = [];
  const from = Math.max(1, page - 2);
  const to = Math.min(pages, page + 2);
  if (from > 1) out.push(1);
  if (from > 2) out.push(null);
  for (let n = from; n <= to; n++) out.push(n);
  if (lastKnown && to < pages) {
    if (to < pages - 1) out.push(null);
    out.push(pages);
  } else if (to < pages) out.push(null);
  return out;
}

/**
 * Page links keeping the other query parameters. `approximate`: the total is an estimate (a large
 * search result), said as 共约 N 条, with no link to a last page it cannot know.
 */
export function pager(basePath: string, query: Record<string, string | number | undefined>, page: number, total: number, pageSize: number, approximate = false): SafeHtml {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => pageHref(basePath, query, p);
  return html`<nav class="pager" aria-label="分页"><p>共${approximate ? '约' : ''} ${total.toLocaleString('zh-CN')} 条，第 ${Math.min(page, pages)} / ${pages} 页</p><ul>
    ${page > 1 ? html`<li><a href="${href(1)}">首页</a></li><li><a href="${href(page - 1)}" rel="prev">上一页</a></li>` : ''}
    ${pages > 1 ? pageNumbers(page, pages, !approximate).map((n) => n === null
      ? html`<li class="gap" aria-hidden="true">…</li>`
      : n === page ? html`<li><a href="${href(n)}" aria-current="page" aria-label="第${n}页，当前页">${n}</a></li>` : html`<li><a href="${href(n)}" aria-label="第${n}页">${n}</a></li>`) : ''}
    ${page < pages ? html`<li><a href="${href(page + 1)}" rel="next">下一页</a></li>${approximate ? '' : html`<li><a href="${href(pages)}">末页</a></li>`}` : ''}
  </ul></nav>`;
}

export interface SelectOption {
  value: string;
  label: string;
}

export function selectField(id: string, name: string, label: string, options: SelectOption[], current: string | undefined): SafeHtml {
  return html`<span class="filter"><label for="${id}">${label}</label>
    <select id="${id}" name="${name}"><option value="">全部</option>${options.map(
      (o) => html`<option value="${o.value}"${o.value === current ? html` selected` : ''}>${o.label}</option>`,
    )}</select></span>`;
}
