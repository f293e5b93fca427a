/**
 * Saved web pages as a portal serves them: site header, menus and scripts around the article,
 * the title and date in the page's metadata, and the section 三 table as Word's HTML export writes
 * it (a layout table around it, mso- styles, every cell's text split into <p> and <span>s, a label
 * cut in two). The figures are those of the published 洪泽区 2023 report (fixtures/hongze-2023.txt).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { APPLICATION_ROWS } from '../report/report.model.ts';
import { readReportFile } from './reportcheck.file.ts';
import { cleanBody, findTitle } from './reportcheck.sections.ts';
import { textToLines } from './reportcheck.text.ts';

const hongze = readFileSync(new URL('./fixtures/hongze-2023.txt', import.meta.url), 'utf8');

/** One cell as Word exports it: text in a paragraph, split over spans with mso- styles. */
function wordCell(text: string, attrs = ''): string {
  const half = Math.ceil(text.length / 2);
  return `<td ${attrs} style='border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'>
<p class=MsoNormal align=center style='text-align:center;mso-pagination:widow-orphan'><span style='font-size:10.5pt;font-family:宋体;mso-bidi-font-family:宋体'>${text.slice(0, half)}</span><span
lang=EN-US style='font-size:10.5pt;mso-fareast-font-family:宋体'>${text.slice(half)}<o:p></o:p></span></p></td>`;
}

async function savedPage(rows: Record<string, (number | null)[]>): Promise<string> {
  const body = APPLICATION_ROWS.map((row) => {
    const label = row.key === 'otherHandling1' ? '（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请' : row.label;
    return `<tr style='mso-yfti-irow:1;height:20.0pt'>${wordCell(label, 'colspan=3')}${(rows[row.key] ?? []).map((v) => wordCell(String(v ?? 0))).join('')}</tr>`;
  }).join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
<title>洪泽区人民政府2023年政府信息公开工作年度报告_淮安市洪泽区人民政府</title>
<meta name="SiteName" content="淮安市洪泽区人民政府">
<meta name="ArticleTitle" content="洪泽区人民政府2023年政府信息公开工作年度报告">
<meta name="PubDate" content="2024-01-30 16:21">
<meta name="ContentSource" content="洪泽区人民政府办公室">
<script>var menu = ['首页', '政务公开', '一、总体情况'];</script></head>
<body><div class="header"><h1>淮安市洪泽区人民政府</h1><nav><ul><li>首页</li><li>政务公开</li><li>政府信息公开年报</li></ul></nav></div>
<table width="100%"><tr><td class="left"><ul><li>2022年政府信息公开工作年度报告</li></ul></td><td class="main">
<div class="article-title">洪泽区人民政府2023年政府信息公开工作年度报告</div>
<div class="info">来源：区政府办 发布时间：2024-01-30</div>
<p>三、收到和处理政府信息公开申请情况</p>
<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;mso-table-layout-alt:fixed;mso-yfti-tbllook:1184'>
<tr>${wordCell('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 'colspan=3 rowspan=2')}${wordCell('申请人情况', 'colspan=7')}</tr>
<tr>${['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'].map((c) => wordCell(c)).join('')}</tr>
${body}
</table>
<p>四、政府信息公开行政复议、行政诉讼情况</p>
</td></tr></table>
<div class="footer">主办：淮安市洪泽区人民政府办公室 <script>document.write('访问量')</script></div></body></html>`;
}

describe('a saved portal page', () => {
  it('reads title, year, body and date from the page, and every cell of a Word-exported table', async () => {
    const text = await readReportFile({ name: 'hongze-2023.txt', bytes: new TextEncoder().encode(hongze) });
    const rows = { ...text.applications.rows, otherHandling1: [0, 0, 0, 0, 0, 0, 0], otherHandling2: [0, 0, 0, 0, 0, 0, 0], otherHandling3: [0, 0, 0, 0, 0, 0, 0] };
    delete (rows as Record<string, unknown>).otherHandling;
    const page = await readReportFile({ name: '洪泽区年报.html', bytes: new TextEncoder().encode(await savedPage(rows)) });
    assert.deepEqual([page.inputKind, page.body.name, page.year, page.publishedOn], ['html', '洪泽区人民政府', 2023, '2024-01-30']);
    assert.deepEqual(page.applications.rows, rows);
    const codes = page.findings.map((f) => f.code);
    for (const code of ['reportcheck.year_missing', 'reportcheck.body_missing', 'reportcheck.row_unreadable', 'reportcheck.table3_row_missing']) {
      assert.ok(!codes.includes(code), code);
    }
  });

  it('takes year and body from the metadata when the article prints no title', async () => {
    const html = (await savedPage({})).replace(/<div class="article-title">[^<]*<\/div>/, '').replace('洪泽区人民政府2023年政府信息公开工作年度报告">', '关于2023年度政府信息公开情况的报告">');
    const r = await readReportFile({ name: 'page.html', bytes: new TextEncoder().encode(html) });
    assert.deepEqual([r.year, r.body.name], [2023, '洪泽区人民政府']); // year from ArticleTitle, body from <title>
  });
});

describe('titles in their published forms', () => {
  const title = (...lines: string[]) => findTitle(textToLines(lines.join('\n')));

  it('reads year and body', () => {
    assert.deepEqual(title('关于2022年度政府信息公开情况的报告'), { body: null, year: 2022, line: 1 });
    assert.deepEqual(title('淮安市洪泽区人民政府', '关于2022年度政府信息公开情况的报告'), { body: '淮安市洪泽区人民政府', year: 2022, line: 2 });
    // 上海市科委 2024, as PDF text breaks its title.
    assert.deepEqual(title('正文', '2024 年上海市科委政府信息公开工作', '年度报告', '根据《中华人民共和国政府信息公开条例》'), { body: '上海市科委', year: 2024, line: 2 });
    assert.equal(title('标题:平潭综合实验区2022年政府信息公开工作年度报告').body, '平潭综合实验区');
    assert.equal(title('某市教育局2022年度政府信息公开工作年度报告').body, '某市教育局');
    assert.equal(title('某县人民政府关于2021年度政府信息公开工作情况的报告').body, '某县人民政府');
  });

  it('prefers the title line to a sentence naming the report, and cleans a sentence', () => {
    const r = title('根据条例规定，现公布泰州市人民政府2017年政府信息公开工作年度报告。报告所列数据的统计期限自2017年1月1日起至12月31日止，电子版可在门户网站下载。', '泰州市人民政府2017年政府信息公开工作年度报告');
    assert.deepEqual([r.body, r.year, r.line], ['泰州市人民政府', 2017, 2]);
    assert.equal(cleanBody('根据条例规定，现公布泰州市人民政府'), '泰州市人民政府');
    assert.equal(cleanBody('本报告由区政府办公室根据条例要求编制的'), null);
    // A page's breadcrumb copied with the title (平潭综合实验区 2021).
    assert.equal(cleanBody('当前位置：首页政务公开政府信息公开政府信息公开年报平潭综合实验区'), '平潭综合实验区');
  });
});
