/** The search page: the form with filters, result count, highlighted snippets, pager. */
import { html, type SafeHtml } from '../../render/html/html.ts';
import { ITEM_KINDS, type ItemKind } from '../items.rules.ts';
import type { SearchResult } from '../search.repository.ts';
import { pager, selectField } from './item-list.view.ts';
import { itemHref } from './portal.links.ts';

function marked(parts: { text: string; hit: boolean }[]): SafeHtml {
  return html`${parts.map((p) => (p.hit ? html`<mark>${p.text}</mark>` : p.text))}`;
}

function resultLine(q: string, r: SearchResult): string {
  // An estimate of 0: the newest candidates examined held the parts of the query, never together.
  if (r.estimated && r.total === 0) return `在最近收录的信息中没有找到与“${q}”完全一致的内容；较早的信息未逐条核对，请加关键词或按年份、类别缩小范围。`;
  const count = `找到${r.estimated ? '约' : ''} ${r.total.toLocaleString('zh-CN')} 条与“${q}”相关的信息。`;
  return r.order === 'newest' ? `${count}结果较多：标题含全部关键词的排在前面，前后两部分各按收录时间从新到旧排列；可加关键词或按年份、类别缩小范围。` : count;
}

export function searchPage(q: string, filters: { year?: number; kind?: string }, years: number[], r: SearchResult | null): SafeHtml {
  return html`<h1 id="page-title">站内搜索</h1>
  <form class="search-form" method="get" action="/search" role="search" aria-label="搜索条件">
    <span class="filter"><label for="s-q">关键词</label><input id="s-q" name="q" type="search" value="${q}" maxlength="100"></span>
    ${selectField('s-year', 'year', '发布年份', years.map((y) => ({ value: String(y), label: `${y}年` })), filters.year ? String(filters.year) : undefined)}
    ${selectField('s-kind', 'kind', '信息类别', Object.entries(ITEM_KINDS).map(([value, label]) => ({ value, label })), filters.kind)}
    <button type="submit">搜索</button>
  </form>
  ${r === null
    ? html`<p>请输入关键词，可搜索标题、正文、文号和附件内容；多个关键词以空格分隔。</p>`
    : html`<p role="status">${resultLine(q, r)}</p>
      <ol class="hits">${r.hits.map((h) => html`<li>
        <a href="${itemHref(h.id)}">${h.title}</a>
        <p>${marked(h.snippet)}</p>
        <p class="hit-meta">${h.publisherName}　${ITEM_KINDS[h.kind as ItemKind] ?? h.kind}　${h.docNumber ? html`${h.docNumber}　` : ''}发布日期：${h.publishDate ?? ''}　索引号：${h.indexNo}</p>
      </li>`)}</ol>
      ${r.estimated && r.total === 0 ? '' : pager('/search', { q, year: filters.year, kind: filters.kind }, r.page, r.total, r.pageSize, r.estimated)}`}`;
}
