/**
 * The working-day calendar (pure). DESIGN "Statutory semantics": a date is a working day iff
 * (Monday–Friday and not an official holiday) or it is an official 调休 working weekend.
 * Holidays come from the State Council General Office's yearly notice (国务院办公厅关于某年部分
 * 节假日安排的通知), one entry per year: `offDays` (every day of each announced holiday block,
 * weekends inside the block included) and `workDays` (weekends declared working days).
 *
 * A year without data is never guessed silently: the calendar then treats Monday–Friday as
 * working days, and every computation reports a warning for each such year it looked at.
 */
import {
  dayOfWeekOfDayNumber,
  fromDayNumber,
  toDayNumber,
  type IsoDate,
} from './calendar-dates.ts';
import { holidayBlockName } from './holiday-names.rules.ts';

export interface HolidayYear {
  offDays: IsoDate[];
  workDays: IsoDate[];
}

/** Year (as written, e.g. "2024") → that year's holidays and 调休 working weekends. */
export type HolidayYears = Record<string, HolidayYear>;

/**
 * workday: an ordinary Monday–Friday; weekend: an ordinary Saturday/Sunday; holiday: a day
 * inside an announced holiday block; adjusted-workday: a weekend declared a working day (调休上班).
 */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjusted-workday';

export interface CalendarWarning {
  code: 'calendar.year_without_data';
  year: number;
  message: string;
}

/** A run of consecutive holiday days, e.g. 国庆节 2024-10-01 至 2024-10-07. */
export interface HolidayBlock {
  name: string;
  first: IsoDate;
  last: IsoDate;
}

/** A value together with the warnings about the calendar data it was computed from. */
export interface WithWarnings<T> {
  value: T;
  warnings: CalendarWarning[];
}

const MS_PER_DAY = 86_400_000;

export function yearWithoutDataWarning(year: number): CalendarWarning {
  return {
    code: 'calendar.year_without_data',
    year,
    message: `${year} 年尚无节假日安排数据，已暂按周一至周五为工作日推算，结果可能不准确；请在国务院办公厅公布该年节假日安排后，由系统管理员在“系统管理 → 节假日日历”中录入（或 gongkai calendar import）。`,
  };
}

export class WorkingCalendar {
  private readonly offDays = new Set<number>();
  private readonly workDays = new Set<number>();
  private readonly years = new Set<number>();
  /** Holiday block of each holiday day, for explanations. */
  private readonly blockOf = new Map<number, HolidayBlock>();

  private constructor(data: HolidayYears) {
    for (const [year, days] of Object.entries(data)) {
      this.years.add(Number(year));
      for (const d of days.offDays) this.offDays.add(toDayNumber(d));
      for (const d of days.workDays) this.workDays.add(toDayNumber(d));
    }
    this.indexBlocks();
  }

  /** Build from validated data (see `validateHolidayYears` in holiday-data.rules.ts). */
  static fromHolidayYears(data: HolidayYears): WorkingCalendar {
    return new WorkingCalendar(data);
  }

  /** Years that have holiday data, ascending. */
  coveredYears(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  hasDataFor(year: number): boolean {
    return this.years.has(year);
  }

  /** A reader collects the warnings of one computation; see `CalendarReader`. */
  reader(): CalendarReader {
    return new CalendarReader(this);
  }

  isWorkingDay(date: IsoDate): WithWarnings<boolean> {
    const r = this.reader();
    return { value: r.isWorkingDay(date), warnings: r.warnings() };
  }

  dayKind(date: IsoDate): WithWarnings<DayKind> {
    const r = this.reader();
    return { value: r.dayKind(date), warnings: r.warnings() };
  }

  /** The `count`-th working day strictly after `date` (the start day is never counted). */
  addWorkingDays(date: IsoDate, count: number): WithWarnings<IsoDate> {
    const r = this.reader();
    return { value: r.addWorkingDays(date, count), warnings: r.warnings() };
  }

  /** Working days strictly after `from`, up to and including `to`. */
  workingDaysBetween(from: IsoDate, to: IsoDate): WithWarnings<number> {
    const r = this.reader();
    return { value: r.workingDaysBetween(from, to), warnings: r.warnings() };
  }

  /** Raw lookup without warnings; only for CalendarReader, which records the year itself. */
  kindOfDayNumber(day: number): DayKind {
    if (this.offDays.has(day)) return 'holiday';
    const weekday = dayOfWeekOfDayNumber(day);
    const weekend = weekday === 0 || weekday === 6;
    if (weekend) return this.workDays.has(day) ? 'adjusted-workday' : 'weekend';
    return 'workday';
  }

  holidayBlockOfDayNumber(day: number): HolidayBlock | undefined {
    return this.blockOf.get(day);
  }

  private indexBlocks(): void {
    const days = [...this.offDays].sort((a, b) => a - b);
    let start = 0;
    for (let i = 1; i <= days.length; i++) {
      if (i < days.length && days[i] === days[i - 1] + 1) continue;
      const first = fromDayNumber(days[start]);
      const last = fromDayNumber(days[i - 1]);
      const block: HolidayBlock = { name: holidayBlockName(first, last), first, last };
      for (let j = start; j < i; j++) this.blockOf.set(days[j], block);
      start = i;
    }
  }
}

/**
 * One computation's view of the calendar: every lookup records the year it touched, and
 * `warnings()` lists the touched years that have no data. Rules that walk many days (the
 * deadline engine) use one reader and return its warnings with their result.
 */
export class CalendarReader {
  private readonly missingYears = new Set<number>();
  // Day numbers of the year last looked at, so that walking day by day checks each year once.
  private yearFirstDay = 1;
  private yearLastDay = 0;

  constructor(private readonly calendar: WorkingCalendar) {}

  kindOfDayNumber(day: number): DayKind {
    if (day < this.yearFirstDay || day > this.yearLastDay) {
      const year = new Date(day * MS_PER_DAY).getUTCFullYear();
      this.yearFirstDay = Date.UTC(year, 0, 1) / MS_PER_DAY;
      this.yearLastDay = Date.UTC(year, 11, 31) / MS_PER_DAY;
      if (!this.calendar.hasDataFor(year)) this.missingYears.add(year);
    }
    return this.calendar.kindOfDayNumber(day);
  }

  isWorkingDayNumber(day: number): boolean {
    const kind = this.kindOfDayNumber(day);
    return kind === 'workday' || kind === 'adjusted-workday';
  }

  dayKind(date: IsoDate): DayKind {
    return this.kindOfDayNumber(toDayNumber(date));
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.isWorkingDayNumber(toDayNumber(date));
  }

  /** The `count`-th working day strictly after `date`; `count` 0 returns `date` itself. */
  addWorkingDays(date: IsoDate, count: number): IsoDate {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`working-day count must be a whole number ≥ 0: ${count}`);
    let day = toDayNumber(date);
    for (let counted = 0; counted < count; ) {
      day += 1;
      if (this.isWorkingDayNumber(day)) counted += 1;
    }
    return fromDayNumber(day);
  }

  /** Working days strictly after `from`, up to and including `to` (0 when `to` ≤ `from`). */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    let n = 0;
    const last = toDayNumber(to);
    for (let day = toDayNumber(from) + 1; day <= last; day++) if (this.isWorkingDayNumber(day)) n += 1;
    return n;
  }

  holidayBlockOfDayNumber(day: number): HolidayBlock | undefined {
    return this.calendar.holidayBlockOfDayNumber(day);
  }

  /** One warning per touched year without data, by year. */
  warnings(): CalendarWarning[] {
    return [...this.missingYears].sort((a, b) => a - b).map(yearWithoutDataWarning);
  }
}
