import { it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph } from 'docx';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { importItems, readTable } from './import.usecases.ts';
import { parseCsv } from './import.rules.ts';
import { searchItems } from './search.repository.ts';
import { optimizeSearchIndex, reindexAll, progressBar } from './search.reindex.ts';

const HEADER = '标题,发布单位代码,栏目代码,类别,文号,成文日期,发布日期,主题分类,有效性,废止日期,正文,附件';

describeOnBothDatabases('import of an existing site and reindex', (t) => {
  let a: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'gk-import-'));
  it('reports every bad row and imports nothing', async () => {
    a = await createTestApp(t());
    const before = await a.deps.db.selectFrom('publishing_items').select('id').execute();
    const csv = [HEADER,
      '石龙区教育局关于2021年秋季学期招生工作的通知,shilong-jyj,,其他政策文件,石教〔2021〕8号,2021-07-01,2021-07-05,科技、教育,,,"<p>招生范围：人民路学区</p>",',
      '错误类别,shilong-jyj,,新闻,,,2021-07-05,,,,,',
      '缺少附件,shilong-jyj,,公告公示,,,2021-07-05,,,,,不存在.pdf',
      '未知单位,nowhere,,公告公示,,,2021-07-05,,,,,',
      '不存在的日期,shilong-jyj,,公告公示,,,2021-13-01,,,,,',
    ].join('\n');
    const r = await importItems({ table: parseCsv(csv), attachmentsDir: dir, deps: a.deps });
    assert.equal(r.imported, 0);
    assert.deepEqual(r.errors.map((e) => e.line), [3, 4, 5, 6]);
    assert.match(r.errors[3].message, /发布日期应为 YYYY-MM-DD/);
    assert.match(r.errors[0].message, /类别“新闻”无效/);
    const after = await a.deps.db.selectFrom('publishing_items').select('id').execute();
    assert.equal(after.length, before.length);
  });

  it('checks a column code against the default tree for a unit that has no columns yet', async () => {
    await a.deps.db.insertInto('organizations').values({ code: 'shilong-new', name: '石龙区新设单位', parent_id: null, kind: 'department', is_body: 1, disabled: 0, created_at: '2026-03-01T00:00:00Z' }).execute();
    const csv = [HEADER,
      '新设单位的通知,shilong-new,no-such-column,公告公示,,,2026-03-01,,,,,',
      '新设单位的公告,shilong-new,gsgg,公告公示,,,2026-03-01,,,,,',
    ].join('\n');
    const r = await importItems({ table: parseCsv(csv), attachmentsDir: dir, deps: a.deps });
    assert.equal(r.imported, 0);
    assert.deepEqual(r.errors, [{ line: 2, message: '栏目代码“no-such-column”在该单位不存在' }]);
  });

  it('imports CSV rows with Word attachments in one go, searchable at once, and from XLSX', async () => {
    writeFileSync(join(dir, '招生简章.docx'), await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('学区划分：滨河社区')] }] })));
    const csv = [HEADER,
      '"石龙区教育局关于2021年秋季学期招生工作的通知",shilong-jyj,,其他政策文件,石教〔2021〕8号,2021-07-01,2021-07-05,科技、教育,,,"<p>招生范围：人民路学区，""就近入学""</p>",招生简章.docx',
      '石龙区教育局关于废止部分规范性文件的决定,shilong-jyj,,行政规范性文件,石教〔2019〕2号,2019-03-01,2019-03-05,科技、教育,已废止,2021-12-31,,',
    ].join('\r\n');
    const progress: string[] = [];
    const r = await importItems({ table: parseCsv(csv), attachmentsDir: dir, deps: a.deps, onProgress: (d, n) => progress.push(`${d}/${n}`) });
    assert.deepEqual(r, { imported: 2, errors: [] });
    assert.deepEqual(progress, ['2/2']);
    assert.equal((await searchItems(a.deps.db, { q: '滨河社区' })).total, 1);
    assert.equal((await searchItems(a.deps.db, { q: '"就近入学"' })).total, 1);
    const abolished = await a.deps.db.selectFrom('publishing_items').select(['validity', 'abolished_date', 'index_no']).where('doc_number', '=', '石教〔2019〕2号').executeTakeFirstOrThrow();
    assert.equal(abolished.validity, 'abolished');
    assert.match(abolished.index_no, /\/2019-00001$/);

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('信息');
    ws.addRow(['标题', '发布单位代码', '类别', '发布日期']);
    ws.addRow(['石龙区2021年中考体育考试安排公告', 'shilong-jyj', '公告公示', new Date('2021-04-01T00:00:00Z')]);
    const xlsx = join(dir, 'items.xlsx');
    await wb.xlsx.writeFile(xlsx);
    const table = await readTable(xlsx);
    assert.equal(table[1][3], '2021-04-01');
    assert.equal((await importItems({ table, attachmentsDir: null, deps: a.deps })).imported, 1);
  });

  it('rebuilds the index with the same results', async () => {
    const before = await searchItems(a.deps.db, { q: '招生' });
    await a.deps.db.deleteFrom('publishing_search_docs').execute();
    const bars: string[] = [];
    const n = await reindexAll(a.deps.db, (d, total) => bars.push(progressBar(d, total, 10)));
    const published = await a.deps.db.selectFrom('publishing_items').select('id').where('status', '=', 'published').execute();
    assert.equal(n, published.length);
    assert.match(bars.at(-1)!, /\[##########\] 100%/);
    assert.deepEqual((await searchItems(a.deps.db, { q: '招生' })).hits.map((h) => h.id), before.hits.map((h) => h.id));
    // Merging FTS5 segments (SQLite) or VACUUM ANALYZE (PostgreSQL, outside any transaction) changes no result.
    await optimizeSearchIndex(a.deps.db);
    assert.deepEqual((await searchItems(a.deps.db, { q: '招生' })).hits.map((h) => h.id), before.hits.map((h) => h.id));
  });
});
