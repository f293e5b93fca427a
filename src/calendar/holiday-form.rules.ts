/**
 * One year's holidays as the State Council notice states them (pure; the admin app imports it):
 * named holiday periods (春节：2月11日至2月19日放假调休，共9天) and the weekend days worked
 * instead (2月8日（周日）上班). Checked here with every problem listed in Chinese, then turned
 * into the shipped JSON shape that `gongkai calendar import` takes, so both paths store the same.
 */
import { eachDate, isValidIsoDate, isWeekend, weekdayName, yearOf, type IsoDate } from './calendar-dates.ts';
import { holidayBlockName } from './holiday-names.rules.ts';

export interface HolidayPeriod {
  name: string;
  start: IsoDate;
  end: IsoDate;
}

export interface MakeUpDay {
  date: IsoDate;
  /** The holiday it makes up for (春节 …); optional. */
  name?: string;
}

export interface HolidayYearForm {
  year: number;
  /** The notice (e.g. 国务院办公厅关于2027年部分节假日安排的通知 国办发明电〔2026〕7号). */
  source: string;
  holidays: HolidayPeriod[];
  workDays: MakeUpDay[];
}

/** The longest period a notice has ever given is 8–9 days; 15 catches a mistyped month. */
const MAX_PERIOD_DAYS = 15;

/** Every problem of the form, in Chinese (empty: it may be saved). */
export function holidayFormProblems(f: HolidayYearForm): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(f.year) || f.year < 2000 || f.year > 2100) return ['年份必须是 2000 至 2100 之间的整数'];
  if (!f.source?.trim()) problems.push('请填写依据的通知（名称或文号）');
  if (!f.holidays.length) problems.push(`${f.year} 年至少应有一个放假安排（元旦）`);
  const owner = new Map<IsoDate, string>();
  f.holidays.forEach((h, i) => {
    const label = `第 ${i + 1} 项放假安排${h.name?.trim() ? `（${h.name.trim()}）` : ''}`;
    if (!h.name?.trim()) problems.push(`${label}：请填写节日名称`);
    if (!isValidIsoDate(h.start) || !isValidIsoDate(h.end)) {
      problems.push(`${label}：起止日期应为 YYYY-MM-DD 格式的有效日期`);
      return;
    }
    if (h.end < h.start) return void problems.push(`${label}：结束日期 ${h.end} 早于开始日期 ${h.start}`);
    if (yearOf(h.start) !== f.year || yearOf(h.end) !== f.year) return void problems.push(`${label}：${h.start} 至 ${h.end} 不在 ${f.year} 年内（跨年的假期请分别录入各年的部分）`);
    const days = [...eachDate(h.start, h.end)];
    if (days.length > MAX_PERIOD_DAYS) return void problems.push(`${label}：${days.length} 天过长，请核对日期`);
    for (const d of days) {
      const other = owner.get(d);
      if (other) {
        problems.push(`${label}与${other}重叠（${d}）`);
        break;
      }
    }
    for (const d of days) owner.set(d, label);
  });
  const seen = new Set<IsoDate>();
  for (const w of f.workDays) {
    if (!isValidIsoDate(w.date)) {
      problems.push(`调休上班日期“${w.date}”不是有效日期（应为 YYYY-MM-DD）`);
      continue;
    }
    if (yearOf(w.date) !== f.year) problems.push(`调休上班日期 ${w.date} 不在 ${f.year} 年内`);
    if (seen.has(w.date)) problems.push(`调休上班日期 ${w.date} 重复`);
    seen.add(w.date);
    // A weekday is a working day anyway: only a Saturday or Sunday can be declared one.
    if (!isWeekend(w.date)) problems.push(`调休上班日期 ${w.date}（${weekdayName(w.date)}）不是周六或周日`);
    const holiday = owner.get(w.date);
    if (holiday) problems.push(`${w.date} 既在${holiday}中，又是调休上班日`);
  }
  return problems;
}

/** The form as the shipped JSON shape (one year), plus the names to store with its dates. */
export function holidayFormToFile(f: HolidayYearForm): { file: { source: string; years: Record<string, { offDays: IsoDate[]; workDays: IsoDate[] }> }; names: Map<IsoDate, string> } {
  const names = new Map<IsoDate, string>();
  const offDays: IsoDate[] = [];
  for (const h of f.holidays) {
    for (const d of eachDate(h.start, h.end)) {
      offDays.push(d);
      names.set(d, h.name.trim());
    }
  }
  const workDays = f.workDays.map((w) => w.date);
  for (const w of f.workDays) if (w.name?.trim()) names.set(w.date, w.name.trim());
  offDays.sort();
  workDays.sort();
  return { file: { source: f.source.trim(), years: { [String(f.year)]: { offDays, workDays } } }, names };
}

export interface StoredDay {
  date: IsoDate;
  kind: 'off' | 'work';
  name: string | null;
}

/**
 * A stored year as the screen shows it: runs of consecutive holiday dates as named periods (the
 * stored name, else the name read from where the run falls), and the 调休 days.
 */
export function yearAsForm(year: number, source: string, days: readonly StoredDay[]): HolidayYearForm {
  const off = days.filter((d) => d.kind === 'off').sort((a, b) => a.date.localeCompare(b.date));
  const holidays: HolidayPeriod[] = [];
  for (const d of off) {
    const last = holidays.at(-1);
    const sameRun = last && Date.parse(d.date) - Date.parse(last.end) === 86_400_000 && (d.name ?? last.name) === last.name;
    if (sameRun) last.end = d.date;
    else holidays.push({ name: d.name ?? '', start: d.date, end: d.date });
  }
  for (const h of holidays) if (!h.name) h.name = holidayBlockName(h.start, h.end);
  const workDays = days.filter((d) => d.kind === 'work').sort((a, b) => a.date.localeCompare(b.date)).map((d) => ({ date: d.date, ...(d.name ? { name: d.name } : {}) }));
  return { year, source, holidays, workDays };
}
