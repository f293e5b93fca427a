import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { APPLICATION_ROW_KEYS, zeroApplicantRow, type AnnualReport } from './report.model.ts';
import {
  bodyKindOf,
  checkPublicationDeadline,
  compareWithPreviousYear,
  NEAR_IDENTICAL_THRESHOLD,
  validateReport,
} from './report.validate.ts';

/**
 * A consistent report: 自然人 10 new + 2 carried over = 8 disclosed + 3 unable1 (total 11)
 * + 1 carried forward; 商业企业 1 new, 1 disclosed.
 */
function sample(year = 2023): AnnualReport {
  const rows = Object.fromEntries(APPLICATION_ROW_KEYS.map((k) => [k, zeroApplicantRow()])) as AnnualReport['applications']['rows'];
  rows.newReceived = [10, 1, 0, 0, 0, 0, 11];
  rows.carriedOver = [2, 0, 0, 0, 0, 0, 2];
  rows.disclosed = [8, 1, 0, 0, 0, 0, 9];
  rows.unable1 = [3, 0, 0, 0, 0, 0, 3];
  rows.total = [11, 1, 0, 0, 0, 0, 12];
  rows.carriedForward = [1, 0, 0, 0, 0, 0, 1];
  return {
    schemaVersion: 1,
    body: { name: '某区人民政府' },
    year,
    proactive: { rules: [0, 0, 0], normativeDocuments: [2, 1, 6], licensing: 1, punishment: 2, enforcement: 3, feesAmountWanYuan: '1.5' },
    applications: { columns: [], rows },
    reviewLitigation: { review: [1, 0, 0, 1, 2], litigationDirect: [0, 0, 0, 0, 0], litigationAfterReview: [0, 0, 0, 0, 0] },
    narrative: [{ number: '一', title: '总体情况', text: '' }],
    fees: { amountYuan: 0 },
  };
}
const codes = (fs: { code: string }[]) => fs.map((f) => f.code);

describe('validateReport', () => {
  it('passes a consistent report without findings', () => {
    assert.deepEqual(validateReport(sample()), []);
  });

  it('rule 1: 一 + 二 must equal （七） + 四 in each column', () => {
    const r = sample();
    r.applications.rows.carriedForward = [2, 0, 0, 0, 0, 0, 2]; // 10+2 ≠ 11+2
    const f = validateReport(r).filter((x) => x.code === 'report.rule1_mismatch');
    assert.deepEqual(f.map((x) => [x.location?.column, x.details?.receivedPlusCarriedOver, x.details?.totalPlusCarriedForward]), [
      ['自然人', 12, 13],
      ['总计', 13, 14],
    ]);
  });

  it('rule 2: （七）总计 must equal the outcomes, using a single （六） row when printed', () => {
    const r = sample();
    r.applications.rows.total = [12, 1, 0, 0, 0, 0, 13];
    assert.ok(codes(validateReport(r)).includes('report.rule2_mismatch'));
    const single = sample();
    for (const k of ['otherHandling1', 'otherHandling2', 'otherHandling3'] as const) single.applications.rows[k] = [null, null, null, null, null, null, null];
    single.applications.rows.otherHandling = [0, 0, 0, 0, 0, 0, 0];
    assert.deepEqual(validateReport(single), []);
    single.applications.rows.otherHandling = [1, 0, 0, 0, 0, 0, 1];
    assert.ok(codes(validateReport(single)).includes('report.rule2_mismatch'));
  });

  it('rule 3: 总计 must equal the six applicant columns', () => {
    const r = sample();
    r.applications.rows.unable1 = [3, 0, 0, 0, 0, 0, 4];
    const f = validateReport(r).find((x) => x.code === 'report.row_total_mismatch');
    assert.equal(f?.location?.row, 'unable1');
    assert.equal(f?.severity, 'error');
  });

  it('A.5: each review/litigation group must add up', () => {
    const r = sample();
    r.reviewLitigation.litigationAfterReview = [5, 0, 0, 0, 0];
    const f = validateReport(r).filter((x) => x.code === 'report.review_total_mismatch');
    assert.deepEqual(f.map((x) => x.location?.row), ['litigationAfterReview']);
  });

  it('reports missing cells, or only marks the rules unchecked when asked not to', () => {
    const r = sample();
    r.applications.rows.newReceived = [null, 1, 0, 0, 0, 0, null];
    assert.equal(codes(validateReport(r)).filter((c) => c === 'report.cell_missing').length, 2);
    assert.deepEqual(codes(validateReport(r, { reportMissingCells: false })), ['report.rule1_unchecked']);
  });
});

describe('compareWithPreviousYear', () => {
  it('warns when 上年结转 differs from last year’s 结转下年度', () => {
    const before = sample(2022);
    const now = sample(2023);
    now.applications.rows.carriedOver = [3, 0, 0, 0, 0, 0, 3]; // last year carried forward 1
    const f = compareWithPreviousYear(before, now).filter((x) => x.code === 'report.carried_over_mismatch');
    assert.deepEqual(f.map((x) => x.location?.column), ['自然人', '总计']);
    assert.deepEqual(f.map((x) => x.details?.previousCarriedForward), [1, 1]);
    assert.deepEqual(f.map((x) => x.severity), ['warning', 'warning']);
  });

  it('warns when 现行有效 does not follow from last year’s plus 制发 minus 废止', () => {
    const before = sample(2022); // 行政规范性文件 现行有效 6
    const now = sample(2023);
    now.proactive.normativeDocuments = [2, 1, 6]; // 6 + 2 − 1 = 7, printed 6
    const f = compareWithPreviousYear(before, now).find((x) => x.code === 'report.in_force_discontinuity');
    assert.equal(f?.details?.expected, 7);
    now.proactive.normativeDocuments = [2, 1, 7];
    assert.equal(compareWithPreviousYear(before, now).find((x) => x.code === 'report.in_force_discontinuity'), undefined);
  });

  it('flags a narrative copied with only the year and figures changed', () => {
    const text = (y: number, n: number) =>
      `${y}年，本机关坚持以条例为遵循，不断完善政府信息公开制度，健全依申请公开工作机制，全年受理申请${n}件，均在法定期限内答复，政务公开工作规范有序开展。`;
    const before = sample(2022);
    const now = sample(2023);
    before.narrative = [{ number: '一', title: '总体情况', text: text(2022, 9) }];
    now.narrative = [{ number: '一', title: '总体情况', text: text(2023, 21) }];
    const f = compareWithPreviousYear(before, now).find((x) => x.code === 'report.narrative_near_identical');
    assert.ok(f);
    assert.ok((f.details?.similarity as number) >= NEAR_IDENTICAL_THRESHOLD);
    now.narrative = [{ number: '一', title: '总体情况', text: '今年重点推进基层政务公开标准化规范化建设，新建政务公开专区三处，组织培训两次，群众满意度明显提升，相关做法被上级推广。' }];
    assert.equal(compareWithPreviousYear(before, now).find((x) => x.code === 'report.narrative_near_identical'), undefined);
  });
});

describe('publication deadline (Regulations Art. 49)', () => {
  it('governments by 31 March, departments by 31 January of the next year', () => {
    const gov = { ...sample(2023), publishedOn: '2024-03-31' };
    assert.deepEqual(checkPublicationDeadline(gov), []);
    assert.equal(checkPublicationDeadline({ ...gov, publishedOn: '2024-04-01' })[0]?.code, 'report.published_late');
    const dept = { ...sample(2023), body: { name: '某区财政局' }, publishedOn: '2024-02-01' };
    assert.equal(checkPublicationDeadline(dept)[0]?.details?.deadline, '2024-01-31');
    assert.deepEqual(checkPublicationDeadline({ ...dept, publishedOn: '2024-01-31' }), []);
    assert.deepEqual(checkPublicationDeadline({ ...gov, publishedOn: null }), []);
  });

  it('tells the kinds of body apart by name', () => {
    assert.equal(bodyKindOf('洪泽区人民政府'), 'government');
    assert.equal(bodyKindOf('淮安市洪泽区人民政府'), 'government');
    assert.equal(bodyKindOf('淮安市洪泽区人民政府办公室'), 'department');
    assert.equal(bodyKindOf('某某镇人民政府'), 'township');
    assert.equal(bodyKindOf('平潭综合实验区'), 'zone');
    assert.equal(bodyKindOf('平潭综合实验区管理委员会'), 'zone');
    assert.equal(bodyKindOf('某某经济技术开发区管委会'), 'zone');
    assert.equal(bodyKindOf('某某高新区管委会'), 'zone');
    assert.equal(bodyKindOf('平潭综合实验区交通与建设局'), 'department');
    assert.equal(bodyKindOf('某市城市管理委员会'), 'department');
    assert.equal(bodyKindOf('某某街道办事处'), 'township');
    assert.equal(bodyKindOf('某区财政局'), 'department');
  });

  it('gives a zone the governments’ 31 March and checks no town', () => {
    const zone = { ...sample(2022), body: { name: '平潭综合实验区' }, publishedOn: '2023-03-15' };
    assert.deepEqual(checkPublicationDeadline(zone), []);
    assert.equal(checkPublicationDeadline(zone, 'department')[0]?.details?.deadline, '2023-01-31');
    assert.equal(checkPublicationDeadline({ ...zone, publishedOn: '2023-04-01' })[0]?.details?.level, 'zone');
    assert.deepEqual(checkPublicationDeadline({ ...zone, body: { name: '某某镇人民政府' }, publishedOn: '2023-06-01' }), []);
  });
});
