/** Column pages: sub-column navigation, filters (year, unit, type, validity), list and pager. */
import { html, type SafeHtml } from '../../render/html/html.ts';
import { ITEM_KINDS, VALIDITY } from '../items.rules.ts';
import type { ColumnRow, ItemRow } from '../publishing.table.ts';
import type { ListFilters, PortalOrg } from '../portal.queries.ts';
import { itemList, pager, selectField } from './item-list.view.ts';
import { columnHref, rssHref } from './portal.links.ts';
import { sideLayout } from '../../portal/portal.pages.ts';

export function columnTreeNav(org: PortalOrg, columns: ColumnRow[], current: number | null): SafeHtml {
  // Each column once, even if the stored tree loops.
  const shown = new Set<number>();
  const children = (parent: number | null): SafeHtml => {
    const list = columns.filter((c) => c.parent_id === parent && !shown.has(c.id));
    for (const c of list) shown.add(c.id);
    if (!list.length) return html``;
    return html`<ul>${list.map((c) => html`<li><a href="${columnHref(org.code, c.code)}"${c.id === current ? html` aria-current="page"` : ''}>${c.name}</a>${children(c.id)}</li>`)}</ul>`;
  };
  return html`<nav class="side-nav" aria-label="${org.name}栏目">${children(null)}</nav>`;
}

export function columnPage(p: {
  org: PortalOrg;
  column: ColumnRow;
  columns: ColumnRow[];
  items: ItemRow[];
  total: number;
  page: number;
  pageSize: number;
  filters: ListFilters;
  years: number[];
  units: PortalOrg[];
}): SafeHtml {
  const base = columnHref(p.org.code, p.column.code);
  const f = p.filters;
  const isTopic = p.column.kind === 'topic';
  return sideLayout(columnTreeNav(p.org, p.columns, p.column.id), html`
    <h1 id="page-title">${p.column.name}</h1>
    ${p.column.description ? html`<p class="${isTopic ? 'notice' : ''}">${p.column.description}</p>` : ''}
    <form class="filters" method="get" action="${base}" aria-label="筛选">
      ${selectField('f-year', 'year', '年份', p.years.map((y) => ({ value: String(y), label: `${y}年` })), f.year ? String(f.year) : undefined)}
      ${p.units.length > 1 ? selectField('f-unit', 'unit', '发布单位', p.units.map((u) => ({ value: String(u.id), label: u.name })), f.unit ? String(f.unit) : undefined) : ''}
      ${selectField('f-kind', 'kind', '文件类型', Object.entries(ITEM_KINDS).map(([value, label]) => ({ value, label })), f.kind)}
      ${selectField('f-validity', 'validity', '有效性', Object.entries(VALIDITY).map(([value, label]) => ({ value, label })), f.validity)}
      <button type="submit">筛选</button>
    </form>
    ${itemList(p.items)}
    ${pager(base, { year: f.year, unit: f.unit, kind: f.kind, validity: f.validity }, p.page, p.total, p.pageSize)}
    <p><a href="${rssHref(p.org.code, p.column.code)}">订阅本栏目（RSS）</a></p>`);
}
