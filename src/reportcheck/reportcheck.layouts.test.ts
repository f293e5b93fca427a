/**
 * Copied text in any whitespace state (issue 15, item 2): the real reports of fixtures/ with their
 * line breaks lost (the whole report on one line, cells run together), with one cell per line,
 * and the real 石龙区 figures printed with labels wrapped over lines, page numbers and running
 * headers between them and items numbered 1. / 1、 / （1）. Every cell is asserted.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { APPLICATION_ROWS, type ApplicationRowKey } from '../report/report.model.ts';
import { textToLines } from './reportcheck.text.ts';
import { figuresIn, streamOf } from './reportcheck.stream.ts';
import { readLines } from './reportcheck.read.ts';
import { checkReport } from './reportcheck.checks.ts';
import type { ReadReport } from './reportcheck.types.ts';

const Z = [0, 0, 0, 0, 0, 0, 0];
const N = [null, null, null, null, null, null, null];
const natural = (n: number) => [n, 0, 0, 0, 0, 0, n];

/** The published text, without the line naming where the fixture was taken from. */
function published(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}.txt`, import.meta.url), 'utf8').replace(/^source:.*\n/, '');
}
const read = (text: string): ReadReport => checkReport(readLines(textToLines(text)));
const codes = (r: ReadReport) => r.findings.map((f) => f.code);

/** Every space and line break removed: the cells of each row run together. */
const oneLine = (text: string) => text.replace(/\s+/g, '');
/** Each printed cell (a run of text between column gaps) on a line of its own. */
const cellPerLine = (text: string) =>
  text
    .split(/\r?\n/)
    .flatMap((l) => l.trim().split(/\s{2,}|\t/))
    .join('\n');

/** Hand-checked from the printed reports (see reportcheck.fixtures.test.ts). */
const EXPECTED = {
  'hongze-2023': {
    body: '洪泽区人民政府',
    year: 2023,
    rows: {
      newReceived: natural(21), carriedOver: Z, disclosed: Z, partiallyDisclosed: natural(4),
      withheld1: natural(1), withheld2: Z, withheld3: Z, withheld4: Z, withheld5: Z,
      withheld6: natural(1), withheld7: natural(1), withheld8: Z,
      unable1: natural(10), unable2: natural(3), unable3: Z,
      notProcessed1: natural(1), notProcessed2: Z, notProcessed3: Z, notProcessed4: Z, notProcessed5: Z,
      otherHandling1: N, otherHandling2: N, otherHandling3: N,
      total: natural(21), carriedForward: Z, otherHandling: Z,
    },
    review: { review: [10, 1, 0, 0, 0], litigationDirect: [0, 0, 0, 0, 0], litigationAfterReview: [5, 0, 0, 0, 0] },
    proactive: { rules: [0, 0, 0], normativeDocuments: [0, 5, 5], licensing: 550, punishment: 4119, enforcement: 195, feesAmountWanYuan: '7730.28' },
  },
  'hongze-2024': {
    body: '淮安市洪泽区人民政府',
    year: 2024,
    rows: {
      newReceived: natural(95), carriedOver: Z, disclosed: natural(50), partiallyDisclosed: natural(9),
      withheld1: Z, withheld2: Z, withheld3: natural(1), withheld4: Z, withheld5: Z,
      withheld6: natural(1), withheld7: natural(1), withheld8: Z,
      unable1: natural(31), unable2: natural(1), unable3: Z,
      notProcessed1: natural(1), notProcessed2: Z, notProcessed3: Z, notProcessed4: Z, notProcessed5: Z,
      otherHandling1: N, otherHandling2: N, otherHandling3: N,
      total: natural(95), carriedForward: Z, otherHandling: Z,
    },
    review: { review: [1, 1, 0, 0, 2], litigationDirect: [1, 0, 0, 0, 1], litigationAfterReview: [2, 0, 1, 0, 3] },
    proactive: { rules: [0, 0, 0], normativeDocuments: [3, 0, 8], licensing: 9487, punishment: 2776, enforcement: 84, feesAmountWanYuan: '7545' },
  },
  'shilong-2022': {
    body: '石龙区人民政府',
    year: 2022,
    rows: {
      newReceived: N, carriedOver: N, disclosed: natural(5), partiallyDisclosed: Z,
      withheld1: Z, withheld2: Z, withheld3: Z, withheld4: Z, withheld5: Z, withheld6: Z, withheld7: Z, withheld8: Z,
      unable1: natural(2), unable2: Z, unable3: Z,
      notProcessed1: natural(1), notProcessed2: Z, notProcessed3: Z, notProcessed4: Z, notProcessed5: Z,
      otherHandling1: Z, otherHandling2: Z, otherHandling3: natural(1),
      total: natural(9), carriedForward: Z,
    },
    review: { review: [1, 0, 0, 0, 1], litigationDirect: [0, 0, 0, 0, 0], litigationAfterReview: [1, 0, 0, 0, 1] },
    proactive: null,
  },
} as const;

for (const [name, expected] of Object.entries(EXPECTED)) {
  for (const [layout, transform] of [
    ['the whole report on one line, cells run together', oneLine],
    ['one cell per line', cellPerLine],
  ] as const) {
    describe(`${name}: ${layout}`, () => {
      const r = read(transform(published(name)));

      it('reads body, year and every cell of section 三', () => {
        assert.equal(r.body.name, expected.body);
        assert.equal(r.year, expected.year);
        assert.deepEqual(r.applications.rows, expected.rows);
      });

      it('reads section 二 and section 四 as printed', () => {
        if (expected.proactive) assert.deepEqual(r.proactive, expected.proactive);
        if (name === 'hongze-2023' && transform === oneLine) {
          // Its printed 四 totals are wrong (0), so no cutting of the run-together digits adds up:
          // nothing is guessed and the printed digits are quoted.
          assert.deepEqual(r.reviewLitigation.review, [null, null, null, null, null]);
          const f = r.findings.find((x) => x.code === 'reportcheck.digits_undecodable');
          assert.equal(f?.details?.printed, '1010000000050000');
        } else assert.deepEqual(r.reviewLitigation, expected.review);
      });

      it('raises no table finding the printed layout does not raise', () => {
        const asPrinted = new Set(codes(read(published(name))));
        const extra = r.findings.filter((f) => f.severity !== 'info' && !asPrinted.has(f.code)).map((f) => f.code);
        assert.deepEqual(extra.filter((c) => c !== 'reportcheck.digits_undecodable'), []);
      });
    });
  }
}

/**
 * The 石龙区 2022 figures (2021 layout, （六） in three items) printed as a table whose labels wrap
 * every few characters, with page numbers and the running header between lines. Its published
 * text lost the 一/二 rows; they are given here as its narrative states them (9 received, none
 * carried over), so that the table is whole.
 */
const SHILONG: Record<ApplicationRowKey, number[]> = {
  ...(EXPECTED['shilong-2022'].rows as unknown as Record<ApplicationRowKey, number[]>),
  newReceived: natural(9),
  carriedOver: Z,
};

function wrappedTable(numbering: '1.' | '1、' | '（1）', every: number): string {
  const out = ['石龙区人民政府2022年政府信息公开工作年度报告', '三、收到和处理政府信息公开申请情况', '自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计'];
  let group = '';
  APPLICATION_ROWS.forEach((row, i) => {
    if ('group' in row && row.group !== group) {
      group = row.group;
      out.push(group);
    }
    const label = row.label.replace(/^(\d)\./, (_, n: string) => numbering.replace('1', n));
    const chars = [...label];
    for (let k = 0; k < chars.length; k += every) out.push(chars.slice(k, k + every).join(''));
    out.push(SHILONG[row.key].join('   '));
    if (i === 9) out.push('', '- 2 -', '石龙区人民政府2022年政府信息公开工作年度报告', '');
    if (i === 19) out.push('第 3 页 共 5 页');
  });
  out.push('四、政府信息公开行政复议、行政诉讼情况');
  return out.join('\n');
}

describe('石龙区 figures with wrapped labels, page furniture and other numbering', () => {
  for (const numbering of ['1.', '1、', '（1）'] as const) {
    for (const every of [3, 5]) {
      it(`reads every cell with items numbered ${numbering} and labels wrapped every ${every} characters`, () => {
        const r = read(wrappedTable(numbering, every));
        assert.deepEqual(r.applications.rows, SHILONG);
        assert.ok(!r.findings.some((f) => f.code === 'reportcheck.table3_row_missing' || f.code === 'reportcheck.row_unreadable'));
      });
    }
  }

  it('reads the same table run into one line with “（1）” numbering', () => {
    const r = read(oneLine(wrappedTable('（1）', 4)));
    assert.deepEqual(r.applications.rows, SHILONG);
    assert.ok(codes(r).includes('reportcheck.read_by_label_sequence'));
  });
});

describe('a misprinted section heading in a one-line report', () => {
  it('still ends section 三 at “四、政府信息公开行政法复议、行政诉讼情况” (平潭综合实验区 2022)', () => {
    const rows = APPLICATION_ROWS.map((r) => `${r.label}${r.key === 'newReceived' || r.key === 'disclosed' || r.key === 'total' ? '2000002' : '0000000'}`);
    const text = `某局2022年政府信息公开工作年度报告三、收到和处理政府信息公开申请情况${rows.join('')} 四、政府信息公开行政法复议、行政诉讼情况行政复议 行政诉讼 0 1 1 0 2 1 0 0 0 1 0 0 0 0 0 五、存在的主要问题及改进情况无`;
    const r = read(text);
    assert.deepEqual(r.applications.rows.carriedForward, [0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(r.reviewLitigation, { review: [0, 1, 1, 0, 2], litigationDirect: [1, 0, 0, 0, 1], litigationAfterReview: [0, 0, 0, 0, 0] });
  });
});

describe('run-together figures in a one-line table', () => {
  it('lists every candidate when neither the row nor the column sums decide', () => {
    // （一） and （二） both print 110000112: 11+1 or 1+11 自然人 fit the total of 12 alike.
    const rows: Record<string, string> = Object.fromEntries(APPLICATION_ROWS.map((r) => [r.key, '0000000']));
    Object.assign(rows, { newReceived: '12 10 0 0 0 2 24', disclosed: '110000112', partiallyDisclosed: '110000112', total: '12 10 0 0 0 2 24' });
    const text = `某局2023年政府信息公开工作年度报告三、收到和处理政府信息公开申请情况${APPLICATION_ROWS.map((r) => `${r.label}${rows[r.key]}`).join('')}四、政府信息公开行政复议、行政诉讼情况`;
    const r = read(text);
    assert.deepEqual(r.applications.rows.newReceived, [12, 10, 0, 0, 0, 2, 24]);
    assert.deepEqual(r.applications.rows.disclosed, N);
    const found = r.findings.filter((f) => f.code === 'reportcheck.digits_ambiguous');
    assert.deepEqual(
      found.map((f) => [f.location?.row, f.details?.candidates]),
      [
        ['disclosed', [[1, 10, 0, 0, 0, 1, 12], [11, 0, 0, 0, 0, 1, 12]]],
        ['partiallyDisclosed', [[1, 10, 0, 0, 0, 1, 12], [11, 0, 0, 0, 0, 1, 12]]],
      ],
    );
  });
});

describe('a figure before the 年 of a label printed down the column', () => {
  it('keeps the figure and still drops a year', () => {
    // 淮安市 2024 (corpus/js-huaian-2024.pdf) prints “三、本年度办理结果” one character a line, so the
    // 年 stands on the line after a row whose total is 31.
    const lines = textToLines('本  2.其他法律行政法规禁止公开  30  1  0  0  0  0  31\n年\n3.危及“三安全一稳定”  5\n2023年 2024 年');
    const stream = streamOf(lines);
    assert.deepEqual(figuresIn(stream, 0, stream.text.length).map((f) => f.text), ['2', '30', '1', '0', '0', '0', '0', '31', '3', '5']);
  });
});
