import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { APPLICATION_ROWS } from '../report/report.model.ts';
import { textToLines } from './reportcheck.text.ts';
import { readLines } from './reportcheck.read.ts';
import { checkAcrossYears, checkReport, sameBody } from './reportcheck.checks.ts';

const read = (text: string, source = 'x.txt') => checkReport(readLines(textToLines(text), { source }));
const codes = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code);

/** A 2020 report in the 2019 trial layout: old section 二 columns, one （六） row, old 四 title. */
function oldLayoutReport(): string {
  const table3 = APPLICATION_ROWS.filter((r) => !r.key.startsWith('otherHandling')).map((row) => {
    const figures = row.key === 'newReceived' || row.key === 'disclosed' || row.key === 'total' ? '2 0 0 0 0 0 2' : '0 0 0 0 0 0 0';
    const line = `${'group' in row && row.label.startsWith('1.') ? `${row.group} ` : ''}${row.label}   ${figures}`;
    return row.key === 'total' ? `（六）其他处理   0 0 0 0 0 0 0\n${line}` : line;
  });
  return [
    '某区人民政府2020年政府信息公开工作年度报告',
    '一、总体情况',
    '2020年，全区共收到政府信息公开申请3件，处理行政复议2件。',
    '二、主动公开政府信息情况',
    '第二十条第（一）项',
    '信息内容   本年新制作数量   本年新公开数量   对外公开总数量',
    '规章   0   0   0',
    '规范性文件   2   2   10',
    '三、收到和处理政府信息公开申请情况',
    ...table3,
    '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况',
    '0 0 0 0 0 0 0 0 0 0 0 0 0 0 0',
    '五、存在的主要问题及改进情况',
    '公开的规范性有待提高。',
    '六、其他需要报告的事项',
    '无。',
  ].join('\n');
}

describe('departures from the 2021 format', () => {
  const r = read(oldLayoutReport());

  it('recognises the 2019 trial layout and does not force its figures into 2021 fields', () => {
    assert.equal(r.format, '2019');
    assert.deepEqual(r.proactive.normativeDocuments, [null, null, null]);
    assert.ok(codes(r).includes('reportcheck.old_format'));
    assert.ok(codes(r).includes('reportcheck.table2_2019_layout'));
  });

  it('keeps the single （六） row and checks the totals with it', () => {
    assert.deepEqual(r.applications.rows.otherHandling, [0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(r.applications.rows.otherHandling1, [null, null, null, null, null, null, null]);
    assert.ok(!codes(r).includes('report.rule2_mismatch'));
    assert.ok(!codes(r).includes('reportcheck.table3_row_missing'));
  });

  it('notes the renamed section 四 title and the narrative that contradicts the tables', () => {
    const renamed = r.findings.find((f) => f.code === 'reportcheck.section_renamed');
    assert.equal(renamed?.location?.section, '四');
    const contradictions = r.findings.filter((f) => f.code === 'reportcheck.narrative_contradicts_table');
    // 3 applications said, 2 in the table; 2 reviews said, 0 in section 四.
    assert.deepEqual(contradictions.map((f) => [f.details?.kind, f.details?.narrative]), [
      ['applicationsReceived', 3],
      ['reviewCases', 2],
    ]);
  });
});

describe('several years of one body', () => {
  const y2024 = readFileSync(new URL('./fixtures/hongze-2024.txt', import.meta.url), 'utf8');

  it('flags a report copied from last year with only the year changed (雷同) and broken 现行有效', () => {
    const copy = y2024.replaceAll('2024', '2025');
    const [, next] = checkAcrossYears([read(y2024, '2024.txt'), read(copy, '2025.txt')]);
    const similar = next.findings.find((f) => f.code === 'report.narrative_near_identical');
    assert.ok(similar);
    assert.ok((similar.details?.similarity as number) > 0.95);
    // 2024 现行有效 8 + 2025 制发 3 − 废止 0 = 11, but the copy prints 8.
    const inForce = next.findings.find((f) => f.code === 'report.in_force_discontinuity');
    assert.deepEqual([inForce?.details?.expected, inForce?.details?.printed], [11, 8]);
  });

  it('does not compare different bodies or non-consecutive years', () => {
    const copy = y2024.replaceAll('2024', '2026');
    const [, later] = checkAcrossYears([read(y2024), read(copy)]);
    assert.ok(!codes(later).includes('report.narrative_near_identical'));
    assert.equal(sameBody('淮安市洪泽区人民政府', '洪泽区人民政府'), true);
    assert.equal(sameBody('石龙区人民政府', '洪泽区人民政府'), false);
  });
});
