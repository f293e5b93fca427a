import { it } from 'node:test';
import assert from 'node:assert/strict';
import { searchPage } from './search.view.ts';
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
