/**
 * The holiday calendar table: one row per official date, `off` (a day inside an announced
 * holiday block) or `work` (a weekend declared a working day, 调休上班). Seeded from the
 * shipped data by migration 0100; administrators add next year's notice on the
 * holiday calendar screen or with `gongkai calendar import`.
 */
import type { ColumnType, Insertable, Selectable } from 'kysely';

export interface CalendarDaysTable {
  /** YYYY-MM-DD, the primary key. */
  date: string;
  /** The calendar year of `date` (a year is imported or replaced as a whole). */
  year: number;
  /** off | work */
  kind: string;
  /** Where the date comes from (the notice or the file it was imported from). */
  source: string;
  /** The notice's name of the holiday (春节 …) when entered on the calendar screen; else null. */
  name: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CalendarTables {
  calendar_days: CalendarDaysTable;
}

export type CalendarDayRow = Selectable<CalendarDaysTable>;
export type NewCalendarDay = Insertable<CalendarDaysTable>;
