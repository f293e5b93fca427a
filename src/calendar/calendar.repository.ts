/**
 * The holiday calendar in the database: seeding from the shipped data, importing a year's
 * State Council notice, and loading the WorkingCalendar the deadline rules use.
 * A year is always written as a whole, inside one transaction, after the whole input has been
 * validated: bad input changes nothing.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { WorkingCalendar, type HolidayYear, type HolidayYears } from './calendar.rules.ts';
import { parseHolidayFile, type HolidayFile } from './holiday-data.rules.ts';
import type { NewCalendarDay } from './calendar.table.ts';
import { shippedHolidayData } from './shipped-holidays.ts';

export interface ImportedYear {
  year: number;
  offDays: number;
  workDays: number;
  /** The year had data before and was replaced. */
  replaced: boolean;
}

function yearSource(file: HolidayFile, year: string, fallback: string): string {
  const papers = file.papers?.[year];
  if (papers?.length) return `国务院办公厅节假日安排通知：${papers.join(' ')}`;
  return file.source?.trim() || fallback;
}

function rowsOf(year: string, days: HolidayYear, source: string): NewCalendarDay[] {
  return [
    ...days.offDays.map((date) => ({ date, year: Number(year), kind: 'off', source })),
    ...days.workDays.map((date) => ({ date, year: Number(year), kind: 'work', source })),
  ];
}

/** Runs `work` in a transaction, or in the caller's one (migrations on PostgreSQL run in one). */
function inTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

async function yearsPresent(db: Kysely<Database>): Promise<Set<number>> {
  const rows = await db.selectFrom('calendar_days').select('year').distinct().execute();
  return new Set(rows.map((r) => Number(r.year)));
}

/**
 * Validates the whole input (shipped JSON shape, one or more years) and then replaces each of
 * its years in one transaction. Throws `calendar.invalid_holiday_data` (nothing written).
 */
export function importHolidayYears(db: Kysely<Database>, input: unknown, fallbackSource = '管理员导入'): Promise<ImportedYear[]> {
  return writingCalendar(() => importYears(db, input, fallbackSource));
}

async function importYears(db: Kysely<Database>, input: unknown, fallbackSource: string): Promise<ImportedYear[]> {
  const file = parseHolidayFile(input);
  const before = await yearsPresent(db);
  await inTransaction(db, async (trx) => {
    for (const [year, days] of Object.entries(file.years)) {
      await trx.deleteFrom('calendar_days').where('year', '=', Number(year)).execute();
      const rows = rowsOf(year, days, yearSource(file, year, fallbackSource));
      if (rows.length) await trx.insertInto('calendar_days').values(rows).execute();
    }
  });
  return Object.entries(file.years)
    .map(([year, days]) => ({ year: Number(year), offDays: days.offDays.length, workDays: days.workDays.length, replaced: before.has(Number(year)) }))
    .sort((a, b) => a.year - b.year);
}

/** One year's dates (e.g. from the admin screen); same validation and atomicity as above. */
export async function importHolidayYear(db: Kysely<Database>, year: number, days: HolidayYear, source: string): Promise<ImportedYear> {
  const [imported] = await importHolidayYears(db, { source, years: { [String(year)]: days } }, source);
  return imported;
}

/**
 * Inserts the shipped years the database does not have yet; years already present (perhaps
 * corrected by an administrator) are left alone. Migration 0100 calls it; when the shipped file
 * gains a year, a later migration calls it again.
 */
export async function seedHolidays(db: Kysely<Database>, data: HolidayFile = shippedHolidayData()): Promise<number[]> {
  const present = await yearsPresent(db);
  const missing: HolidayYears = {};
  for (const [year, days] of Object.entries(data.years)) if (!present.has(Number(year))) missing[year] = days;
  if (Object.keys(missing).length === 0) return [];
  const imported = await importHolidayYears(db, { ...data, years: missing }, '随项目发布的节假日数据');
  return imported.map((y) => y.year);
}

/**
 * The calendar is read by every submission and case action (due dates) and changes a few times a
 * year: it is kept per database (the adapter a database handle shares with its transactions) and
 * read again after a write of it in this process, and after CALENDAR_MAX_AGE_MS anyway, so an
 * import by another process (`gongkai calendar import`, another worker) is seen within seconds.
 * Measured under the load bench on PostgreSQL: one to two statements fewer per request, and the
 * rows no longer parsed and indexed each time.
 */
const CALENDAR_MAX_AGE_MS = 5_000;
let calendarGeneration = 0;
let calendarWritesInFlight = 0;
const calendarCache = new WeakMap<object, { generation: number; loadedAt: number; calendar: WorkingCalendar }>();

/**
 * Runs a write of the calendar: while it runs nothing is cached (a transaction may read its own
 * uncommitted days, or roll back), and what was cached before is read again after it.
 */
export async function writingCalendar<T>(work: () => Promise<T>): Promise<T> {
  calendarWritesInFlight++;
  calendarGeneration++;
  try {
    return await work();
  } finally {
    calendarGeneration++;
    calendarWritesInFlight--;
  }
}

/** The working calendar of every year stored. */
export async function loadCalendar(db: Kysely<Database>): Promise<WorkingCalendar> {
  const key = db.getExecutor().adapter;
  const cached = calendarCache.get(key);
  if (cached && calendarWritesInFlight === 0 && cached.generation === calendarGeneration && Date.now() - cached.loadedAt < CALENDAR_MAX_AGE_MS) return cached.calendar;
  const generation = calendarGeneration;
  const calendar = await readCalendar(db);
  if (calendarWritesInFlight === 0 && generation === calendarGeneration) calendarCache.set(key, { generation, loadedAt: Date.now(), calendar });
  return calendar;
}

async function readCalendar(db: Kysely<Database>): Promise<WorkingCalendar> {
  const rows = await db.selectFrom('calendar_days').select(['date', 'year', 'kind']).orderBy('date').execute();
  const years: HolidayYears = {};
  for (const row of rows) {
    const y = (years[String(row.year)] ??= { offDays: [], workDays: [] });
    (row.kind === 'work' ? y.workDays : y.offDays).push(row.date);
  }
  return WorkingCalendar.fromHolidayYears(years);
}

/** Years stored, ascending, with their counts (for `calendar import` output and the admin). */
export async function storedHolidayYears(db: Kysely<Database>): Promise<Array<{ year: number; offDays: number; workDays: number }>> {
  const rows = await db.selectFrom('calendar_days').select(['year', 'kind']).execute();
  const byYear = new Map<number, { year: number; offDays: number; workDays: number }>();
  for (const r of rows) {
    const y = byYear.get(Number(r.year)) ?? { year: Number(r.year), offDays: 0, workDays: 0 };
    if (r.kind === 'work') y.workDays += 1;
    else y.offDays += 1;
    byYear.set(y.year, y);
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}
