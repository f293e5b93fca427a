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
  if (r.order === 'date') return `${count}按发布日期从新到旧排列。`;
  return r.order === 'newest' ? `${count}结果较多：标题含全部关键词的排在前面，前后两部分各按收录时间从新到旧排列；可加关键词或按年份、类别缩小范围。` : count;
}

/** What to try when nothing was found: said plainly, with the ways that do not need search. */
function noHitsHelp(q: string, filters: { year?: number; kind?: string }): SafeHtml {
  return html`<section class="search-help" aria-labelledby="h-help"><h2 id="h-help">没有找到？可以这样试试</h2><ul>
    <li>检查错别字，或换一个说法，如“低保”换成“最低生活保障”。</li>
    <li>减少关键词，或只输入其中最关键的一个；多个关键词以空格分隔，须同时出现才会列出。</li>
    <li>按文号查找时，年份括号写作〔2026〕、[2026]、(2026)、（2026）均可，如“石政发[2026]3号”。</li>
    ${filters.year || filters.kind ? html`<li>已按${filters.year ? `${filters.year}年` : ''}${filters.year && filters.kind ? '、' : ''}${filters.kind ? (ITEM_KINDS[filters.kind as ItemKind] ?? '') : ''}筛选，<a href="/search?q=${encodeURIComponent(q)}">取消筛选重新搜索</a>。</li>` : ''}
    <li>按栏目浏览<a href="/xxgk/">政府信息公开</a>目录；未主动公开的信息，可以<a href="/ysqgk/">申请公开</a>。</li>
  </ul></section>`;
}

function selectSort(current: SearchSort | undefined): SafeHtml {
  return html`<span class="filter"><label for="s-sort">排序</label><select id="s-sort" name="sort">
    <option value="">按相关度</option><option value="date"${current === 'date' ? html` selected` : ''}>按发布日期</option>
  </select></span>`;
}

export type SearchSort = 'relevance' | 'date';

export function searchPage(q: string, filters: { year?: number; kind?: string; sort?: SearchSort }, years: number[], r: SearchResult | null): SafeHtml {
  return html`<h1 id="page-title">站内搜索</h1>
  <form class="search-form" method="get" action="/search" role="search" aria-label="搜索条件">
    <span class="filter"><label for="s-q">关键词</label><input id="s-q" name="q" type="search" value="${q}" maxlength="100"></span>
    ${selectField('s-year', 'year', '发布年份', years.map((y) => ({ value: String(y), label: `${y}年` })), filters.year ? String(filters.year) : undefined)}
    ${selectField('s-kind', 'kind', '信息类别', Object.entries(ITEM_KINDS).map(([value, label]) => ({ value, label })), filters.kind)}
    ${selectSort(filters.sort)}
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
      ${r.total === 0 ? noHitsHelp(q, filters) : pager('/search', { q, year: filters.year, kind: filters.kind, sort: filters.sort === 'date' ? 'date' : undefined }, r.page, r.total, r.pageSize, r.estimated)}`}`;
}
