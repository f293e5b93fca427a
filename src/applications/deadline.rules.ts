/**
 * The answer deadline of a disclosure application (pure: no clock, no I/O), exactly as DESIGN
 * "Application deadline":
 * - Day zero is the receipt date (Art. 31), never counted, working day or not (《民法典》
 *   Art. 201: 开始的当日不计入); the answer is due on the 20th counted working day (Art. 33).
 * - 补正 (Art. 30): the notice is due by the 7th working day after receipt; once the corrected
 *   application is received, day zero becomes that date and the count restarts.
 * - Consultation (Art. 32 third party, Art. 34 other agency; Art. 33(3)): working days strictly
 *   after sending, up to and including the reply date (or the 15th working day after sending
 *   when no reply came), are not counted; several consultations pause the union of their days.
 * - Extension (Art. 33(2)): once, at most 20 working days, added as counted working days.
 * - Art. 35: a later reasonable due date set by the body, with its reason.
 * - Fee notice (国办函〔2020〕109号): 20 working days to pay from the day after the applicant
 *   received the notice; whether that wait pauses the clock is a setting (default: paused).
 */
import { AppError } from '../shared/app-error.ts';
import { fromDayNumber, isValidIsoDate, toDayNumber, weekdayName, type IsoDate } from '../calendar/calendar-dates.ts';
import type { CalendarReader, WorkingCalendar } from '../calendar/calendar.rules.ts';
import {
  ANSWER_WORKING_DAYS,
  CONSULTATION_REPLY_WORKING_DAYS,
  CORRECTION_NOTICE_WORKING_DAYS,
  DEFAULT_FEE_WAIT_PAUSES_CLOCK,
  FEE_PAYMENT_WORKING_DAYS,
  MAX_EXTENSION_WORKING_DAYS,
} from './applications.config.ts';

export interface Consultation {
  sent: IsoDate;
  /** Date the reply arrived; null or absent when none came (yet). */
  replied?: IsoDate | null;
  /** third-party: Art. 32; agency: Art. 34. Only changes the wording of the explanation. */
  kind?: 'third-party' | 'agency';
}

export interface DeadlineTimeline {
  received: IsoDate;
  correctionRequested?: IsoDate | null;
  correctionReceived?: IsoDate | null;
  consultations?: Consultation[];
  extensionDays?: number | null;
  /** Art. 35: a later reasonable due date, with its reason. */
  laterDueDate?: { date: IsoDate; reason: string } | null;
  /** The day the applicant received the fee notice, and the day the fee was paid. */
  feeNotice?: { received: IsoDate; paid?: IsoDate | null } | null;
}

export interface DeadlineOptions {
  feeWaitPausesClock?: boolean;
}

export interface DeadlineWarning {
  code: string;
  message: string;
}

export interface DeadlineResult {
  /** The answer due date; null while a requested 补正 has not come back (the clock has not started). */
  dueDate: IsoDate | null;
  /** The due date from Art. 33 alone (20 + extension), before any Art. 35 later date. */
  statutoryDueDate: IsoDate | null;
  correctionNoticeDue: IsoDate;
  /** One per consultation, in input order: the 15th working day after sending. */
  consultationReplyDue: IsoDate[];
  feePaymentDue: IsoDate | null;
  warnings: DeadlineWarning[];
  /** Chinese steps a clerk reads as "为什么是这一天". */
  explanation: string[];
}

const invalid = (message: string, field: string) => new AppError('applications.invalid_timeline', message, 400, { field });

function checkDate(value: unknown, field: string, label: string): IsoDate {
  if (!isValidIsoDate(value)) {
    throw new AppError('applications.invalid_date', `${label}（${field}）不是有效日期：应为 YYYY-MM-DD 格式的真实日期`, 400, { field });
  }
  return value;
}

function optionalDate(value: unknown, field: string, label: string): IsoDate | null {
  return value === undefined || value === null ? null : checkDate(value, field, label);
}

function notBefore(later: IsoDate, earlier: IsoDate, field: string, message: string): void {
  if (later < earlier) throw invalid(`${message}（${later} 早于 ${earlier}）`, field);
}

/** Validates shape and order; throws AppError with a stable code and a Chinese message. */
export function validateTimeline(t: DeadlineTimeline): void {
  if (typeof t !== 'object' || t === null) throw invalid('时间线必须是对象', 'timeline');
  const received = checkDate(t.received, 'received', '收到申请日期');
  const requested = optionalDate(t.correctionRequested, 'correctionRequested', '补正告知日期');
  const corrected = optionalDate(t.correctionReceived, 'correctionReceived', '收到补正日期');
  if (requested) notBefore(requested, received, 'correctionRequested', '补正告知日期不能早于收到申请日期');
  if (corrected && !requested) throw invalid('有收到补正日期，却没有补正告知日期', 'correctionRequested');
  if (corrected && requested) notBefore(corrected, requested, 'correctionReceived', '收到补正日期不能早于补正告知日期');
  if (t.consultations !== undefined && !Array.isArray(t.consultations)) throw invalid('consultations 必须是数组', 'consultations');
  (t.consultations ?? []).forEach((c, i) => {
    const field = `consultations[${i}]`;
    if (typeof c !== 'object' || c === null) throw invalid(`第 ${i + 1} 次征求意见必须是对象`, field);
    const sent = checkDate(c.sent, `${field}.sent`, `第 ${i + 1} 次征求意见发出日期`);
    const replied = optionalDate(c.replied, `${field}.replied`, `第 ${i + 1} 次征求意见答复日期`);
    notBefore(sent, received, `${field}.sent`, `第 ${i + 1} 次征求意见发出日期不能早于收到申请日期`);
    if (replied) notBefore(replied, sent, `${field}.replied`, `第 ${i + 1} 次征求意见答复日期不能早于发出日期`);
    if (c.kind !== undefined && c.kind !== 'third-party' && c.kind !== 'agency') {
      throw invalid(`第 ${i + 1} 次征求意见的类型只能是 third-party（第三方）或 agency（其他机关）`, `${field}.kind`);
    }
  });
  const ext = t.extensionDays;
  if (ext !== undefined && ext !== null && (!Number.isInteger(ext) || ext < 0 || ext > MAX_EXTENSION_WORKING_DAYS)) {
    throw new AppError('applications.invalid_extension', `延长答复期限最长 ${MAX_EXTENSION_WORKING_DAYS} 个工作日，且只能延长一次（《条例》第三十三条）：${String(ext)} 不符合`, 400, { field: 'extensionDays' });
  }
  if (t.laterDueDate) {
    checkDate(t.laterDueDate.date, 'laterDueDate.date', '延迟答复期限');
    if (typeof t.laterDueDate.reason !== 'string' || !t.laterDueDate.reason.trim()) {
      throw new AppError('applications.invalid_later_due_date', '依《条例》第三十五条确定延迟答复期限，必须写明理由', 400, { field: 'laterDueDate.reason' });
    }
  }
  if (t.feeNotice) {
    const noticed = checkDate(t.feeNotice.received, 'feeNotice.received', '申请人收到收费通知日期');
    const paid = optionalDate(t.feeNotice.paid, 'feeNotice.paid', '缴费日期');
    notBefore(noticed, received, 'feeNotice.received', '收到收费通知日期不能早于收到申请日期');
    if (paid) notBefore(paid, noticed, 'feeNotice.paid', '缴费日期不能早于收到收费通知日期');
  }
}

type PauseReason = 'consultation' | 'fee';
interface Pause {
  from: number; // first paused day (the day after sending / after the notice was received)
  to: number; // last paused day, included
  reason: PauseReason;
}

const CONSULTATION_PAUSE = '征求意见期间（《条例》第三十三条第三款）';
const FEE_PAUSE = '等待缴纳信息处理费期间';
/** Indexed by the bits of the pauses covering a day: 1 consultation, 2 fee. */
const PAUSE_REASONS = ['', CONSULTATION_PAUSE, FEE_PAUSE, `${CONSULTATION_PAUSE}、${FEE_PAUSE}`];

function consultationLabel(c: Consultation): string {
  if (c.kind === 'third-party') return '征求第三方意见（《条例》第三十二条）';
  if (c.kind === 'agency') return '征求其他机关意见（《条例》第三十四条）';
  return '征求意见（《条例》第三十二条、第三十四条）';
}

/** Walks the working days after day zero, skipping paused ones, and narrates what it passes. */
function walk(r: CalendarReader, dayZero: IsoDate, extension: number, pauses: Pause[]) {
  const lines: string[] = [];
  const target = ANSWER_WORKING_DAYS + extension;
  const seenBlocks = new Set<string>();
  let day = toDayNumber(dayZero);
  let counted = 0;
  let weekends = 0;
  let run: { from: number; to: number; n: number; reason: string } | null = null;
  const flush = () => {
    if (!run) return;
    const span = run.from === run.to ? fromDayNumber(run.from) : `${fromDayNumber(run.from)} 至 ${fromDayNumber(run.to)}`;
    lines.push(`${span} 处于${run.reason}，其中 ${run.n} 个工作日不计`);
    run = null;
  };
  while (counted < target) {
    day += 1;
    const kind = r.kindOfDayNumber(day);
    if (kind === 'holiday') {
      const block = r.holidayBlockOfDayNumber(day);
      if (block && !seenBlocks.has(block.first)) {
        seenBlocks.add(block.first);
        const span = block.first === block.last ? block.first : `${block.first} 至 ${block.last}`;
        lines.push(`${block.name} ${span} 放假，不计`);
      }
      continue;
    }
    if (kind === 'weekend') {
      weekends += 1;
      continue;
    }
    let pausedFor = 0; // bit 1: consultation, bit 2: fee
    for (const p of pauses) if (p.from <= day && day <= p.to) pausedFor |= p.reason === 'consultation' ? 1 : 2;
    if (pausedFor) {
      const reason = PAUSE_REASONS[pausedFor];
      if (run && run.reason !== reason) flush();
      if (run) {
        run.to = day;
        run.n += 1;
      } else run = { from: day, to: day, n: 1, reason };
      continue;
    }
    flush();
    counted += 1;
    const date = counted === 1 || counted === ANSWER_WORKING_DAYS || kind === 'adjusted-workday' ? fromDayNumber(day) : '';
    if (counted === 1) lines.push(`第1个工作日：${date}（自第0日的次日起算）`);
    if (kind === 'adjusted-workday') lines.push(`${date}（${weekdayName(date)}）调休上班，计入（第${counted}个工作日）`);
    if (counted === ANSWER_WORKING_DAYS) {
      lines.push(`第${ANSWER_WORKING_DAYS}个工作日：${date}（《条例》第三十三条第二款）`);
    }
  }
  flush();
  if (weekends) lines.push(`其间普通周六、周日共 ${weekends} 天，不计`);
  const due = fromDayNumber(day);
  if (extension > 0) lines.push(`延长 ${extension} 个工作日（《条例》第三十三条第二款，经工作机构负责人同意），第${target}个工作日：${due}`);
  return { due, lines };
}

/** Computes the due dates of one application's timeline with their explanation. */
export function computeDeadline(calendar: WorkingCalendar, timeline: DeadlineTimeline, options: DeadlineOptions = {}): DeadlineResult {
  validateTimeline(timeline);
  const r = calendar.reader();
  const warnings: DeadlineWarning[] = [];
  const explanation: string[] = [];
  const { received } = timeline;
  const consultations = timeline.consultations ?? [];
  const pausesForFee = options.feeWaitPausesClock ?? DEFAULT_FEE_WAIT_PAUSES_CLOCK;

  const receivedKind = r.dayKind(received);
  const restDay = receivedKind === 'holiday' || receivedKind === 'weekend' ? '；当日为休息日，仍以该日为第0日' : '';
  explanation.push(`${received} 收到申请（第0日，不计入；《条例》第三十一条、《民法典》第二百零一条${restDay}）`);

  const correctionNoticeDue = r.addWorkingDays(received, CORRECTION_NOTICE_WORKING_DAYS);
  explanation.push(`补正告知期限：收到申请后第${CORRECTION_NOTICE_WORKING_DAYS}个工作日，即 ${correctionNoticeDue}（《条例》第三十条）`);
  const requested = timeline.correctionRequested ?? null;
  const corrected = timeline.correctionReceived ?? null;
  if (requested) {
    explanation.push(`${requested} 一次性告知申请人补正`);
    if (requested > correctionNoticeDue) {
      warnings.push({ code: 'applications.correction_notice_late', message: `补正告知（${requested}）晚于法定期限 ${correctionNoticeDue}（《条例》第三十条）` });
    }
  }
  if (corrected) explanation.push(`${corrected} 收到补正后的申请，答复期限自该日重新计算（第0日，不计入；《条例》第三十条）`);

  const pauses: Pause[] = [];
  const consultationReplyDue = consultations.map((c) => {
    const due = r.addWorkingDays(c.sent, CONSULTATION_REPLY_WORKING_DAYS);
    const end = c.replied ?? due;
    const answer = c.replied ? `${c.replied} 收到答复` : `未收到答复，按第${CONSULTATION_REPLY_WORKING_DAYS}个工作日 ${due} 计算不计入期间`;
    explanation.push(`${c.sent} 发出${consultationLabel(c)}，答复期限为第${CONSULTATION_REPLY_WORKING_DAYS}个工作日 ${due}；${answer}`);
    if (c.replied && c.replied > due) {
      warnings.push({ code: 'applications.consultation_reply_late', message: `${c.sent} 发出的征求意见于 ${c.replied} 才答复，晚于答复期限 ${due}；至答复之日的工作日均不计入答复期限` });
    }
    pauses.push({ from: toDayNumber(c.sent) + 1, to: toDayNumber(end), reason: 'consultation' });
    return due;
  });

  let feePaymentDue: IsoDate | null = null;
  if (timeline.feeNotice) {
    const { received: noticed, paid } = timeline.feeNotice;
    feePaymentDue = r.addWorkingDays(noticed, FEE_PAYMENT_WORKING_DAYS);
    const payment = paid ? `${paid} 缴费` : '尚未缴费';
    explanation.push(`${noticed} 申请人收到收费通知，应自次日起${FEE_PAYMENT_WORKING_DAYS}个工作日内（${feePaymentDue} 前）缴费（国办函〔2020〕109号）；${payment}`);
    explanation.push(pausesForFee ? '按本单位设置，等待缴费期间不计入答复期限' : '按本单位设置，等待缴费期间照常计入答复期限');
    if (!paid) warnings.push({ code: 'applications.fee_unpaid', message: `申请人尚未缴费；${feePaymentDue} 前仍未缴纳的，视为放弃申请（年度报告（六）2）` });
    if (pausesForFee) pauses.push({ from: toDayNumber(noticed) + 1, to: toDayNumber(paid ?? feePaymentDue), reason: 'fee' });
  }

  let statutoryDueDate: IsoDate | null = null;
  if (requested && !corrected) {
    explanation.push('尚未收到补正后的申请：答复期限自收到补正申请之日起计算，目前尚未起算');
    warnings.push({ code: 'applications.correction_pending', message: '等待申请人补正，答复期限尚未起算' });
  } else {
    const dayZero = corrected ?? received;
    const walked = walk(r, dayZero, timeline.extensionDays ?? 0, pauses);
    explanation.push(...walked.lines);
    statutoryDueDate = walked.due;
    consultations.forEach((c, i) => {
      if (c.sent >= walked.due) {
        warnings.push({ code: 'applications.consultation_after_due', message: `第 ${i + 1} 次征求意见于 ${c.sent} 发出，答复期限已届满，不再延长期限` });
      }
    });
  }

  let dueDate = statutoryDueDate;
  const later = timeline.laterDueDate;
  if (later) {
    if (statutoryDueDate && later.date <= statutoryDueDate) {
      throw new AppError('applications.invalid_later_due_date', `依《条例》第三十五条确定的延迟答复期限（${later.date}）必须晚于法定答复期限 ${statutoryDueDate}`, 400, { field: 'laterDueDate.date' });
    }
    explanation.push(`依《条例》第三十五条确定延迟答复的合理期限：${later.date}（理由：${later.reason.trim()}）`);
    dueDate = later.date;
  }
  if (dueDate) explanation.push(`答复期限：${dueDate}`);
  const calendarWarnings = r.warnings();
  for (const w of calendarWarnings) explanation.push(`注意：${w.year} 年尚无节假日安排数据，该年按周一至周五为工作日推算`);
  return {
    dueDate,
    statutoryDueDate,
    correctionNoticeDue,
    consultationReplyDue,
    feePaymentDue,
    warnings: [...calendarWarnings, ...warnings],
    explanation,
  };
}
