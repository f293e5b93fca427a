/**
 * Golden tests of reading the State Council notice (holiday-notice.rules.ts): the real notices for
 * 2025 and 2026 (the texts as published, pasted with their title, 文号 and signature) read into
 * exactly the holidays and 调休 working days of the project's own data (data/cn-holidays.json),
 * pass the form's checks, and leave nothing unread. Cross-year items: the 2019 and 2023 元旦
 * periods began in December and the 2012 元旦 had a working Saturday on 2011-12-31: those days
 * are named in the notes, not put in the year's form. Wrong weekdays and day counts, and lines
 * that are not a notice, are listed back in Chinese.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readHolidayNotice } from './holiday-notice.rules.ts';
import { holidayFormProblems, holidayFormToFile } from './holiday-form.rules.ts';
import { shippedHolidayData } from './shipped-holidays.ts';

const NOTICE_2025 = `国务院办公厅关于2025年部分节假日安排的通知
国办发明电〔2024〕12号

各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
　　经国务院批准，根据新修订的《全国年节及纪念日放假办法》，现将2025年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
　　一、元旦：1月1日（周三）放假1天，不调休。
　　二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
　　三、清明节：4月4日（周五）至6日（周日）放假，共3天。
　　四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
　　五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
　　六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
　　节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作，遇有重大突发事件，要按规定及时报告并妥善处置，确保人民群众祥和平安度过节日假期。

国务院办公厅
2024年11月12日`;

const NOTICE_2026 = `国务院办公厅关于2026年部分节假日安排的通知
国办发明电〔2025〕7号

各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
　　经国务院批准，现将2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
　　一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
　　二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
　　三、清明节：4月4日（周六）至6日（周一）放假，共3天。
　　四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
　　五、端午节：6月19日（周五）至21日（周日）放假，共3天。
　　六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
　　七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
　　节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作，遇有重大突发事件，要按规定及时报告并妥善处置，确保人民群众祥和平安度过节日假期。

国务院办公厅
2025年11月4日`;

describe('reading the State Council holiday notice', () => {
  for (const [year, text] of [[2025, NOTICE_2025], [2026, NOTICE_2026]] as const) {
    it(`reads the ${year} notice into exactly the project's ${year} calendar`, () => {
      const r = readHolidayNotice(text, year);
      assert.deepEqual(r.unparsed, []);
      assert.deepEqual(r.notes, []);
      assert.equal(r.noticeYear, year);
      assert.match(r.source!, new RegExp(`^国务院办公厅关于${year}年部分节假日安排的通知（国办发明电〔\\d{4}〕\\d+号）$`));
      const form = { year, source: r.source!, holidays: r.holidays, workDays: r.workDays };
      assert.deepEqual(holidayFormProblems(form), []);
      assert.deepEqual(holidayFormToFile(form).file.years[String(year)], shippedHolidayData().years[String(year)]);
    });
  }

  it('reads a paste whose lines wrap mid-sentence (copied from a PDF) or that starts at item one', () => {
    const wrapped = NOTICE_2026.replace('至23日（农历正月初七、周一）', '至23日（农历正月\n初七、周一）').replace('9月20日（周日）、', '9月20日\n（周日）、');
    const plain = readHolidayNotice(NOTICE_2026, 2026);
    assert.deepEqual(readHolidayNotice(wrapped, 2026), plain);
    const items = NOTICE_2026.slice(NOTICE_2026.indexOf('一、元旦'), NOTICE_2026.indexOf('节假日期间'));
    assert.deepEqual(readHolidayNotice(items, 2026), { ...plain, noticeYear: null, source: null });
  });

  it('names the periods and the 调休 days as the notice does', () => {
    const r = readHolidayNotice(NOTICE_2026, 2026);
    assert.deepEqual(r.holidays.map((h) => `${h.name} ${h.start}～${h.end}`), [
      '元旦 2026-01-01～2026-01-03', '春节 2026-02-15～2026-02-23', '清明节 2026-04-04～2026-04-06', '劳动节 2026-05-01～2026-05-05',
      '端午节 2026-06-19～2026-06-21', '中秋节 2026-09-25～2026-09-27', '国庆节 2026-10-01～2026-10-07',
    ]);
    assert.deepEqual(r.workDays.map((w) => `${w.date} ${w.name}`), [
      '2026-01-04 元旦', '2026-02-14 春节', '2026-02-28 春节', '2026-05-09 劳动节', '2026-09-20 国庆节', '2026-10-10 国庆节',
    ]);
    assert.equal(readHolidayNotice(NOTICE_2025, 2025).holidays.at(-1)!.name, '国庆节、中秋节');
  });

  it('keeps a 元旦 period that began in December to the year entered, and names the December days', () => {
    // 2019 notice (国办发明电〔2018〕15号), item one as published, and the same without years.
    for (const line of ['一、元旦：2018年12月30日至2019年1月1日放假调休，共3天。2018年12月29日（星期六）上班。', '一、元旦：12月30日至1月1日放假调休，共3天。12月29日（星期六）上班。']) {
      const r = readHolidayNotice(line, 2019);
      assert.deepEqual(r.unparsed, [], line);
      assert.deepEqual(r.holidays, [{ name: '元旦', start: '2019-01-01', end: '2019-01-01' }]);
      assert.deepEqual(r.workDays, []);
      assert.deepEqual(r.notes, ['元旦的 2018-12-30 至 2018-12-31 不在 2019 年，未填入；请在 2018 年的安排中核对', '元旦的调休上班日 2018-12-29（星期六）不在 2019 年，未填入；请在 2018 年的安排中核对']);
    }
    const y2023 = readHolidayNotice('一、元旦：2022年12月31日至2023年1月2日放假调休，共3天。', 2023);
    assert.deepEqual(y2023.holidays, [{ name: '元旦', start: '2023-01-01', end: '2023-01-02' }]);
    assert.deepEqual(y2023.holidays.map((h) => h.start), shippedHolidayData().years['2023']!.offDays.slice(0, 1));
    const y2012 = readHolidayNotice('一、元旦：2012年1月1日至3日放假调休，共3天。2011年12月31日（星期六）上班。', 2012);
    assert.deepEqual([y2012.holidays, y2012.workDays, y2012.unparsed], [[{ name: '元旦', start: '2012-01-01', end: '2012-01-03' }], [], []]);
    assert.match(y2012.notes[0]!, /2011-12-31（星期六）不在 2012 年/);
  });

  it('lists back in Chinese what it cannot read or what disagrees with the calendar', () => {
    const r = readHolidayNotice(`一、元旦：1月1日（周五）至3日（周六）放假调休，共4天。1月4日（周日）补班。
二、春节：农历除夕至正月初七放假调休。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。`, 2026);
    assert.deepEqual(r.holidays.map((h) => h.name), ['元旦', '清明节'], 'the readable items are still read');
    assert.deepEqual(r.unparsed, [
      '无法识别“元旦”中的“1月4日（周日）补班”',
      '“元旦”中“1月1日（周五）”：2026-01-01 是星期四，请核对',
      '“元旦”：2026-01-01 至 2026-01-03 是 3 天，通知写“共4天”，请核对',
      '无法识别“春节”的放假日期：“农历除夕至正月初七放假调休”',
    ]);
    assert.deepEqual(readHolidayNotice('元旦：1月1日（周四）至3日（周六）放假调休。二、春节：2月15日（周日）至23日（周一）放假调休，共9天。', 2026).unparsed, ['无法识别：“元旦：1月1日（周四）至3日（周六）放假调休。”'], 'an item without its number is not lost silently');
    assert.deepEqual(readHolidayNotice('请于明日上午九时开会。', 2026).unparsed, ['没有找到“一、元旦：……”这样的放假安排条目，请粘贴通知正文']);
    assert.deepEqual(readHolidayNotice(NOTICE_2025, 2026).unparsed[0], '粘贴的是2025年的通知，正在录入的是2026年');
  });
});
