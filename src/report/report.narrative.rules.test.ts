import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { countsWithoutNumber } from './report.narrative.rules.ts';
import { shilong2022 } from './fixtures/shilong-2022.ts';
import { defaultNarrative, htmlParagraphs } from './report.narrative.ts';

const fixture = (name: string) => readFileSync(new URL(`../reportcheck/fixtures/${name}`, import.meta.url), 'utf8');
const phrases = (text: string) => countsWithoutNumber(text).map((c) => c.phrase);

describe('a count written without its number', () => {
  it('finds the measure word with nothing to count in front of it', () => {
    for (const [text, expected] of [
      // The sentence that was published (issue: "9(二)…受理政府信息公开申请件").
      ['2022年，全区共受理政府信息公开申请件，均在法定期限内予以答复。', ['全区共受理政府信息公开申请件']],
      ['（二）依申请公开情况。共受理政府信息公开申请件', ['共受理政府信息公开申请件']],
      ['全年发布政府信息条，其中政策文件个，公告公示个。', ['全年发布政府信息条', '其中政策文件个', '公告公示个']],
      ['开展培训次；培训干部人次。', ['开展培训次', '培训干部人次']],
      ['收取信息处理费元。拨付专项资金万元。', ['收取信息处理费元', '拨付专项资金万元']],
      ['发布政府信息余条。', ['发布政府信息余条']],
      ['印发宣传资料份，办理建议提案项，发布解读篇。', ['印发宣传资料份', '办理建议提案项', '发布解读篇']],
      ['处理2021年行政复议件', ['处理2021年行政复议件']],
      ['受理申请 件。', ['受理申请件']],
    ] as const) {
      assert.deepEqual(phrases(text), expected, text);
    }
  });

  it('passes numbers, placeholders and the words that count without a number', () => {
    for (const text of [
      '全年通过区政府门户网站发布政府信息2400余条，其中，各类政策文件50个，公告公示64个。',
      '共受理政府信息公开申请{{本年新收申请}}件，办结{{ 办结申请 }}件。',
      '受理申请９件；办理十二件；培训三百人次；收费1.5万元；信息处理费0元。',
      '开展培训百余次，发放资料数千份，全年多次检查，每季度逐项核对各项、若干件。',
      '首次公开；本次、该次与此次；全篇。',
      '受理申请 9 件。',
    ]) {
      assert.deepEqual(countsWithoutNumber(text), [], text);
    }
  });

  it('does not take a word that ends or begins with a measure word for a count', () => {
    for (const text of [
      '全面贯彻落实《条例》，依据《条例》第十条、第二十条第（五）项规定。',
      '本年制发件数、本年废止件数、现行有效件数与条例条款。',
      '多公布与民生相关的规范性文件、重大决策等。处理行政复议案件。',
      '邮件、附件、证件、扫描件与纸质件；按件或按量计收。取得立项批件，加快办件。',
      '设立奖项；依照前条，执行这条。',
      '今日头条，链条。其次，依次，层次。',
      '重点事项、专项、款项；身份、省份、月份。',
      '金额（单位：万元）；第二十条第（八）项',
      '抖音、微博与“石龙发布”个人账号。',
    ]) {
      assert.deepEqual(countsWithoutNumber(text), [], text);
    }
  });

  it('passes the whole real Shilong 2022 report and the real Hongze reports, every line, and the starting narrative', () => {
    for (const s of shilong2022.narrative) {
      for (const line of s.text.split('\n')) assert.deepEqual(countsWithoutNumber(line), [], line);
    }
    for (const name of ['shilong-2022.txt', 'hongze-2023.txt', 'hongze-2024.txt']) {
      for (const line of fixture(name).split(/\r?\n/)) assert.deepEqual(countsWithoutNumber(line.trim()), [], `${name}: ${line}`);
    }
    for (const part of Object.values(defaultNarrative())) {
      for (const p of htmlParagraphs(part)) assert.deepEqual(countsWithoutNumber(p), [], p);
    }
  });
});
