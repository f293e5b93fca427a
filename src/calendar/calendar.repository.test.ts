import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { importHolidayYear, importHolidayYears, loadCalendar, seedHolidays, storedHolidayYears } from './calendar.repository.ts';
import { shippedHolidayData } from './shipped-holidays.ts';
import { AppError } from '../shared/app-error.ts';

// 2027 as a made-up but well-formed notice: New Year Fri 01-01..Sun 01-03 off; Sat 02-06 work.
const year2027 = { offDays: ['2027-01-01', '2027-01-02', '2027-01-03'], workDays: ['2027-02-06'] };

describeOnBothDatabases('calendar repository', (t) => {
  it('is seeded by the migration with every shipped year, dates and sources kept', async () => {
    const { db } = t();
    const years = await storedHolidayYears(db);
    assert.deepEqual(years.map((y) => y.year), [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    const shipped = shippedHolidayData().years['2020'];
    assert.deepEqual(years.find((y) => y.year === 2020), { year: 2020, offDays: shipped.offDays.length, workDays: shipped.workDays.length });
    const row = await db.selectFrom('calendar_days').selectAll().where('date', '=', '2020-01-31').executeTakeFirstOrThrow();
    assert.equal(row.kind, 'off');
    assert.equal(row.year, 2020);
    assert.match(row.source, /国务院办公厅节假日安排通知：.*content_5472352/);
  });

  it('loads the same working calendar as the shipped data', async () => {
    const cal = await loadCalendar(t().db);
    assert.equal(cal.isWorkingDay('2024-10-12').value, true); // 调休 Saturday
    assert.equal(cal.isWorkingDay('2020-02-01').value, false); // cancelled work Saturday, 2020 extension
    assert.equal(cal.addWorkingDays('2024-09-27', 20).value, '2024-10-30');
    assert.deepEqual(cal.isWorkingDay('2027-01-01').warnings.map((w) => w.year), [2027]);
  });

  it('seeding again adds nothing', async () => {
    assert.deepEqual(await seedHolidays(t().db), []);
  });

  it('imports a new year, after which it is a working-day calendar year without warnings', async () => {
    const { db } = t();
    const imported = await importHolidayYear(db, 2027, year2027, '国办发明电〔2026〕测试通知');
    assert.deepEqual(imported, { year: 2027, offDays: 3, workDays: 1, replaced: false });
    const cal = await loadCalendar(db);
    const friday = cal.isWorkingDay('2027-01-01');
    assert.equal(friday.value, false);
    assert.deepEqual(friday.warnings, []);
    assert.equal(cal.isWorkingDay('2027-02-06').value, true);
    const row = await db.selectFrom('calendar_days').select('source').where('date', '=', '2027-02-06').executeTakeFirstOrThrow();
    assert.equal(row.source, '国办发明电〔2026〕测试通知');
  });

  it('replaces a year as a whole on re-import', async () => {
    const { db } = t();
    const [again] = await importHolidayYears(db, { source: '更正', years: { '2027': { offDays: ['2027-01-01'], workDays: [] } } });
    assert.deepEqual(again, { year: 2027, offDays: 1, workDays: 0, replaced: true });
    const rows = await db.selectFrom('calendar_days').select('date').where('year', '=', 2027).execute();
    assert.deepEqual(rows.map((r) => r.date), ['2027-01-01']);
  });

  it('changes nothing when any year of the input is bad', async () => {
    const { db } = t();
    const before = await storedHolidayYears(db);
    await assert.rejects(
      importHolidayYears(db, { years: { '2028': { offDays: ['2028-01-01'], workDays: [] }, '2027': { offDays: ['2027-13-01'], workDays: [] } } }),
      (e: unknown) => e instanceof AppError && e.code === 'calendar.invalid_holiday_data' && /未作任何修改/.test(e.message) && /2027-13-01/.test(e.message),
    );
    assert.deepEqual(await storedHolidayYears(db), before);
  });
});
