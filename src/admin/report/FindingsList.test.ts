import { it } from 'node:test';
import assert from 'node:assert/strict';
import { locationText } from './FindingsList.tsx';
import type { Finding, NarrativePart } from './report-api.ts';

const parts: NarrativePart[] = [{ key: 'overview', section: '一', label: '总体情况' }];
const at = (location: Finding['location']): Finding => ({ severity: 'error', code: 'x', message: 'x', location });

it('names a finding’s place in the report’s own words, not by row keys', () => {
  assert.equal(locationText(at({ section: '三', row: 'total', column: '自然人' }), parts), '第三部分 · （七）总计 · 自然人');
  assert.equal(locationText(at({ section: '四', row: 'review' }), parts), '第四部分 · 行政复议');
  assert.equal(locationText(at({ section: '一', row: 'narrative.overview', line: 2 }), parts), '第一部分 · 总体情况 · 第2段');
});

it('names section 二’s rows and columns as printed, never by field names', () => {
  assert.equal(locationText(at({ section: '二', row: 'feesAmountWanYuan' }), parts), '第二部分 · 行政事业性收费（万元）');
  assert.equal(locationText(at({ section: '二', row: 'licensing' }), parts), '第二部分 · 行政许可');
  assert.equal(locationText(at({ section: '二', row: 'normativeDocuments', column: '2' }), parts), '第二部分 · 行政规范性文件 · 现行有效件数');
  assert.equal(locationText(at({ section: '二', row: 'rules', column: '现行有效件数' }), parts), '第二部分 · 规章 · 现行有效件数');
});
