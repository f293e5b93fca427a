import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { shilong2022 } from '../report/fixtures/shilong-2022.ts';
import { AppError } from '../shared/app-error.ts';
import { chromiumSkipReason } from '../shared/chromium.ts';
import { getRenderer, RENDER_FORMATS, renderReport } from './render.registry.ts';

describe('render registry', () => {
  it('knows the five formats', () => {
    assert.deepEqual([...RENDER_FORMATS], ['html', 'docx', 'pdf', 'json', 'charts']);
    for (const f of RENDER_FORMATS) assert.equal(getRenderer(f).format, f);
  });

  it('refuses an unknown format with a clear 400', () => {
    assert.throws(() => getRenderer('xls'), (e: unknown) => e instanceof AppError && e.code === 'render.unknown_format' && e.status === 400 && /不支持的格式：xls/.test(e.message));
  });

  it('renders html, json, charts and docx with their content types and file names', async () => {
    const page = await renderReport(shilong2022, 'html');
    assert.equal(page.contentType, 'text/html; charset=utf-8');
    assert.match(String(page.body), /^<!DOCTYPE html>/);
    assert.equal(page.fileName, '石龙区人民政府2022年政府信息公开工作年度报告.html');
    assert.equal(page.asciiFileName, 'shilong-2022-annual-report.html');
    assert.match(String((await renderReport(shilong2022, 'html', { fragment: true })).body), /^<article class="gk-report"/);

    const json = await renderReport(shilong2022, 'json');
    assert.equal(JSON.parse(String(json.body)).year, 2022);

    const charts = await renderReport(shilong2022, 'charts');
    assert.match(String(charts.body), /<svg class="chart"/);
    assert.equal(charts.fileName, '石龙区人民政府2022年政府信息公开工作年度报告（图解）.html');

    const docx = await renderReport(shilong2022, 'docx');
    assert.ok(Buffer.isBuffer(docx.body));
    assert.equal((docx.body as Buffer).subarray(0, 2).toString(), 'PK', 'a zip package');
  });

  it('renders pdf', { skip: chromiumSkipReason() }, async () => {
    const pdf = await renderReport(shilong2022, 'pdf');
    assert.equal(pdf.contentType, 'application/pdf');
    assert.equal((pdf.body as Buffer).subarray(0, 5).toString(), '%PDF-');
  });
});
