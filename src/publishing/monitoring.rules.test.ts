import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { internalLinks, isBrokenLink, missingMetadata, overdueColumns } from './monitoring.rules.ts';

describe('site monitoring rules', () => {
  it('finds columns not updated within their interval, never-updated ones first', () => {
    const cols = [
      { columnId: 1, organizationId: 1, name: '统计信息', intervalDays: 31, lastPublishDate: '2026-01-01' }, // 60 days ago: overdue
      { columnId: 2, organizationId: 1, name: '公告公示', intervalDays: 14, lastPublishDate: '2026-02-20' }, // 10 days: fine
      { columnId: 3, organizationId: 1, name: '规划信息', intervalDays: 365, lastPublishDate: null }, // never
      { columnId: 4, organizationId: 1, name: '政府信息公开', intervalDays: null, lastPublishDate: null }, // no expectation
      { columnId: 5, organizationId: 1, name: '政策解读', intervalDays: 30, lastPublishDate: '2026-01-31' }, // exactly 30: fine
    ];
    assert.deepEqual(overdueColumns(cols, '2026-03-02').map((c) => [c.name, c.daysSince]), [['规划信息', null], ['统计信息', 60]]);
  });

  it('reports internal links to withdrawn items, missing columns and files', () => {
    const body = '<a href="/xxgk/xx/1/">在</a><a href="/xxgk/xx/2/">撤</a><a href="/xxgk/lm/sl/none/">栏</a><a href="/xxgk/fj/9">附</a><a href="https://www.gov.cn/">外</a>';
    const targets = { publishedItemIds: new Set([1]), columns: new Set(['sl/zcwj']), attachmentIds: new Set<number>() };
    assert.deepEqual(internalLinks(body).filter((h) => isBrokenLink(h, targets)), ['/xxgk/xx/2/', '/xxgk/lm/sl/none/', '/xxgk/fj/9']);
  });

  it('asks documents for 文号 and registry documents for 有效性', () => {
    const base = { topic: '综合政务', publisher_name: '石龙区发改委', written_date: '2026-01-01', doc_number: '', validity: '' };
    assert.deepEqual(missingMetadata({ ...base, kind: 'normative_document' }), ['文号', '有效性']);
    assert.deepEqual(missingMetadata({ ...base, kind: 'announcement' }), []);
    assert.deepEqual(missingMetadata({ ...base, kind: 'announcement', topic: '', written_date: null }), ['主题分类', '成文日期']);
  });
});
