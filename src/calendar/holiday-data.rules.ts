/**
 * Validation of holiday data in the shipped JSON shape (pure):
 * `{ "source": "…", "note": "…", "years": { "2027": { "offDays": [...], "workDays": [...] } } }`.
 * Every problem is collected so that an administrator sees all of them at once.
 */
import { AppError } from '../shared/app-error.ts';
import { isValidIsoDate, isWeekend, yearOf } from './calendar-dates.ts';
import type { HolidayYear, HolidayYears } from './calendar.rules.ts';

export interface HolidayFile {
  source?: string;
  note?: string;
  /** Year → URLs of the State Council notices the year's dates come from. */
  papers?: Record<string, string[]>;
  years: HolidayYears;
}

function checkDayList(year: string, field: 'offDays' | 'workDays', value: unknown, problems: string[]): string[] {
  const label = field === 'offDays' ? '放假日期（offDays）' : '调休上班日期（workDays）';
  if (!Array.isArray(value)) {
    problems.push(`${year} 年：${label}必须是日期数组`);
    return [];
  }
  const seen = new Set<string>();
  const good: string[] = [];
  for (const d of value) {
    if (!isValidIsoDate(d)) {
      problems.push(`${year} 年：${label}中的“${String(d)}”不是有效日期（应为 YYYY-MM-DD）`);
      continue;
    }
    if (String(yearOf(d)) !== year) problems.push(`${year} 年：${label}中的 ${d} 不属于该年（按日期自身的年份归档）`);
    if (seen.has(d)) problems.push(`${year} 年：${label}中的 ${d} 重复`);
    // Only weekends can be declared working days; a weekday is a working day anyway.
    if (field === 'workDays' && !isWeekend(d)) problems.push(`${year} 年：调休上班日期 ${d} 不是周六或周日`);
    seen.add(d);
    good.push(d);
  }
  return good;
}

/** The problems in `input` (empty when it is valid holiday data). */
export function holidayFileProblems(input: unknown): string[] {
  const problems: string[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return ['节假日数据必须是 JSON 对象，且包含 years 字段'];
  const file = input as Record<string, unknown>;
  for (const key of ['source', 'note'] as const) {
    if (file[key] !== undefined && typeof file[key] !== 'string') problems.push(`${key} 必须是文字`);
  }
  const papers = file.papers;
  if (papers !== undefined && (typeof papers !== 'object' || papers === null || Object.values(papers).some((v) => !Array.isArray(v) || v.some((u) => typeof u !== 'string')))) {
    problems.push('papers 必须是“年份 → 通知网址数组”');
  }
  const years = file.years;
  if (typeof years !== 'object' || years === null || Array.isArray(years)) return [...problems, '缺少 years 字段（年份 → offDays/workDays）'];
  const entries = Object.entries(years as Record<string, unknown>);
  if (entries.length === 0) problems.push('years 中没有任何年份');
  for (const [year, value] of entries) {
    if (!/^\d{4}$/.test(year) || Number(year) < 1900) {
      problems.push(`“${year}”不是有效年份`);
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push(`${year} 年：必须包含 offDays 和 workDays 两个日期数组`);
      continue;
    }
    const v = value as Record<string, unknown>;
    const off = checkDayList(year, 'offDays', v.offDays, problems);
    const work = checkDayList(year, 'workDays', v.workDays, problems);
    // Every year has at least 元旦; an empty list is a truncated or mistyped file.
    if (Array.isArray(v.offDays) && v.offDays.length === 0) problems.push(`${year} 年：放假日期为空，每年至少有元旦`);
    const offSet = new Set(off);
    for (const d of work) if (offSet.has(d)) problems.push(`${year} 年：${d} 同时出现在放假日期和调休上班日期中`);
  }
  return problems;
}

/** Parse and validate; throws `calendar.invalid_holiday_data` listing every problem. */
export function parseHolidayFile(input: unknown): HolidayFile {
  const problems = holidayFileProblems(input);
  if (problems.length) {
    throw new AppError('calendar.invalid_holiday_data', `节假日数据有误，未作任何修改：\n${problems.map((p) => `  - ${p}`).join('\n')}`, 400, { problems });
  }
  const file = input as HolidayFile;
  const years: HolidayYears = {};
  for (const [year, v] of Object.entries(file.years)) {
    const y: HolidayYear = { offDays: [...v.offDays].sort(), workDays: [...v.workDays].sort() };
    years[year] = y;
  }
  return { source: file.source, note: file.note, papers: file.papers, years };
}
