import { it } from 'node:test';
import assert from 'node:assert/strict';
import { searchPage } from './search.view.ts';
import { pageNumbers, pager, pastLastPage } from './item-list.view.ts';
import type { SearchResult } from '../search.repository.ts';

const result = (over: Partial<SearchResult>): SearchResult => ({ query: '公开', total: 3, page: 1, pageSize: 10, hits: [], order: 'relevance', estimated: false, ...over });

it('search page: an exact count, and no word about the order of a ranked result', () => {
  const page = String(searchPage('公开', {}, [2026], result({})));
  assert.match(page, /找到 3 条与“公开”相关的信息。<\/p>/);
  assert.doesNotMatch(page, /从新到旧/);
});

it('search page: a large result says how it is ordered, an estimated count says 约', () => {
  const page = String(searchPage('2022年', {}, [2026], result({ total: 612345, order: 'newest', estimated: true })));
  assert.match(page, /找到约 612,345 条/);
  assert.match(page, /共约 612,345 条，第 1 \/ 61235 页/);
  assert.match(page, />下一页</);
  assert.doesNotMatch(page, /末页/, 'no last page for an estimate');
  assert.match(page, /标题含全部关键词的排在前面，前后两部分各按收录时间从新到旧排列/);
});

it('search page: an estimate of none says that older items were not checked one by one', () => {
  const page = String(searchPage('2022年', {}, [2026], result({ total: 0, order: 'newest', estimated: true })));
  assert.match(page, /在最近收录的信息中没有找到与“2022年”完全一致的内容；较早的信息未逐条核对/);
  assert.doesNotMatch(page, /找到约 0 条/);
  assert.doesNotMatch(page, /共约? ?0 条/, 'no pager claiming a count of none');
});

it('search page: no hit gives help, and a filtered search offers to search without the filter', () => {
  const page = String(searchPage('石政发[2026]3号', { year: 2025 }, [2026], result({ total: 0 })));
  assert.match(page, /没有找到？可以这样试试/);
  assert.match(page, /〔2026〕、\[2026\]、\(2026\)、（2026）均可/);
  assert.match(page, /已按2025年筛选，<a href="\/search\?q=%E7%9F%B3/);
  assert.doesNotMatch(page, /class="pager"/);
});

it('pager: numbers the pages around the current one, first and last, gaps marked', () => {
  assert.deepEqual(pageNumbers(1, 3), [1, 2, 3]);
  assert.deepEqual(pageNumbers(7, 20), [1, null, 5, 6, 7, 8, 9, null, 20]);
  assert.deepEqual(pageNumbers(3, 20, false), [1, 2, 3, 4, 5, null], 'an estimate has no last page');
  assert.equal(pastLastPage(99, 38, 20), 2);
  assert.equal(pastLastPage(2, 38, 20), null);
  assert.equal(pastLastPage(2, 0, 20), 1);
  const html = String(pager('/hdjl/', {}, 2, 38, 20));
  assert.match(html, /<a href="\/hdjl\/\?page=2" aria-current="page" aria-label="第2页，当前页">2<\/a>/);
  assert.match(html, /<a href="\/hdjl\/" aria-label="第1页">1<\/a>/);
});
