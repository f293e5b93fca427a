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

/** Page links keeping the other query parameters. */
/** `approximate`: the total is an estimate (a large search result), said as 共约 N 条, with no link to a last page it cannot know. */
export function pager(basePath: string, query: Record<string, string | number | undefined>, page: number, total: number, pageSize: number, approximate = false): SafeHtml {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '' && k !== 'page') q.set(k, String(v));
    if (p > 1) q.set('page', String(p));
    const s = q.toString();
    return s ? `${basePath}?${s}` : basePath;
  };
  return html`<nav class="pager" aria-label="分页"><p>共${approximate ? '约' : ''} ${total.toLocaleString('zh-CN')} 条，第 ${Math.min(page, pages)} / ${pages} 页</p><ul>
    ${page > 1 ? html`<li><a href="${href(1)}">首页</a></li><li><a href="${href(page - 1)}" rel="prev">上一页</a></li>` : ''}
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
