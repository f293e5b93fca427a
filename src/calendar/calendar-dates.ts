/**
 * Pure date arithmetic on `YYYY-MM-DD` strings. Legal dates are local calendar dates with no
 * time of day, so they are handled as whole days counted in UTC: no clock, no time zone, no DST.
 */

/** A calendar date `YYYY-MM-DD` (a local date in Asia/Shanghai when it carries legal meaning). */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar date written `YYYY-MM-DD` (2024-02-30 is not). */
export function isValidIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const t = Date.UTC(y, mo - 1, d);
  return new Date(t).getUTCDate() === d && y >= 1900;
}

/** Days since 1970-01-01 (the index used for fast iteration). The date must be valid. */
export function toDayNumber(date: IsoDate): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

export function fromDayNumber(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function dayOfWeekOfDayNumber(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function dayOfWeek(date: IsoDate): number {
  return dayOfWeekOfDayNumber(toDayNumber(date));
}

export function isWeekend(date: IsoDate): boolean {
  const w = dayOfWeek(date);
  return w === 0 || w === 6;
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Every date from `from` to `to`, both included (empty when `to` is before `from`). */
export function* eachDate(from: IsoDate, to: IsoDate): Generator<IsoDate> {
  const last = toDayNumber(to);
  for (let d = toDayNumber(from); d <= last; d++) yield fromDayNumber(d);
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

export function weekdayName(date: IsoDate): string {
  return WEEKDAY_NAMES[dayOfWeek(date)];
}
