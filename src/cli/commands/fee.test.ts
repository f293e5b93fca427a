import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../main.ts';
import { recordingIo } from '../test-io.ts';

const run = async (...args: string[]) => {
  const c = recordingIo();
  const code = await main(['fee', ...args], c.io);
  return { code, ...c };
};


describe('gongkai fee', () => {
  it('prints the per-item fee: 5 earlier items + 30 now = items 6–35 → 20 × 100 + 5 × 200 = 3,000', async () => {
    const r = await run('--per-item', '--prior', '5', '--items', '30');
    assert.equal(r.code, 0);
    const out = r.json() as { method: string; amountYuan: number; breakdown: unknown[] };
    assert.equal(out.method, 'per-item');
    assert.equal(out.amountYuan, 3000);
    assert.deepEqual(out.breakdown[0], { from: 6, to: 10, count: 5, unitYuan: 0, subtotalYuan: 0 });
  });

  it('prints the per-page fee: 201 pages → 70 × 10 + 100 × 20 + 1 × 40 = 2,740', async () => {
    const r = await run('--per-page', '--pages', '201');
    assert.equal(r.code, 0);
    assert.deepEqual(r.json(), {
      method: 'per-page',
      amountYuan: 2740,
      breakdown: [
        { from: 1, to: 30, count: 30, unitYuan: 0, subtotalYuan: 0 },
        { from: 31, to: 100, count: 70, unitYuan: 10, subtotalYuan: 700 },
        { from: 101, to: 200, count: 100, unitYuan: 20, subtotalYuan: 2000 },
        { from: 201, to: 201, count: 1, unitYuan: 40, subtotalYuan: 40 },
      ],
    });
  });

  it('refuses both methods, or neither, with exit 2', async () => {
    for (const args of [['--per-item', '--per-page', '--items', '3', '--pages', '3'], []]) {
      const r = await run(...args);
      assert.equal(r.code, 2);
      assert.match(r.err.join('\n'), /一件申请只能选择一种计收方式/);
    }
  });

  it('refuses options of the other method and counts that are not whole numbers (exit 2)', async () => {
    assert.equal((await run('--per-page', '--pages', '3', '--items', '2')).code, 2);
    assert.equal((await run('--per-item', '--items', '2.5')).code, 2);
    assert.equal((await run('--per-item')).code, 2);
  });

  it('answers a count out of range with exit 1 and the stable code', async () => {
    const r = await run('--per-page', '--pages', '0');
    assert.equal(r.code, 1);
    assert.match(r.err.join('\n'), /applications\.invalid_fee_input/);
  });
});
