/**
 * The receipt date of something the applicant submits online (pure; the instant and the calendar
 * are given). Art. 31(三): an online submission is received on the day both sides confirm; the
 * system confirms at once, counting a submission after office hours (ONLINE_OFFICE_CLOSE,
 * Beijing time) or on a rest day or holiday as received on the next working day. As always the
 * receipt date is day zero and not counted (deadline.rules.ts).
 */
import type { IsoDate } from '../calendar/calendar-dates.ts';
import type { CalendarReader } from '../calendar/calendar.rules.ts';
import { shanghaiDate } from '../shared/clock.ts';
import { ONLINE_OFFICE_CLOSE } from './applications.config.ts';

export interface OnlineReceipt {
  /** Day zero of the period that this submission starts. */
  date: IsoDate;
  /** Beijing time of the submission, as the applicant saw it: 2026-03-07 10:15. */
  submittedAt: string;
  /** Why the date is not the day of submission, or null when it is. */
  postponed: string | null;
}

export function onlineReceiptDate(at: Date, calendar: CalendarReader, close: string = ONLINE_OFFICE_CLOSE): OnlineReceipt {
  const local = new Date(at.getTime() + 8 * 3600_000).toISOString();
  const day = shanghaiDate(at);
  const time = local.slice(11, 16);
  const submittedAt = `${day} ${time}`;
  if (!calendar.isWorkingDay(day)) return { date: calendar.addWorkingDays(day, 1), submittedAt, postponed: '非工作日提交，顺延至下一个工作日' };
  if (time >= close) return { date: calendar.addWorkingDays(day, 1), submittedAt, postponed: `工作日 ${close} 以后提交，顺延至下一个工作日` };
  return { date: day, submittedAt, postponed: null };
}
