/**
 * A readable name for a holiday block, used only in explanations ("国庆节 2024-10-01 至
 * 2024-10-07 不计"). The official data lists dates, not names, so the name is read from where
 * the block falls in the year; it never changes which days count. Unrecognised blocks are
 * called 法定节假日 rather than guessed.
 */
import type { IsoDate } from './calendar-dates.ts';

function monthDay(date: IsoDate): string {
  return date.slice(5);
}

function contains(first: IsoDate, last: IsoDate, md: string): boolean {
  // Blocks are at most a few days long and may cross a year end (2022-12-31 to 2023-01-02).
  const a = monthDay(first);
  const b = monthDay(last);
  return a <= b ? a <= md && md <= b : md >= a || md <= b;
}

export function holidayBlockName(first: IsoDate, last: IsoDate): string {
  const startMonth = Number(first.slice(5, 7));
  const days = Math.round((Date.parse(last) - Date.parse(first)) / 86_400_000) + 1;
  if (contains(first, last, '01-01')) return '元旦';
  if (contains(first, last, '10-01')) {
    // 中秋节 joined to 国庆节 makes the block start in September or run 8 days (2020, 2023, 2025).
    return startMonth === 9 || days >= 8 ? '中秋节、国庆节' : '国庆节';
  }
  if (contains(first, last, '05-01')) return '劳动节';
  if (startMonth === 1 || startMonth === 2) return '春节';
  if (startMonth === 4) return '清明节';
  if (startMonth === 5 || startMonth === 6) return '端午节';
  if (startMonth === 9) return '中秋节';
  return '法定节假日';
}
