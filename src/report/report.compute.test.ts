/**
 * Golden tests of the counting rules, worked out by hand for year 2022 with boundary dates.
 * Each case says which rows it must land in and why.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { computeReport, NO_ENTERED_FIGURES, applicationCellId, oversightCellId } from './report.compute.ts';
import type { ApplicationForReport, OversightCaseForReport } from './report.sources.ts';
import { validateReport } from './report.validate.ts';

const app = (over: Partial<ApplicationForReport> & { id: number }): ApplicationForReport => ({
  applicantType: '自然人',
  receivedDate: '2022-05-10',
  decisionDate: null,
  outcome: null,
  feePaidYuan: 0,
  feePaidDate: null,
  ...over,
});

const applications: ApplicationForReport[] = [
  // 1: received 31 Dec 2021, decided 1 Jan 2022 → undecided when 2022 began: 二 and 三（一）.
  app({ id: 1, receivedDate: '2021-12-31', decisionDate: '2022-01-01', outcome: 'disclosed' }),
  // 2: received 2021, decided 2021-12-31 → belongs wholly to 2021: nowhere in 2022.
  app({ id: 2, receivedDate: '2021-11-02', decisionDate: '2021-12-31', outcome: 'disclosed' }),
  // 3: received 2021, still undecided → 二 and 四 (carried through the whole year).
  app({ id: 3, receivedDate: '2021-06-01' }),
  // 4: received 1 Jan 2022, partially disclosed in 2022 → 一 and 三（二） only (not also （一）).
  app({ id: 4, receivedDate: '2022-01-01', decisionDate: '2022-01-20', outcome: 'partiallyDisclosed', applicantType: '商业企业' }),
  // 5: received 31 Dec 2022, decided 2 Jan 2023 → 一 and 四.
  app({ id: 5, receivedDate: '2022-12-31', decisionDate: '2023-01-02', outcome: 'disclosed', applicantType: '法律服务机构' }),
  // 6: received 1 Jan 2023 → not in 2022 at all.
  app({ id: 6, receivedDate: '2023-01-01' }),
  // 7: received and decided 31 Dec 2022 as 不予公开·第三方权益, fee 120 元 paid 2022-12-20 → 一, 三（三）4.
  app({ id: 7, receivedDate: '2022-12-01', decisionDate: '2022-12-31', outcome: 'withheld4', feePaidYuan: 120, feePaidDate: '2022-12-20' }),
  // 8: fee paid 1 Jan 2023 → not a 2022 fee.
  app({ id: 8, receivedDate: '2022-11-01', decisionDate: '2023-01-05', outcome: 'disclosed', feePaidYuan: 100, feePaidDate: '2023-01-01' }),
];

const oversight: OversightCaseForReport[] = [
  // Review filed 2021, decided 2022 upheld → 行政复议 维持.
  { id: 11, kind: 'review', filedDate: '2021-12-20', result: 'upheld', decidedDate: '2022-03-01' },
  // Litigation after that review, filed 2022, decided 31 Dec 2022 upheld → 复议后起诉 维持.
  { id: 12, kind: 'litigation_after_review', filedDate: '2022-03-20', result: 'upheld', decidedDate: '2022-12-31' },
  // Direct suit filed 31 Dec 2022, undecided → 尚未审结.
  { id: 13, kind: 'litigation_direct', filedDate: '2022-12-31', result: null, decidedDate: null },
  // Review decided 2021 → not counted; review filed 2023 → not counted.
  { id: 14, kind: 'review', filedDate: '2021-01-05', result: 'corrected', decidedDate: '2021-12-31' },
  { id: 15, kind: 'review', filedDate: '2023-01-01', result: null, decidedDate: null },
  // Review filed 2022, decided 2023 corrected → still 尚未审结 at the end of 2022.
  { id: 16, kind: 'review', filedDate: '2022-08-01', result: 'corrected', decidedDate: '2023-02-01' },
];

const computed = computeReport({
  body: { code: 't', name: '测试区人民政府' },
  year: 2022,
  records: { applications, oversight },
  proactive: null,
  entered: NO_ENTERED_FIGURES,
  narrative: [],
});
const rows = computed.report.applications.rows;

describe('computeReport: section 三 by the counting rules', () => {
  it('一、本年新收 counts receipt dates 1 Jan – 31 Dec 2022 (ids 4, 5, 7, 8)', () => {
    assert.deepEqual(rows.newReceived, [2, 1, 0, 0, 1, 0, 4]);
    assert.deepEqual(computed.cells![applicationCellId('newReceived', 6)].ids.sort(), [4, 5, 7, 8]);
  });
  it('二、上年结转 counts cases open on 1 January, including one decided that very day (ids 1, 3)', () => {
    assert.deepEqual(rows.carriedOver, [2, 0, 0, 0, 0, 0, 2]);
    assert.deepEqual(computed.cells![applicationCellId('carriedOver', 0)].ids.sort(), [1, 3]);
  });
  it('三 counts decisions dated in 2022 by outcome; 部分公开 only as 部分公开', () => {
    assert.deepEqual(rows.disclosed, [1, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(rows.partiallyDisclosed, [0, 1, 0, 0, 0, 0, 1]);
    assert.deepEqual(rows.withheld4, [1, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(rows.total, [2, 1, 0, 0, 0, 0, 3]);
  });
  it('四、结转下年度 counts cases received by 31 Dec and undecided then (ids 3, 5, 8)', () => {
    assert.deepEqual(rows.carriedForward, [2, 0, 0, 0, 1, 0, 3]);
    assert.deepEqual(computed.cells![applicationCellId('carriedForward', 6)].ids.sort(), [3, 5, 8]);
  });
  it('satisfies the stated cross-checks (一 + 二 = （七）总计 + 四, every column)', () => {
    const errors = validateReport(computed.report).filter((f) => f.severity === 'error' && f.location?.section === '三');
    assert.deepEqual(errors, []);
  });
  it('fees: only those paid in 2022 (120 元, not the 100 元 paid 1 Jan 2023)', () => {
    assert.equal(computed.report.fees.amountYuan, 120);
  });
});

describe('computeReport: section 四 and missing figures', () => {
  it('counts decided-in-year cases under their result and open ones as 尚未审结', () => {
    const r = computed.report.reviewLitigation;
    assert.deepEqual(r.review, [1, 0, 0, 1, 2]);
    assert.deepEqual(r.litigationDirect, [0, 0, 0, 1, 1]);
    assert.deepEqual(r.litigationAfterReview, [1, 0, 0, 0, 1]);
    assert.deepEqual(computed.cells![oversightCellId('review', 3)].ids, [16]);
  });
  it('leaves section 二 figures nobody entered as null, never 0', () => {
    const p = computed.report.proactive;
    assert.deepEqual([p.licensing, p.punishment, p.enforcement, p.feesAmountWanYuan], [null, null, null, null]);
    assert.deepEqual(p.normativeDocuments, [null, null, null]);
  });
  it('without an applications source, sections 三/四 and the fee are missing, not zero', () => {
    const c = computeReport({ body: { name: 'x' }, year: 2022, records: null, proactive: null, entered: NO_ENTERED_FIGURES, narrative: [] });
    assert.equal(c.report.applications.rows.newReceived[6], null);
    assert.equal(c.report.reviewLitigation.review[4], null);
    assert.equal(c.report.fees.amountYuan, null);
  });
  it('reports a decided case without an outcome instead of silently dropping it', () => {
    const c = computeReport({
      body: { name: 'x' }, year: 2022, proactive: null, entered: NO_ENTERED_FIGURES, narrative: [],
      records: { applications: [app({ id: 9, decisionDate: '2022-06-01' })], oversight: [] },
    });
    assert.equal(c.problems[0]?.code, 'report.decided_without_outcome');
  });
});
