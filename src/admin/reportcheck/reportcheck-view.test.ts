import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ReportFinding } from '../../report/report.validate.ts';
import { cellFlags, cellKey, fileNameFromDisposition, levelText, locationText, refusalOf } from './reportcheck-view.ts';

const finding = (severity: ReportFinding['severity'], location: ReportFinding['location']): ReportFinding => ({
  code: 'x',
  severity,
  message: 'm',
  location,
});

describe('cells named by findings', () => {
  it('marks one cell, a whole row, or the rule-1 rows of a column, the worst severity winning', () => {
    const flags = cellFlags([
      finding('error', { section: '四', row: 'review', column: '总计', line: 153 }),
      finding('warning', { section: '三', row: 'otherHandling', line: 134 }),
      finding('warning', { section: '三', row: 'total', column: '自然人' }),
      finding('error', { section: '三', column: '自然人' }),
      finding('info', { section: '三', row: 'withheld2', line: 111 }),
      finding('error', { section: '三' }),
    ]);
    assert.equal(flags.get(cellKey('四', 'review', '总计'))?.severity, 'error');
    assert.equal(flags.get(cellKey('四', 'review', '结果维持')), undefined);
    // A row without a column: all seven cells.
    assert.equal(flags.get(cellKey('三', 'otherHandling', '其他'))?.severity, 'warning');
    assert.equal(flags.get(cellKey('三', 'otherHandling', '总计'))?.severity, 'warning');
    // Rule 1 on 自然人 joins 一, 二, （七） and 四; the warning on （七） is overruled by the error.
    for (const row of ['newReceived', 'carriedOver', 'carriedForward']) assert.equal(flags.get(cellKey('三', row, '自然人'))?.severity, 'error');
    assert.deepEqual(flags.get(cellKey('三', 'total', '自然人'))?.findings.map((f) => f.severity), ['warning', 'error']);
    assert.equal(flags.get(cellKey('三', 'total', '自然人'))?.severity, 'error');
    // Notes and section-wide findings highlight nothing.
    assert.equal(flags.get(cellKey('三', 'withheld2', '自然人')), undefined);
    assert.equal(flags.size, 1 + 7 + 4);
  });

  it('describes a location in words', () => {
    assert.equal(locationText(finding('error', { section: '四', row: 'litigationAfterReview', column: '总计', line: 153 })), '第四部分 · 行政诉讼·复议后起诉 · 总计 · 第 153 行');
    assert.equal(locationText(finding('error', { section: '三', row: 'withheld2' })), '第三部分 · （三）不予公开2.其他法律行政法规禁止公开');
    assert.equal(locationText(finding('error', {})), '');
  });
});

describe('files', () => {
  it('takes the UTF-8 file name of a download', () => {
    const header = `attachment; filename="report-check-summary.csv"; filename*=UTF-8''${encodeURIComponent('年报核查汇总.csv')}`;
    assert.equal(fileNameFromDisposition(header, 'x'), '年报核查汇总.csv');
    assert.equal(fileNameFromDisposition('attachment; filename="a.csv"', 'x'), 'a.csv');
    assert.equal(fileNameFromDisposition(null, '汇总.csv'), '汇总.csv');
  });

  it('refuses other types, empty and oversized files before sending', () => {
    assert.equal(refusalOf({ name: '洪泽区.TXT', size: 10 }), null);
    assert.equal(refusalOf({ name: '年报.docx', size: 10 }), null);
    assert.equal(refusalOf({ name: '年报.pdf', size: 10 }), null);
    assert.equal(refusalOf({ name: '截图.PNG', size: 10 }), null);
    assert.equal(refusalOf({ name: '年报.doc', size: 10 }), null);
    assert.equal(refusalOf({ name: '年报.wps', size: 10 }), null);
    assert.match(refusalOf({ name: '年报.xls', size: 10 }) ?? '', /不是 \.txt/);
    assert.match(refusalOf({ name: '空.txt', size: 0 }) ?? '', /空文件/);
    assert.match(refusalOf({ name: '大.htm', size: 10 * 1024 * 1024 + 1 }) ?? '', /超过 10 MB/);
  });
});

describe('the body’s level in the result', () => {
  it('says where the level came from and which deadline it sets', () => {
    assert.equal(levelText({ kind: 'government', name: '人民政府', inferred: true }), '人民政府（按机关名称判断，次年3月31日前公布）');
    assert.equal(levelText({ kind: 'department', name: '政府部门', inferred: false }), '政府部门（核查时指定，次年1月31日前公布）');
    assert.equal(levelText({ kind: 'township', name: '乡镇、街道', inferred: true }), '乡镇、街道（按机关名称判断，不核查公布期限）');
  });
});
