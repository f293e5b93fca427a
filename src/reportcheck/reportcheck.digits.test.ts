import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { APPLICATION_ROWS } from '../report/report.model.ts';
import { decodeRunTogether, reviewGroupsHold, rowTotalHolds } from './reportcheck.digits.ts';
import { textToLines } from './reportcheck.text.ts';
import { readTable3 } from './reportcheck.table3.ts';
import { readTable4 } from './reportcheck.table4.ts';

/** A whole section 三 in space-aligned text; `printed` replaces the figures of some rows. */
function table3Text(printed: Record<string, string>): string {
  return APPLICATION_ROWS.map((row) => {
    const group = 'group' in row && row.label.startsWith('1.') ? `${row.group} ` : '';
    return `${group}${row.label}   ${printed[row.key] ?? '0 0 0 0 0 0 0'}`;
  }).join('\n');
}

describe('decodeRunTogether', () => {
  it('decodes 640020470 as 64,0,0,2,0,4,70, the only cutting whose six columns sum to the last', () => {
    // Each 0 stands alone, so the cuts left are 6|4 or 64, and 4|70, 47|0 or 4|7|0:
    // 64+0+0+2+0+4 = 70 is the one that fits (6+4+0+0+2+0 = 12 would need the total 470).
    assert.deepEqual(decodeRunTogether(['640020470'], 7, rowTotalHolds), [[64, 0, 0, 2, 0, 4, 70]]);
  });

  it('returns every cutting that fits when there are several', () => {
    // 110000112: 1,10,0,0,0,1 → 12 and 11,0,0,0,0,1 → 12 both fit the row rule.
    assert.deepEqual(decodeRunTogether(['110000112'], 7, rowTotalHolds), [
      [1, 10, 0, 0, 0, 1, 12],
      [11, 0, 0, 0, 0, 1, 12],
    ]);
    assert.deepEqual(decodeRunTogether(['11000002'], 7, rowTotalHolds), []); // nothing sums
  });

  it('never lets a zero lead a figure and keeps printed spaces as boundaries', () => {
    assert.deepEqual(decodeRunTogether(['05'], 2, () => true), [[0, 5]]);
    assert.deepEqual(decodeRunTogether(['12', '3'], 2, () => true), [[12, 3]]);
  });

  it('decodes the section 四 row with the group rule', () => {
    assert.deepEqual(decodeRunTogether(['101020000000000'], 15, reviewGroupsHold), [[1, 0, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]]);
    const t = readTable4(textToLines('101020000000000'));
    assert.deepEqual(t.table.review, [1, 0, 1, 0, 2]);
    assert.deepEqual(t.table.litigationAfterReview, [0, 0, 0, 0, 0]);
  });
});

describe('run-together digits in section 三', () => {
  it('reads a row with one decoding and says so', () => {
    const t = readTable3(textToLines('（一）予以公开 640020470'));
    assert.deepEqual(t.rows.disclosed, [64, 0, 0, 2, 0, 4, 70]);
    assert.ok(t.findings.some((f) => f.code === 'reportcheck.digits_decoded'));
  });

  it('reports every candidate and chooses none when the column rules cannot decide', () => {
    const t = readTable3(textToLines('（一）予以公开 110000112'));
    assert.deepEqual(t.rows.disclosed, [null, null, null, null, null, null, null]);
    const f = t.findings.find((x) => x.code === 'reportcheck.digits_ambiguous');
    assert.deepEqual(f?.details?.candidates, [
      [1, 10, 0, 0, 0, 1, 12],
      [11, 0, 0, 0, 0, 1, 12],
    ]);
  });

  it('takes the one decoding the column rules allow, and says so', () => {
    // 自然人: 一 11 + 二 0 = （七） 11 + 四 0, and （七） = （一） alone, so （一）自然人 must be 11:
    // [11,0,0,0,0,1,12] fits, [1,10,0,0,0,1,12] does not (it would leave 商业企业 at 10 ≠ 0).
    const text = table3Text({
      newReceived: '11 0 0 0 0 1 12',
      disclosed: '110000112',
      total: '11 0 0 0 0 1 12',
    });
    const t = readTable3(textToLines(text));
    assert.deepEqual(t.rows.disclosed, [11, 0, 0, 0, 0, 1, 12]);
    const f = t.findings.find((x) => x.code === 'reportcheck.digits_resolved');
    assert.deepEqual(f?.details?.chosen, [11, 0, 0, 0, 0, 1, 12]);
    assert.ok(!t.findings.some((x) => x.code === 'reportcheck.digits_ambiguous'));
    assert.ok(!t.findings.some((x) => x.code === 'reportcheck.table3_row_missing'));
  });
});
