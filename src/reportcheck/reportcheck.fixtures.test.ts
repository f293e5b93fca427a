/**
 * The three real reports in fixtures/, read cell by cell. Expected tables are copied by hand
 * from the printed text (line numbers refer to the fixture files), with the known flaws.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { textToLines } from './reportcheck.text.ts';
import { readLines } from './reportcheck.read.ts';
import { checkAcrossYears, checkReport } from './reportcheck.checks.ts';
import type { ReadReport } from './reportcheck.types.ts';

export function readFixture(name: string): ReadReport {
  const text = readFileSync(new URL(`./fixtures/${name}.txt`, import.meta.url), 'utf8');
  return checkReport(readLines(textToLines(text), { source: `${name}.txt` }));
}

const Z = [0, 0, 0, 0, 0, 0, 0];
const N = [null, null, null, null, null, null, null];
/** A row where only 自然人 has cases, so 总计 equals it. */
const natural = (n: number) => [n, 0, 0, 0, 0, 0, n];
const codes = (r: ReadReport) => r.findings.map((f) => f.code);

describe('石龙区 2022 (tab-separated seed)', () => {
  const r = readFixture('shilong-2022');

  it('reads body, year and fee statement', () => {
    assert.equal(r.body.name, '石龙区人民政府');
    assert.equal(r.year, 2022);
    assert.equal(r.fees.amountYuan, 0); // “依申请公开政府信息未收费”
  });

  it('reads every cell of section 三 and leaves the lost 一/二 rows null', () => {
    const rows = r.applications.rows;
    assert.deepEqual(rows.newReceived, N);
    assert.deepEqual(rows.carriedOver, N);
    assert.deepEqual(rows.disclosed, natural(5)); // line 24
    assert.deepEqual(rows.partiallyDisclosed, Z);
    for (const k of ['withheld1', 'withheld2', 'withheld3', 'withheld4', 'withheld5', 'withheld6', 'withheld7', 'withheld8'] as const) {
      assert.deepEqual(rows[k], Z, k);
    }
    assert.deepEqual(rows.unable1, natural(2)); // line 34
    assert.deepEqual(rows.unable2, Z);
    assert.deepEqual(rows.unable3, Z);
    assert.deepEqual(rows.notProcessed1, natural(1)); // line 37
    for (const k of ['notProcessed2', 'notProcessed3', 'notProcessed4', 'notProcessed5'] as const) assert.deepEqual(rows[k], Z, k);
    assert.deepEqual(rows.otherHandling1, Z); // line 43, the row above the displaced （六） label
    assert.deepEqual(rows.otherHandling2, Z); // line 44, carries the （六） label
    assert.deepEqual(rows.otherHandling3, natural(1)); // line 45
    assert.deepEqual(rows.total, natural(9)); // 5 + 2 + 1 + 1 = 9
    assert.deepEqual(rows.carriedForward, Z);
    assert.equal(rows.otherHandling, undefined);
  });

  it('records the source line of every cell read', () => {
    assert.deepEqual(r.sources.applications.disclosed, [24, 24, 24, 24, 24, 24, 24]);
    assert.deepEqual(r.sources.applications.otherHandling1, [43, 43, 43, 43, 43, 43, 43]);
    assert.deepEqual(r.sources.applications.newReceived, N);
    assert.deepEqual(r.sources.reviewLitigation.review, [54, 54, 54, 54, 54]);
  });

  it('reads section 四: one review upheld, then the same case in court after review', () => {
    assert.deepEqual(r.reviewLitigation.review, [1, 0, 0, 0, 1]);
    assert.deepEqual(r.reviewLitigation.litigationDirect, [0, 0, 0, 0, 0]);
    assert.deepEqual(r.reviewLitigation.litigationAfterReview, [1, 0, 0, 0, 1]);
  });

  it('leaves the empty section 二 table null with findings', () => {
    assert.deepEqual(r.proactive.rules, [null, null, null]);
    assert.equal(r.proactive.feesAmountWanYuan, null);
    assert.equal(codes(r).filter((c) => c === 'reportcheck.table2_row_missing').length, 6);
  });

  it('reports the missing rows, the missing heading and the displaced （六） label', () => {
    const missing = r.findings.filter((f) => f.code === 'reportcheck.table3_row_missing').map((f) => f.location?.row);
    assert.deepEqual(missing, ['newReceived', 'carriedOver']);
    assert.ok(r.findings.some((f) => f.code === 'reportcheck.section_missing' && f.location?.section === '三'));
    assert.ok(r.findings.some((f) => f.code === 'reportcheck.group_label_displaced' && f.location?.line === 44));
    assert.ok(codes(r).includes('report.rule1_unchecked'));
    assert.ok(!codes(r).includes('report.rule2_mismatch'));
  });

  it('finds the narrative figures and accepts them against the tables', () => {
    const received = r.narrativeFigures.find((f) => f.kind === 'applicationsReceived');
    assert.deepEqual([received?.value, received?.line], [9, 9]);
    assert.ok(!codes(r).includes('reportcheck.narrative_contradicts_table'));
  });
});

describe('洪泽区 2023 (pdftotext -layout)', () => {
  const r = readFixture('hongze-2023');

  it('reads title, section 二 and the fee statement', () => {
    assert.equal(r.body.name, '洪泽区人民政府');
    assert.equal(r.year, 2023);
    assert.deepEqual(r.proactive, {
      rules: [0, 0, 0],
      normativeDocuments: [0, 5, 5],
      licensing: 550,
      punishment: 4119,
      enforcement: 195,
      feesAmountWanYuan: '7730.28',
    });
    assert.equal(r.fees.amountYuan, 0);
  });

  it('reads every cell of section 三, the single （六） row into otherHandling', () => {
    const rows = r.applications.rows;
    const expected: Record<string, (number | null)[]> = {
      newReceived: natural(21), carriedOver: Z, disclosed: Z, partiallyDisclosed: natural(4),
      withheld1: natural(1), withheld2: Z, withheld3: Z, withheld4: Z, withheld5: Z,
      withheld6: natural(1), withheld7: natural(1), withheld8: Z,
      unable1: natural(10), unable2: natural(3), unable3: Z,
      notProcessed1: natural(1), notProcessed2: Z, notProcessed3: Z, notProcessed4: Z, notProcessed5: Z,
      otherHandling1: N, otherHandling2: N, otherHandling3: N,
      total: natural(21), carriedForward: Z, otherHandling: Z,
    };
    assert.deepEqual(rows, expected);
    // Wrapped labels: （二） on lines 102–103 with its figures on 104; （五）5 on 131–132, figures on 133.
    assert.equal(r.sources.applications.partiallyDisclosed[0], 104);
    assert.equal(r.sources.applications.notProcessed5[0], 133);
    assert.equal(r.sources.applications.unable3[0], 125); // after the page number -3-
  });

  it('reads section 四 as printed, totals of 0 included', () => {
    assert.deepEqual(r.reviewLitigation.review, [10, 1, 0, 0, 0]);
    assert.deepEqual(r.reviewLitigation.litigationDirect, [0, 0, 0, 0, 0]);
    assert.deepEqual(r.reviewLitigation.litigationAfterReview, [5, 0, 0, 0, 0]);
  });

  it('finds the wrong section 四 totals as errors, and the single （六） row', () => {
    const bad = r.findings.filter((f) => f.code === 'report.review_total_mismatch');
    assert.deepEqual(
      bad.map((f) => [f.location?.row, f.details?.sum, f.details?.printed, f.severity, f.location?.line]),
      [
        ['review', 11, 0, 'error', 153], // 10 维持 + 1 纠正
        ['litigationAfterReview', 5, 0, 'error', 153], // 5 维持
      ],
    );
    assert.ok(codes(r).includes('reportcheck.single_other_handling_row'));
    assert.ok(r.findings.some((f) => f.code === 'reportcheck.row_label_differs' && f.location?.row === 'withheld2'));
    assert.ok(!codes(r).includes('report.rule1_mismatch'));
    assert.ok(!codes(r).includes('report.rule2_mismatch'));
  });
});

describe('洪泽区 2024 (pdftotext -layout)', () => {
  const r = readFixture('hongze-2024');

  it('reads every cell', () => {
    assert.equal(r.body.name, '淮安市洪泽区人民政府');
    assert.equal(r.year, 2024);
    assert.deepEqual(r.proactive, {
      rules: [0, 0, 0],
      normativeDocuments: [3, 0, 8],
      licensing: 9487,
      punishment: 2776,
      enforcement: 84,
      feesAmountWanYuan: '7545',
    });
    const expected: Record<string, (number | null)[]> = {
      newReceived: natural(95), carriedOver: Z, disclosed: natural(50), partiallyDisclosed: natural(9),
      withheld1: Z, withheld2: Z, withheld3: natural(1), withheld4: Z, withheld5: Z,
      withheld6: natural(1), withheld7: natural(1), withheld8: Z,
      unable1: natural(31), unable2: natural(1), unable3: Z,
      notProcessed1: natural(1), notProcessed2: Z, notProcessed3: Z, notProcessed4: Z, notProcessed5: Z,
      otherHandling1: N, otherHandling2: N, otherHandling3: N,
      total: natural(95), carriedForward: Z, otherHandling: Z,
    };
    assert.deepEqual(r.applications.rows, expected); // 50+9+1+1+1+31+1+1 = 95
    assert.deepEqual(r.reviewLitigation, {
      review: [1, 1, 0, 0, 2],
      litigationDirect: [1, 0, 0, 0, 1],
      litigationAfterReview: [2, 0, 1, 0, 3],
    });
  });

  it('finds the narrative that says 17 applications against the table’s 95', () => {
    const f = r.findings.find((x) => x.code === 'reportcheck.narrative_contradicts_table');
    assert.ok(f);
    assert.equal(f.location?.line, 26);
    assert.deepEqual(f.details?.table, [95]);
    assert.equal(f.details?.narrative, 17);
    assert.ok(!r.findings.some((x) => x.severity === 'error'));
  });

  it('compares with 2023: carried over and 现行有效 are continuous, the narrative is not a copy', () => {
    const [, y2024] = checkAcrossYears([readFixture('hongze-2023'), r]);
    const extra = y2024.findings.filter((f) => f.code.startsWith('report.') && !r.findings.includes(f));
    // 上年结转 0 = 2023 结转下年度 0; 规范性文件 5 + 3 − 0 = 8 现行有效.
    assert.deepEqual(
      extra.map((f) => f.code).filter((c) => ['report.carried_over_mismatch', 'report.in_force_discontinuity', 'report.narrative_near_identical'].includes(c)),
      [],
    );
  });
});
