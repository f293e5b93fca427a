/**
 * The holiday data shipped with the project (data/cn-holidays.json: State Council notices
 * 2019–2026, with their source and note). It seeds the database calendar and serves callers
 * that have no database, such as `gongkai deadline`.
 */
import shipped from './data/cn-holidays.json' with { type: 'json' };
import { parseHolidayFile, type HolidayFile } from './holiday-data.rules.ts';
import { WorkingCalendar } from './calendar.rules.ts';

let cached: HolidayFile | undefined;

/** The shipped data, validated once (a broken file fails loudly instead of skewing deadlines). */
export function shippedHolidayData(): HolidayFile {
  cached ??= parseHolidayFile(shipped);
  return cached;
}

export function shippedCalendar(): WorkingCalendar {
  return WorkingCalendar.fromHolidayYears(shippedHolidayData().years);
}
