/**
 * Golden answer deadlines, worked out by hand from the rules (DESIGN "Application deadline")
 * and the shipped holiday data, by writing out the calendar days. Day 0 is the receipt date and
 * is never counted; "n=" numbers the counted working days; "+" marks a 调休 working weekend;
 * "off" a holiday block. correctionNoticeDue is the 7th working day after receipt (Art. 30).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { computeDeadline } from './deadline.rules.ts';
import { shippedCalendar } from '../calendar/shipped-holidays.ts';

const cal = shippedCalendar();

interface Golden {
  received: string;
  due: string;
  notice: string;
  warnYears?: number[];
  why: string;
}

const golden: Golden[] = [
  // Fri 2024-09-27. 1=09-29 Sun+, 2=09-30; 10-01..07 off; 3=10-08, 4=09, 5=10, 6=11, 7=10-12 Sat+,
  // 8=14, 9=15, 10=16, 11=17, 12=18, 13=21, 14=22, 15=23, 16=24, 17=25, 18=28, 19=29, 20=10-30.
  { received: '2024-09-27', due: '2024-10-30', notice: '2024-10-12', why: 'National Day 2024 with two 调休 weekends' },
  // Sat 2024-09-28 is day 0 although a weekend; the days after are those of the case above.
  { received: '2024-09-28', due: '2024-10-30', notice: '2024-10-12', why: 'receipt on an ordinary Saturday' },
  // Sun 2024-09-29 (调休 work) is day 0, not counted: 1=09-30, 2=10-08, 3=09, 4=10, 5=11, 6=12+,
  // 7=14, 8=15, 9=16, 10=17, 11=18, 12=21, 13=22, 14=23, 15=24, 16=25, 17=28, 18=29, 19=30, 20=10-31.
  { received: '2024-09-29', due: '2024-10-31', notice: '2024-10-14', why: 'receipt on a 调休 working Sunday' },
  // Thu 2024-10-03 (holiday) is day 0: 1=10-08, 2=09, 3=10, 4=11, 5=12+, 6=14, 7=15, 8=16, 9=17,
  // 10=18, 11=21, 12=22, 13=23, 14=24, 15=25, 16=28, 17=29, 18=30, 19=31, 20=11-01.
  { received: '2024-10-03', due: '2024-11-01', notice: '2024-10-15', why: 'receipt during National Day' },
  // Sat 2024-10-12 (调休 work) is day 0: 1=10-14 … 5=18, 6=21 … 10=25, 11=28 … 14=31, 15=11-01,
  // 16=11-04, 17=05, 18=06, 19=07, 20=11-08.
  { received: '2024-10-12', due: '2024-11-08', notice: '2024-10-22', why: 'receipt on a 调休 working Saturday' },
  // Fri 2019-01-25: 1=01-28, 2=29, 3=30, 4=31, 5=02-01, 6=02-02 Sat+, 7=02-03 Sun+; 02-04..10 off;
  // 8=02-11, 9=12, 10=13, 11=14, 12=15, 13=18, 14=19, 15=20, 16=21, 17=22, 18=25, 19=26, 20=02-27.
  { received: '2019-01-25', due: '2019-02-27', notice: '2019-02-03', why: 'Spring Festival 2019' },
  // Fri 2019-04-26: 1=04-28 Sun+, 2=29, 3=30; 05-01..04 off; 4=05-05 Sun+, 5=06, 6=07, 7=08, 8=09,
  // 9=10, 10=13, 11=14, 12=15, 13=16, 14=17, 15=20, 16=21, 17=22, 18=23, 19=24, 20=05-27.
  { received: '2019-04-26', due: '2019-05-27', notice: '2019-05-08', why: 'Labour Day 2019 between two 调休 Sundays' },
  // Tue 2019-12-31: 2020-01-01 off; 1=01-02, 2=03, 3=06, 4=07, 5=08, 6=09, 7=10, 8=13, 9=14, 10=15,
  // 11=16, 12=17, 13=01-19 Sun+, 14=20, 15=21, 16=22, 17=23; 01-24..02-02 off (extended);
  // 18=02-03, 19=04, 20=02-05.
  { received: '2019-12-31', due: '2020-02-05', notice: '2020-01-10', why: 'across New Year into the extended Spring Festival 2020' },
  // Fri 2020-01-17: 1=01-19 Sun+, 2=20, 3=21, 4=22, 5=23; 01-24..02-02 off (01-31 and Sat 02-01,
  // first scheduled as a working Saturday, were added by the 2020 extension); 6=02-03, 7=04, 8=05,
  // 9=06, 10=07, 11=10, 12=11, 13=12, 14=13, 15=14, 16=17, 17=18, 18=19, 19=20, 20=02-21.
  { received: '2020-01-17', due: '2020-02-21', notice: '2020-02-04', why: 'Spring Festival 2020 extension' },
  // Mon 2020-01-20: 1=21, 2=22, 3=23; off to 02-02; 4=02-03, 5=04, 6=05, 7=06, 8=07, 9=10, 10=11,
  // 11=12, 12=13, 13=14, 14=17, 15=18, 16=19, 17=20, 18=21, 19=24, 20=02-25.
  // (Without the extension 01-31 and Sat 02-01 would have counted and the due date been 02-21.)
  { received: '2020-01-20', due: '2020-02-25', notice: '2020-02-06', why: 'Spring Festival 2020: 01-31 and 02-01 are not counted' },
  // Thu 2020-01-23, the last working day before the holiday: 1=02-03 … 5=07, 6=10 … 10=14,
  // 11=17 … 15=21, 16=24 … 20=02-28.
  { received: '2020-01-23', due: '2020-02-28', notice: '2020-02-11', why: 'receipt on the eve of the 2020 Spring Festival' },
  // Fri 2020-01-31, an added holiday, is day 0: 1=02-03 … 5=07, 6=10 … 10=14, 15=21, 20=02-28.
  { received: '2020-01-31', due: '2020-02-28', notice: '2020-02-11', why: 'receipt on a day added to the 2020 holiday' },
  // Fri 2021-02-05: 1=02-07 Sun+, 2=08, 3=09, 4=10; 02-11..17 off; 5=18, 6=19, 7=02-20 Sat+, 8=22,
  // 9=23, 10=24, 11=25, 12=26, 13=03-01, 14=02, 15=03, 16=04, 17=05, 18=08, 19=09, 20=03-10.
  { received: '2021-02-05', due: '2021-03-10', notice: '2021-02-20', why: 'Spring Festival 2021 with a 调休 Sunday and Saturday' },
  // Wed 2021-09-15: 1=16, 2=17, 3=09-18 Sat+; 19..21 off; 4=22, 5=23, 6=24, 7=09-26 Sun+, 8=27,
  // 9=28, 10=29, 11=30; 10-01..07 off; 12=10-08, 13=10-09 Sat+, 14=11, 15=12, 16=13, 17=14, 18=15,
  // 19=18, 20=10-19.
  { received: '2021-09-15', due: '2021-10-19', notice: '2021-09-26', why: 'Mid-Autumn and National Day 2021, three 调休 days' },
  // Tue 2022-01-25: 1=26, 2=27, 3=28, 4=01-29 Sat+, 5=01-30 Sun+; 01-31..02-06 off; 6=02-07, 7=08,
  // 8=09, 9=10, 10=11, 11=14, 12=15, 13=16, 14=17, 15=18, 16=21, 17=22, 18=23, 19=24, 20=02-25.
  { received: '2022-01-25', due: '2022-02-25', notice: '2022-02-08', why: 'Spring Festival 2022 preceded by a 调休 weekend' },
  // Thu 2022-03-31: 1=04-01, 2=04-02 Sat+; 04-03..05 off; 3=06, 4=07, 5=08, 6=11, 7=12, 8=13, 9=14,
  // 10=15, 11=18, 12=19, 13=20, 14=21, 15=22, 16=04-24 Sun+, 17=25, 18=26, 19=27, 20=04-28.
  { received: '2022-03-31', due: '2022-04-28', notice: '2022-04-12', why: 'Qingming 2022 and the 调休 Sunday before Labour Day' },
  // Fri 2022-04-22: 1=04-24 Sun+, 2=25, 3=26, 4=27, 5=28, 6=29; 04-30..05-04 off; 7=05-05, 8=06,
  // 9=05-07 Sat+, 10=09, 11=10, 12=11, 13=12, 14=13, 15=16, 16=17, 17=18, 18=19, 19=20, 20=05-23.
  { received: '2022-04-22', due: '2022-05-23', notice: '2022-05-05', why: 'Labour Day 2022 starting on a Saturday' },
  // Fri 2022-12-30: 12-31..2023-01-02 off (filed under two years); 1=01-03, 2=04, 3=05, 4=06, 5=09,
  // 6=10, 7=11, 8=12, 9=13, 10=16, 11=17, 12=18, 13=19, 14=20; 01-21..27 off; 15=01-28 Sat+,
  // 16=01-29 Sun+, 17=30, 18=31, 19=02-01, 20=02-02.
  { received: '2022-12-30', due: '2023-02-02', notice: '2023-01-11', why: 'New Year 2023 block across the year end, then Spring Festival 2023' },
  // Thu 2023-04-20: 1=21, 2=04-23 Sun+, 3=24, 4=25, 5=26, 6=27, 7=28; 04-29..05-03 off; 8=05-04,
  // 9=05, 10=05-06 Sat+, 11=08, 12=09, 13=10, 14=11, 15=12, 16=15, 17=16, 18=17, 19=18, 20=05-19.
  { received: '2023-04-20', due: '2023-05-19', notice: '2023-04-28', why: 'Labour Day 2023' },
  // Wed 2023-09-20: 1=21, 2=22, 3=25, 4=26, 5=27, 6=28; 09-29..10-06 off; 7=10-07 Sat+,
  // 8=10-08 Sun+, 9=09, 10=10, 11=11, 12=12, 13=13, 14=16, 15=17, 16=18, 17=19, 18=20, 19=23, 20=10-24.
  { received: '2023-09-20', due: '2023-10-24', notice: '2023-10-07', why: 'Mid-Autumn + National Day 2023, 调休 weekend after' },
  // Thu 2024-02-01: 1=02, 2=02-04 Sun+, 3=05, 4=06, 5=07, 6=08, 7=09; 02-10..17 off; 8=02-18 Sun+,
  // 9=19, 10=20, 11=21, 12=22, 13=23, 14=26, 15=27, 16=28, 17=29, 18=03-01, 19=04, 20=03-05.
  { received: '2024-02-01', due: '2024-03-05', notice: '2024-02-09', why: 'Spring Festival 2024 (leap February)' },
  // Mon 2025-01-20: 1=21, 2=22, 3=23, 4=24, 5=01-26 Sun+, 6=27; 01-28..02-04 off (除夕 included
  // since 国务院令第795号); 7=02-05, 8=06, 9=07, 10=02-08 Sat+, 11=10, 12=11, 13=12, 14=13, 15=14,
  // 16=17, 17=18, 18=19, 19=20, 20=02-21.
  { received: '2025-01-20', due: '2025-02-21', notice: '2025-02-05', why: 'Spring Festival 2025 with 除夕 as a holiday' },
  // Fri 2025-04-25: 1=04-27 Sun+, 2=28, 3=29, 4=30; 05-01..05 off; 5=06, 6=07, 7=08, 8=09, 9=12,
  // 10=13, 11=14, 12=15, 13=16, 14=19, 15=20, 16=21, 17=22, 18=23, 19=26, 20=05-27.
  { received: '2025-04-25', due: '2025-05-27', notice: '2025-05-08', why: 'Labour Day 2025 (two statutory days since 2025)' },
  // Mon 2025-05-26: 1=27, 2=28, 3=29, 4=30; 05-31..06-02 off; 5=06-03, 6=04, 7=05, 8=06, 9=09,
  // 10=10, 11=11, 12=12, 13=13, 14=16, 15=17, 16=18, 17=19, 18=20, 19=23, 20=06-24.
  { received: '2025-05-26', due: '2025-06-24', notice: '2025-06-05', why: 'Dragon Boat 2025 across a month end' },
  // Mon 2025-09-22: 1=23, 2=24, 3=25, 4=26, 5=09-28 Sun+, 6=29, 7=30; 10-01..08 off; 8=10-09,
  // 9=10, 10=10-11 Sat+, 11=13, 12=14, 13=15, 14=16, 15=17, 16=20, 17=21, 18=22, 19=23, 20=10-24.
  { received: '2025-09-22', due: '2025-10-24', notice: '2025-09-30', why: 'National Day + Mid-Autumn 2025, eight days' },
  // Wed 2025-12-31: 2026-01-01..03 off; 1=01-04 Sun+, 2=05, 3=06, 4=07, 5=08, 6=09, 7=12, 8=13, 9=14,
  // 10=15, 11=16, 12=19, 13=20, 14=21, 15=22, 16=23, 17=26, 18=27, 19=28, 20=01-29.
  { received: '2025-12-31', due: '2026-01-29', notice: '2026-01-12', why: 'New Year 2026 with a 调休 Sunday' },
  // Tue 2026-02-10: 1=11, 2=12, 3=13, 4=02-14 Sat+; 02-15..23 off (nine days); 5=24, 6=25, 7=26,
  // 8=27, 9=02-28 Sat+, 10=03-02, 11=03, 12=04, 13=05, 14=06, 15=09, 16=10, 17=11, 18=12, 19=13,
  // 20=03-16.
  { received: '2026-02-10', due: '2026-03-16', notice: '2026-02-26', why: 'Spring Festival 2026, nine days' },
  // Fri 2026-09-18: 1=09-20 Sun+, 2=21, 3=22, 4=23, 5=24; 09-25..27 off; 6=28, 7=29, 8=30;
  // 10-01..07 off; 9=10-08, 10=09, 11=10-10 Sat+, 12=12, 13=13, 14=14, 15=15, 16=16, 17=19, 18=20,
  // 19=21, 20=10-22.
  { received: '2026-09-18', due: '2026-10-22', notice: '2026-09-29', why: 'Mid-Autumn then National Day 2026' },
  // Fri 2026-11-20, no holidays: 20 weekdays = four weeks → Fri 12-18; all inside 2026, no warning.
  { received: '2026-11-20', due: '2026-12-18', notice: '2026-12-01', why: 'last covered year, no warning' },
  // Tue 2026-12-15: 1=16, 2=17, 3=18, 4=21, 5=22, 6=23, 7=24, 8=25, 9=28, 10=29, 11=30, 12=31,
  // 13=2027-01-01 (a Friday: no data, so assumed working — hence the warning), 14=01-04, 15=05,
  // 16=06, 17=07, 18=08, 19=11, 20=01-12.
  { received: '2026-12-15', due: '2027-01-12', notice: '2026-12-24', warnYears: [2027], why: 'runs into 2027, which has no data' },
  // Mon 2027-03-01 (no data): 20 weekdays = four weeks → Mon 03-29; the 7th is Wed 03-10.
  { received: '2027-03-01', due: '2027-03-29', notice: '2027-03-10', warnYears: [2027], why: 'entirely in 2027' },
];

describe('golden answer deadlines 2019–2027 (Art. 33, day zero not counted)', () => {
  for (const g of golden) {
    it(`${g.received} → ${g.due}: ${g.why}`, () => {
      const r = computeDeadline(cal, { received: g.received });
      assert.equal(r.dueDate, g.due);
      assert.equal(r.statutoryDueDate, g.due);
      assert.equal(r.correctionNoticeDue, g.notice);
      assert.deepEqual(
        r.warnings.map((w) => (w as { year?: number }).year),
        g.warnYears ?? [],
      );
      assert.equal(r.explanation.at(-1 - (g.warnYears?.length ?? 0)), `答复期限：${g.due}`);
    });
  }
});
