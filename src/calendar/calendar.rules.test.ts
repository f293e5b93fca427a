import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { WorkingCalendar } from './calendar.rules.ts';
import { shippedCalendar, shippedHolidayData } from './shipped-holidays.ts';
import { addCalendarDays, dayOfWeek, eachDate, isValidIsoDate } from './calendar-dates.ts';
import { holidayFileProblems, parseHolidayFile } from './holiday-data.rules.ts';
import { AppError } from '../shared/app-error.ts';

const cal = shippedCalendar();

describe('calendar dates', () => {
  it('accepts only real YYYY-MM-DD dates', () => {
    assert.equal(isValidIsoDate('2024-02-29'), true); // 2024 is a leap year
    assert.equal(isValidIsoDate('2023-02-29'), false);
    assert.equal(isValidIsoDate('2024-02-30'), false);
    assert.equal(isValidIsoDate('2024-13-01'), false);
    assert.equal(isValidIsoDate('2024-1-01'), false);
    assert.equal(isValidIsoDate('20240101'), false);
    assert.equal(isValidIsoDate(20240101), false);
  });

  it('knows the weekday and walks across month and year ends', () => {
    assert.equal(dayOfWeek('2024-09-27'), 5); // a Friday
    assert.equal(dayOfWeek('2024-10-12'), 6); // a Saturday
    assert.equal(addCalendarDays('2024-02-28', 2), '2024-03-01');
    assert.equal(addCalendarDays('2026-12-31', 1), '2027-01-01');
    assert.deepEqual([...eachDate('2024-12-30', '2025-01-02')], ['2024-12-30', '2024-12-31', '2025-01-01', '2025-01-02']);
  });
});

describe('working days (DESIGN: (Mon–Fri and not a holiday) or a 调休 working weekend)', () => {
  const cases: Array<[string, boolean, string]> = [
    ['2024-10-08', true, 'ordinary Tuesday after National Day'],
    ['2024-10-01', false, 'National Day, a Tuesday'],
    ['2024-10-05', false, 'Saturday inside the National Day block'],
    ['2024-10-12', true, 'Saturday declared a working day (调休上班)'],
    ['2024-09-29', true, 'Sunday declared a working day'],
    ['2024-10-19', false, 'ordinary Saturday'],
    ['2020-01-31', false, 'Friday added to Spring Festival 2020 (国办发明电〔2020〕1号)'],
    ['2020-02-01', false, 'Saturday first scheduled as 调休 work, then cancelled by the extension'],
    ['2020-02-03', true, 'Monday, work resumed'],
    ['2020-01-19', true, 'Sunday 调休上班 before Spring Festival 2020'],
    ['2025-01-28', false, '除夕 2025, a statutory holiday since 国务院令第795号'],
    ['2022-12-31', false, 'Saturday inside the 2023 New Year block, filed under 2022'],
  ];
  for (const [date, working, why] of cases) {
    it(`${date} is ${working ? '' : 'not '}a working day: ${why}`, () => {
      const r = cal.isWorkingDay(date);
      assert.equal(r.value, working);
      assert.deepEqual(r.warnings, []);
    });
  }

  it('classifies the kind of day', () => {
    assert.equal(cal.dayKind('2024-10-12').value, 'adjusted-workday');
    assert.equal(cal.dayKind('2024-10-03').value, 'holiday');
    assert.equal(cal.dayKind('2024-10-19').value, 'weekend');
    assert.equal(cal.dayKind('2024-10-18').value, 'workday');
  });

  it('adds working days, never counting the start day', () => {
    // Fri 2024-09-27 → Sat 28 is a weekend, Sun 29 is 调休上班: the 1st working day.
    assert.equal(cal.addWorkingDays('2024-09-27', 1).value, '2024-09-29');
    // 2nd: Mon 30; then 10-01..07 are off, 10-08 is the 3rd.
    assert.equal(cal.addWorkingDays('2024-09-27', 3).value, '2024-10-08');
    assert.equal(cal.addWorkingDays('2024-09-27', 0).value, '2024-09-27');
    // From a holiday: 2024-10-03 → 10-04..07 off, 10-08 Tue is the 1st.
    assert.equal(cal.addWorkingDays('2024-10-03', 1).value, '2024-10-08');
  });

  it('counts working days strictly after the start up to and including the end', () => {
    // 2024-10-07 (off) → 10-08..10-12: Tue–Fri 4 days + Sat 10-12 调休 = 5
    assert.equal(cal.workingDaysBetween('2024-10-07', '2024-10-12').value, 5);
    assert.equal(cal.workingDaysBetween('2024-10-12', '2024-10-12').value, 0);
  });
});

describe('years without data are reported, never guessed silently', () => {
  it('warns about 2027, which the shipped data does not cover', () => {
    assert.deepEqual(cal.coveredYears(), [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    const r = cal.isWorkingDay('2027-01-01');
    // Assumed Mon–Fri: 2027-01-01 is a Friday, so "working" — but only with a warning.
    assert.equal(r.value, true);
    assert.equal(r.warnings.length, 1);
    assert.equal(r.warnings[0].code, 'calendar.year_without_data');
    assert.equal(r.warnings[0].year, 2027);
    assert.match(r.warnings[0].message, /2027 年尚无节假日安排数据/);
  });

  it('reports each missing year a computation touched, once', () => {
    const r = WorkingCalendar.fromHolidayYears({}).addWorkingDays('2018-12-20', 30);
    assert.deepEqual(r.warnings.map((w) => w.year), [2018, 2019]);
  });

  it('stays silent when the computation stays inside covered years', () => {
    assert.deepEqual(cal.addWorkingDays('2026-12-01', 10).warnings, []);
  });
});

describe('holiday data validation', () => {
  it('accepts the shipped file and keeps its source and note', () => {
    const data = shippedHolidayData();
    assert.match(data.source ?? '', /holiday-cn/);
    assert.match(data.note ?? '', /offDays/);
    assert.equal(data.years['2020'].offDays.includes('2020-01-31'), true);
  });

  it('lists every problem in Chinese', () => {
    const problems = holidayFileProblems({
      years: {
        '2027': { offDays: ['2027-01-01', '2027-01-01', '2026-12-31', '2027-02-30'], workDays: ['2027-02-08', '2027-01-01'] },
        '27': { offDays: [], workDays: [] },
      },
    });
    assert.ok(problems.some((p) => p.includes('2027-01-01 重复')));
    assert.ok(problems.some((p) => p.includes('2026-12-31 不属于该年')));
    assert.ok(problems.some((p) => p.includes('“2027-02-30”不是有效日期')));
    assert.ok(problems.some((p) => p.includes('2027-02-08 不是周六或周日'))); // a Monday
    assert.ok(problems.some((p) => p.includes('2027-01-01 同时出现在放假日期和调休上班日期中')));
    assert.ok(problems.some((p) => p.includes('“27”不是有效年份')));
  });

  it('rejects a file without years with a stable error code', () => {
    assert.throws(() => parseHolidayFile({ source: 'x' }), (e: unknown) => e instanceof AppError && e.code === 'calendar.invalid_holiday_data');
    assert.throws(() => parseHolidayFile({ years: { '2027': { offDays: [], workDays: [] } } }), /每年至少有元旦/);
  });
});
