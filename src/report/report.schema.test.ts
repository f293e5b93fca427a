import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderReportJson } from '../render/json/report-json.ts';
import { shilong2022 } from './fixtures/shilong-2022.ts';
import { annualReportJsonSchema, checkAgainstSchema } from './report.schema.ts';

// The feed as a consumer parses it: plain JSON, free to be mutated into invalid shapes.
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const feed = (): Json => JSON.parse(renderReportJson(shilong2022));

describe('annual report JSON schema', () => {
  it('accepts the shilong 2022 report as published in the open-data feed', () => {
    assert.deepEqual(checkAgainstSchema(feed()), []);
    assert.deepEqual(checkAgainstSchema(shilong2022), []);
  });

  it('keeps missing figures as null and accepts them', () => {
    const data = feed();
    assert.equal(data.proactive.licensing, null);
    assert.deepEqual(data.proactive.rules, [null, null, null]);
  });

  it('rejects what would corrupt the figures', () => {
    const cases: [string, (d: Json) => void, RegExp][] = [
      ['a figure as text', (d) => (d.applications.rows.total[0] = '9'), /\$\.applications\.rows\.total\[0\]: expected integer or null, got string/],
      ['a negative figure', (d) => (d.reviewLitigation.review[0] = -1), /review\[0\]: below 0/],
      ['a fractional count', (d) => (d.proactive.licensing = 1.5), /licensing: expected integer or null, got number/],
      ['a missing row', (d) => delete d.applications.rows.unable2, /rows: missing unable2/],
      ['a short row', (d) => d.applications.rows.disclosed.pop(), /disclosed: fewer than 7 items/],
      ['an unknown key', (d) => (d.extra = 1), /\$: unexpected extra/],
      ['another schema version', (d) => (d.schemaVersion = 2), /schemaVersion: must be 1/],
      ['a float amount', (d) => (d.proactive.feesAmountWanYuan = '1e3'), /feesAmountWanYuan: does not match/],
      ['seven decimals', (d) => (d.proactive.feesAmountWanYuan = '1.1234567'), /feesAmountWanYuan: does not match/],
      ['a bad section number', (d) => (d.narrative[0].number = '七'), /narrative\[0\]\.number: must be one of/],
    ];
    for (const [name, mutate, expected] of cases) {
      const d = feed();
      mutate(d);
      const errors = checkAgainstSchema(d);
      assert.equal(errors.length, 1, `${name}: ${errors.join('; ')}`);
      assert.match(errors[0], expected, name);
    }
  });

  it('accepts exact decimal 万元 amounts and the 2019 single 其他处理 row', () => {
    const d = feed();
    d.proactive.feesAmountWanYuan = '24252.311082';
    d.applications.rows.otherHandling = [0, 0, 0, 0, 0, 0, 0];
    d.format = '2019';
    assert.deepEqual(checkAgainstSchema(d), []);
  });

  it('documents every field it declares', () => {
    const props = annualReportJsonSchema.properties as Record<string, { description?: string }>;
    for (const key of ['proactive', 'applications', 'reviewLitigation', 'fees', 'year']) assert.ok(props[key].description, key);
  });
});
