/**
 * Golden fees worked out by hand from 国办函〔2020〕109号 Arts. 4–5 (超额累进):
 * per item, the n-th item of the month: 1–10 free, 11–30 at 100, 31–40 at 200, 41–50 at 300, …
 * (100 × (1 + ⌈(n − 30)/10⌉)); per page: 1–30 free, 31–100 at 10, 101–200 at 20, 201+ at 40.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { computeFee, perItemFee, perItemTier, perPageFee } from './fees.rules.ts';
import { AppError } from '../shared/app-error.ts';

describe('按件计收 (per item, Art. 4)', () => {
  it('35 items from zero in a month cost 3,000 元 (spec C.3 example)', () => {
    // 1–10: 10 × 0; 11–30: 20 × 100 = 2,000; 31–35: 5 × 200 = 1,000 → 3,000.
    assert.deepEqual(perItemFee(0, 35), {
      method: 'per-item',
      amountYuan: 3000,
      breakdown: [
        { from: 1, to: 10, count: 10, unitYuan: 0, subtotalYuan: 0 },
        { from: 11, to: 30, count: 20, unitYuan: 100, subtotalYuan: 2000 },
        { from: 31, to: 35, count: 5, unitYuan: 200, subtotalYuan: 1000 },
      ],
    });
  });

  const totals: Array<[number, number, number, string]> = [
    [0, 10, 0, '1–10 free'],
    [0, 11, 100, 'the 11th is the first paid item'],
    [0, 30, 2000, '20 × 100'],
    [0, 31, 2200, '2,000 + the 31st at 200'],
    [0, 40, 4000, '2,000 + 10 × 200'],
    [0, 41, 4300, '4,000 + the 41st at 300'],
    [5, 3, 0, 'items 6–8 are still free'],
    [10, 1, 100, 'the 11th item of the month'],
    [30, 1, 200, 'the 31st: 100 × (1 + ⌈1/10⌉) = 200'],
    [39, 2, 500, 'the 40th at 200 and the 41st at 300'],
    [50, 1, 400, 'the 51st: 100 × (1 + ⌈21/10⌉) = 400'],
    [99, 1, 800, 'the 100th: 100 × (1 + ⌈70/10⌉) = 800'],
    [100, 1, 900, 'the 101st: 100 × (1 + ⌈71/10⌉) = 900'],
    [8, 5, 300, 'items 9, 10 free; 11, 12, 13 at 100'],
  ];
  for (const [prior, items, amount, why] of totals) {
    it(`${prior} earlier + ${items} now → ${amount} 元 (${why})`, () => assert.equal(perItemFee(prior, items).amountYuan, amount));
  }

  it('gives each band of ten its own rate', () => {
    assert.deepEqual(perItemTier(40), { from: 31, to: 40, unitYuan: 200 });
    assert.deepEqual(perItemTier(41), { from: 41, to: 50, unitYuan: 300 });
    assert.deepEqual(perItemTier(30), { from: 11, to: 30, unitYuan: 100 });
  });

  it('rejects counts that are not whole numbers in range', () => {
    const bad = (f: () => unknown, text: RegExp) =>
      assert.throws(f, (e: unknown) => e instanceof AppError && e.code === 'applications.invalid_fee_input' && text.test(e.message));
    bad(() => perItemFee(-1, 3), /本月此前已申请件数/);
    bad(() => perItemFee(0, 0), /本次计费件数/);
    bad(() => perItemFee(0, 1.5), /1\.5 不符合/);
    bad(() => perItemFee(99_999, 5), /本月累计件数/);
  });
});

describe('按量计收 (per page, Art. 5)', () => {
  it('150 pages cost 1,700 元 (spec C.3 example)', () => {
    // 1–30 free; 31–100: 70 × 10 = 700; 101–150: 50 × 20 = 1,000 → 1,700.
    assert.deepEqual(perPageFee(150), {
      method: 'per-page',
      amountYuan: 1700,
      breakdown: [
        { from: 1, to: 30, count: 30, unitYuan: 0, subtotalYuan: 0 },
        { from: 31, to: 100, count: 70, unitYuan: 10, subtotalYuan: 700 },
        { from: 101, to: 150, count: 50, unitYuan: 20, subtotalYuan: 1000 },
      ],
    });
  });

  const totals: Array<[number, number, string]> = [
    [1, 0, 'free'],
    [30, 0, 'the free tier ends at 30'],
    [31, 10, 'the 31st page at 10'],
    [100, 700, '70 × 10'],
    [101, 720, '700 + the 101st at 20'],
    [200, 2700, '700 + 100 × 20'],
    [201, 2740, '2,700 + the 201st at 40'],
    [250, 4700, '2,700 + 50 × 40'],
  ];
  for (const [pages, amount, why] of totals) {
    it(`${pages} pages → ${amount} 元 (${why})`, () => assert.equal(perPageFee(pages).amountYuan, amount));
  }

  it('rejects zero pages', () => {
    assert.throws(() => perPageFee(0), (e: unknown) => e instanceof AppError && e.code === 'applications.invalid_fee_input');
  });
});

describe('one method per application (Art. 3)', () => {
  it('dispatches on the one method named', () => {
    assert.equal(computeFee({ method: 'per-item', priorItems: 0, items: 35 }).amountYuan, 3000);
    assert.equal(computeFee({ method: 'per-page', pages: 150 }).amountYuan, 1700);
  });
  it('refuses an input that names no known method', () => {
    assert.throws(
      () => computeFee({ method: 'both' } as never),
      (e: unknown) => e instanceof AppError && e.code === 'applications.fee_method_required' && /只能选择一种计收方式/.test(e.message),
    );
  });
});
