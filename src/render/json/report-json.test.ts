import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { APPLICATION_ROW_KEYS, type AnnualReport } from '../../report/report.model.ts';
import { shilong2022 } from '../../report/fixtures/shilong-2022.ts';
import { renderReportJson } from './report-json.ts';

describe('report JSON (open data)', () => {
  it('round-trips the model exactly', () => {
    assert.deepEqual(JSON.parse(renderReportJson(shilong2022)), JSON.parse(JSON.stringify(shilong2022)));
  });

  it('writes keys in the model order whatever order the object was built in', () => {
    const shuffled = Object.fromEntries(Object.entries(shilong2022).reverse()) as unknown as AnnualReport;
    shuffled.applications = { rows: Object.fromEntries(Object.entries(shilong2022.applications.rows).reverse()), columns: shilong2022.applications.columns } as AnnualReport['applications'];
    const text = renderReportJson(shuffled);
    assert.equal(text, renderReportJson(shilong2022));
    const data = JSON.parse(text);
    assert.deepEqual(Object.keys(data), ['schemaVersion', 'body', 'year', 'format', 'proactive', 'applications', 'reviewLitigation', 'narrative', 'fees', 'publishedOn']);
    assert.deepEqual(Object.keys(data.applications.rows), [...APPLICATION_ROW_KEYS]);
    assert.equal(data.schemaVersion, 1);
    assert.ok(text.endsWith('}\n'));
  });

  it('keeps null figures and leaves out absent optional fields', () => {
    const { format: _f, publishedOn: _p, ...rest } = shilong2022;
    const data = JSON.parse(renderReportJson(rest as AnnualReport));
    assert.equal('format' in data, false);
    assert.equal('publishedOn' in data, false);
    assert.equal(data.proactive.feesAmountWanYuan, null);
  });
});
