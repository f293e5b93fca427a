/**
 * Reads the State Council notice (国务院办公厅关于N年部分节假日安排的通知) as an administrator
 * pastes it (pure; the admin app imports it) into the holiday form's periods and 调休 working
 * days, for review before anything is saved. Each item reads like
 * "一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。": a name, a period
 * before 放假 (an end without a month takes the start's; one in an earlier month than the start
 * lies in the next year), then sentences of days worked. A date without a year is in year N,
 * except a December date in the 元旦 item, which is in N−1 (2012: "2011年12月31日（星期六）上班";
 * 2023: "2022年12月31日至2023年1月2日"). The part of a period, or a 调休 day, outside year N is not
 * put in the form (the form holds one year) but named in `notes`. The weekday in brackets and the
 * "共N天" are checked against the dates; what cannot be read is listed in `unparsed`, in Chinese.
 */
import { dayOfWeek, eachDate, isValidIsoDate, weekdayName, yearOf, type IsoDate } from './calendar-dates.ts';
import type { HolidayPeriod, MakeUpDay } from './holiday-form.rules.ts';

export interface NoticeReading {
  /** The year the notice names in its title, when the paste includes it. */
  noticeYear: number | null;
  /** 通知名称（文号）when the paste includes them. */
  source: string | null;
  holidays: HolidayPeriod[];
  workDays: MakeUpDay[];
  /** Days of the notice outside the year being entered (not put in the form). */
  notes: string[];
  /** Lines not understood, or whose weekday or day count disagrees with the dates. */
  unparsed: string[];
}

interface DateToken {
  year: number | null;
  month: number | null;
  day: number;
  /** 0 = Sunday … 6 = Saturday, from "（周四）" / "（星期日）" / "（农历除夕、周二）". */
  weekday: number | null;
  raw: string;
  index: number;
}

const WEEKDAY_CHARS: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };
const DATE = /(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日(\s*[（(][^）)]*[）)])?/g;

function datesIn(s: string): DateToken[] {
  return [...s.matchAll(DATE)].map((m) => {
    const w = m[4] ? /(?:周|星期)\s*([一二三四五六日天])/.exec(m[4]) : null;
    return { year: m[1] ? Number(m[1]) : null, month: m[2] ? Number(m[2]) : null, day: Number(m[3]), weekday: w ? WEEKDAY_CHARS[w[1]!]! : null, raw: m[0].trim(), index: m.index };
  });
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Normalizes a paste: full-width digits and colons, no spaces or line breaks inside sentences. */
function normalize(text: string): string {
  return text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/:/g, '：')
    .replace(/[ \t\u3000\r]+/g, '')
    // A line break ends a sentence only before an item ("……的通知\n一、元旦："); elsewhere it is
    // where a copied PDF line wrapped.
    .replace(/\n+(?![一二三四五六七八九十]{1,3}、)/g, '');
}

// An item starts a paste or follows a sentence: "。二、春节：" (not "腊月二十八、周日").
const ITEM = /(?<=^|[。：；\n])([一二三四五六七八九十]{1,3})、(?=[^：。]{1,20}：)/g;
/** The signature "国务院办公厅 2025年11月4日" is no sentence of the last item. */
const SIGNATURE = /国务院办公厅\d{4}年\d{1,2}月\d{1,2}日/g;

export function readHolidayNotice(text: string, year: number): NoticeReading {
  const t = normalize(text).replace(SIGNATURE, '。');
  const out: NoticeReading = { noticeYear: null, source: null, holidays: [], workDays: [], notes: [], unparsed: [] };
  const title = /国务院办公厅关于(\d{4})年部分节假日安排的通知/.exec(t);
  if (title) {
    out.noticeYear = Number(title[1]);
    const docNo = /国办发明电〔\d{4}〕\d+号/.exec(t);
    out.source = `${title[0]}${docNo ? `（${docNo[0]}）` : ''}`;
    if (out.noticeYear !== year) out.unparsed.push(`粘贴的是${out.noticeYear}年的通知，正在录入的是${year}年`);
  }
  const starts = [...t.matchAll(ITEM)].map((m) => m.index);
  if (!starts.length) {
    out.unparsed.push('没有找到“一、元旦：……”这样的放假安排条目，请粘贴通知正文');
    return out;
  }
  // Before the first item only the title, 文号 and preamble: a date there is an item not recognized.
  const before = t.slice(0, starts[0]);
  if (datesIn(before).length && before.includes('放假')) out.unparsed.push(`无法识别：“${before.slice(0, 60)}”`);
  starts.forEach((start, i) => readItem(t.slice(start, starts[i + 1] ?? t.length).replace(/\n/g, ''), year, out));
  return out;
}

function readItem(item: string, year: number, out: NoticeReading): void {
  const head = /^[一二三四五六七八九十]{1,3}、([^：]+)：(.*)$/.exec(item);
  if (!head) return void out.unparsed.push(`无法识别：“${item.slice(0, 60)}”`);
  const name = head[1]!;
  const sentences = head[2]!.split('。').filter(Boolean);
  const first = sentences[0] ?? '';
  const offAt = first.indexOf('放假');
  const period = offAt < 0 ? [] : datesIn(first.slice(0, offAt));
  if (!period.length || period.length > 2) return void out.unparsed.push(`无法识别“${name}”的放假日期：“${first.slice(0, 60)}”`);
  const newYearItem = name.includes('元旦');
  const resolve = (tok: DateToken, ctx: { year: number; month: number } | null): IsoDate | null => {
    const month = tok.month ?? ctx?.month;
    if (!month) return null;
    let y = tok.year ?? ctx?.year ?? (newYearItem && month === 12 ? year - 1 : year);
    // An end date in an earlier month than its start (12月31日至1月2日) is in the next year.
    if (!tok.year && ctx && month < ctx.month) y = ctx.year + 1;
    const d = iso(y, month, tok.day);
    return isValidIsoDate(d) ? d : null;
  };
  const problems: string[] = [];
  const checkWeekday = (tok: DateToken, d: IsoDate) => {
    if (tok.weekday !== null && tok.weekday !== dayOfWeek(d)) problems.push(`“${name}”中“${tok.raw}”：${d} 是${weekdayName(d)}，请核对`);
  };
  const start = resolve(period[0]!, null);
  const end = period[1] ? (start ? resolve(period[1], { year: yearOf(start), month: Number(start.slice(5, 7)) }) : null) : start;
  if (!start || !end || end < start) return void out.unparsed.push(`无法识别“${name}”的放假日期：“${first.slice(0, 60)}”`);
  checkWeekday(period[0]!, start);
  if (period[1]) checkWeekday(period[1], end);
  const all = [...eachDate(start, end)];
  const total = /共(\d+)天/.exec(first);
  if (total && Number(total[1]) !== all.length) problems.push(`“${name}”：${start} 至 ${end} 是 ${all.length} 天，通知写“共${total[1]}天”，请核对`);
  const inYear = all.filter((d) => yearOf(d) === year);
  const outside = all.filter((d) => yearOf(d) !== year);
  if (inYear.length) out.holidays.push({ name, start: inYear[0]!, end: inYear.at(-1)! });
  if (outside.length) out.notes.push(`${name}的 ${outside.length === 1 ? outside[0] : `${outside[0]} 至 ${outside.at(-1)}`} 不在 ${year} 年，未填入；请在 ${yearOf(outside[0]!)} 年的安排中核对`);

  for (const s of sentences.slice(1)) {
    const toks = datesIn(s);
    if (!toks.length) continue; // e.g. 节假日期间，各地区、各部门要妥善安排好值班……
    if (!s.includes('上班')) {
      out.unparsed.push(`无法识别“${name}”中的“${s.slice(0, 60)}”`);
      continue;
    }
    let ctx: { year: number; month: number } | null = null;
    for (const tok of toks) {
      const d: IsoDate | null = tok.month || tok.year ? resolve(tok, null) : ctx ? iso(ctx.year, ctx.month, tok.day) : resolve({ ...tok, month: Number(start.slice(5, 7)) }, null);
      if (!d || !isValidIsoDate(d)) {
        out.unparsed.push(`无法识别“${name}”中的上班日期“${tok.raw}”`);
        continue;
      }
      ctx = { year: yearOf(d), month: Number(d.slice(5, 7)) };
      checkWeekday(tok, d);
      if (yearOf(d) === year) out.workDays.push({ date: d, name });
      else out.notes.push(`${name}的调休上班日 ${d}（${weekdayName(d)}）不在 ${year} 年，未填入；请在 ${yearOf(d)} 年的安排中核对`);
    }
  }
  out.unparsed.push(...problems);
}
