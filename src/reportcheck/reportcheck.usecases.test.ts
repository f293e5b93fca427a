import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { AppError } from '../shared/app-error.ts';
import { checkReports, renderSummary, summaryGrids } from './reportcheck.usecases.ts';
import { aggregateGrid, summaryGrid, yearsGrid } from './reportcheck.batch.ts';
import { gridsToHtml, gridToCsv } from './reportcheck.export.ts';

const fixture = (name: string) => ({ name, bytes: readFileSync(new URL(`./fixtures/${name}`, import.meta.url)) });
const FILES = ['shilong-2022.txt', 'hongze-2023.txt', 'hongze-2024.txt', 'sample-county-bureau-2023.html'];

describe('checkReports', () => {
  it('reads a batch of text and HTML files and counts errors', async () => {
    const result = await checkReports({ files: FILES.map(fixture) });
    assert.deepEqual(
      result.reports.map((r) => [r.source, r.inputKind, r.body.name, r.year]),
      [
        ['shilong-2022.txt', 'text', '石龙区人民政府', 2022],
        ['hongze-2023.txt', 'text', '洪泽区人民政府', 2023],
        ['hongze-2024.txt', 'text', '淮安市洪泽区人民政府', 2024],
        ['sample-county-bureau-2023.html', 'html', '某县交通运输局', 2023],
      ],
    );
    // 石龙区: 6 section 二 rows + 2 section 三 rows missing; 洪泽区 2023: two wrong section 四 totals.
    assert.equal(result.errorCount, 8 + 2);
  });

  it('compares consecutive years of one body even when its name carries the city', async () => {
    const tampered = readFileSync(new URL('./fixtures/hongze-2024.txt', import.meta.url), 'utf8').replace(
      '二、上年结转政府信息公开申请数量                              0    0         0     0   0   0     0',
      '二、上年结转政府信息公开申请数量                              2    0         0     0   0   0     2',
    );
    assert.notEqual(tampered, readFileSync(new URL('./fixtures/hongze-2024.txt', import.meta.url), 'utf8'));
    const result = await checkReports({
      files: [fixture('hongze-2023.txt'), { name: 'hongze-2024.txt', bytes: new TextEncoder().encode(tampered) }],
    });
    const f = result.reports[1].findings.filter((x) => x.code === 'report.carried_over_mismatch');
    assert.deepEqual(f.map((x) => [x.location?.column, x.severity]), [
      ['自然人', 'warning'],
      ['总计', 'warning'],
    ]);
  });

  it('uses a publication date given from outside and applies the government deadline', async () => {
    const result = await checkReports({ files: [{ ...fixture('hongze-2024.txt'), publishedOn: '2025-04-02' }] });
    const late = result.reports[0].findings.find((f) => f.code === 'report.published_late');
    assert.equal(late?.details?.deadline, '2025-03-31');
  });

  it('reports a damaged Word file as unreadable without stopping the batch', async () => {
    const result = await checkReports({ files: [{ name: 'broken.docx', bytes: new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]) }, fixture('hongze-2024.txt')] });
    assert.equal(result.reports[0].findings[0].code, 'reportcheck.file_unreadable');
    assert.equal(result.reports[1].year, 2024);
  });

  it('refuses an empty batch with a Chinese error', async () => {
    await assert.rejects(checkReports({ files: [] }), (e: unknown) => e instanceof AppError && e.code === 'reportcheck.no_files');
  });
});

describe('batch summaries', () => {
  it('lists bodies × findings, aggregates bodies and sets one body’s years side by side', async () => {
    const { reports } = await checkReports({ files: FILES.map(fixture) });
    const summary = summaryGrid(reports);
    const hongze2023 = summary.rows[1];
    assert.deepEqual(summary.header.slice(0, 10), ['文件或网址', '机关', '层级', '年度', '发布日期', '三四部分读出单元格', '三四部分单元格', '错误', '警告', '提示']);
    assert.deepEqual(hongze2023.slice(0, 4), ['hongze-2023.txt', '洪泽区人民政府', '人民政府', 2023]);
    assert.deepEqual(hongze2023.slice(7, 10), [2, 1, 1]);
    // Sections 三 (23 rows × 7, （六） printed as one row) and 四 (3 × 5) all read; 石龙区 lost two rows of 三.
    assert.deepEqual(hongze2023.slice(5, 7), [176, 176]);
    assert.deepEqual(summary.rows[0].slice(5, 7), [176, 190]);
    assert.equal(hongze2023[summary.header.indexOf('report.review_total_mismatch')], 2);

    const both = aggregateGrid(reports.slice(1, 3));
    const received = both.rows.find((r) => String(r[0]).includes('本年新收'))!;
    assert.deepEqual(received.slice(1), [21, 95, 116]);
    const withShilong = aggregateGrid(reports.slice(0, 2));
    // 石龙区 lost its 一 row: the sum is unknown, not 21.
    assert.equal(withShilong.rows.find((r) => String(r[0]).includes('本年新收'))!.at(-1), null);

    const years = yearsGrid(reports.slice(1, 3));
    assert.deepEqual(years.header, ['项目', '2023', '2024', '2024较2023增减']);
    assert.deepEqual(years.rows.find((r) => String(r[0]).includes('行政许可')), ['二 行政许可', 550, 9487, 8937]);
  });

  it('writes CSV with quoting and formula neutralised, HTML escaped, XLSX readable', async () => {
    const grid = { title: 't', header: ['a', 'b'], rows: [['=1+1', 'x,"y"'], [null, 3]] };
    assert.equal(gridToCsv(grid), '\uFEFFa,b\r\n\'=1+1,"x,""y"""\r\n,3\r\n');
    assert.ok(gridsToHtml('<汇总>', [{ ...grid, title: '<b>' }]).includes('<h1>&lt;汇总&gt;</h1>'));

    const { reports } = await checkReports({ files: FILES.map(fixture) });
    const xlsx = await renderSummary(reports, 'xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx) as unknown as ArrayBuffer);
    assert.deepEqual(book.worksheets.map((s) => s.name), summaryGrids(reports).map((g) => g.title.slice(0, 28)));
    assert.equal(book.worksheets[0].getRow(3).getCell(2).value, '洪泽区人民政府');
  });
});
