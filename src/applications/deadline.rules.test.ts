/**
 * Timelines with 补正, consultations, extension, fee notice and Art. 35, worked out by hand.
 * Base periods used below (no holidays in November–December 2024 except 2025-01-01):
 * - received Fri 2024-11-01 → 20 weekdays = four weeks → due Fri 2024-11-29.
 * - received Fri 2024-09-27 → due 2024-10-30 (see deadline.golden.test.ts for the day list).
 * "WD" = working day; a paused day is a working day that is not counted.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { computeDeadline, type DeadlineOptions, type DeadlineTimeline } from './deadline.rules.ts';
import { shippedCalendar } from '../calendar/shipped-holidays.ts';
import { AppError } from '../shared/app-error.ts';

const cal = shippedCalendar();
const codes = (t: DeadlineTimeline, o?: DeadlineOptions) => computeDeadline(cal, t, o).warnings.map((w) => w.code);

function expectError(t: DeadlineTimeline, code: string, text: RegExp) {
  assert.throws(
    () => computeDeadline(cal, t),
    (e: unknown) => e instanceof AppError && e.code === code && e.status === 400 && text.test(e.message),
  );
}

describe('补正 (Art. 30): day zero moves to the receipt of the corrected application', () => {
  it('restarts the count from the corrected application', () => {
    // Notice due 10-12 (7th WD after 09-27). Corrected application Tue 10-15 is the new day 0:
    // 1=10-16 … 3=18, 4=21 … 8=25, 9=28 … 13=11-01, 14=11-04 … 18=08, 19=11, 20=11-12.
    const r = computeDeadline(cal, { received: '2024-09-27', correctionRequested: '2024-10-09', correctionReceived: '2024-10-15' });
    assert.equal(r.correctionNoticeDue, '2024-10-12');
    assert.equal(r.dueDate, '2024-11-12');
    assert.deepEqual(r.warnings, []);
  });

  it('has no due date while the correction is awaited', () => {
    const r = computeDeadline(cal, { received: '2024-09-27', correctionRequested: '2024-10-09' });
    assert.equal(r.dueDate, null);
    assert.equal(r.correctionNoticeDue, '2024-10-12');
    assert.deepEqual(r.warnings.map((w) => w.code), ['applications.correction_pending']);
  });

  it('warns when the notice went out after the 7th working day', () => {
    // Notice Mon 10-14 > 10-12. Corrected the same day; day 0 = 10-14: 1=15 … 4=18, 5=21 … 9=25,
    // 10=28 … 14=11-01, 15=11-04 … 19=11-08, 20=11-11.
    const t = { received: '2024-09-27', correctionRequested: '2024-10-14', correctionReceived: '2024-10-14' };
    assert.equal(computeDeadline(cal, t).dueDate, '2024-11-11');
    assert.deepEqual(codes(t), ['applications.correction_notice_late']);
  });

  it('restarts on a holiday: the corrected application arrives during Spring Festival 2024', () => {
    // Day 0 = Sat 02-17 (off): 1=02-18 Sun+, 2=19, 3=20, 4=21, 5=22, 6=23, 7=26, 8=27, 9=28, 10=29,
    // 11=03-01, 12=04, 13=05, 14=06, 15=07, 16=08, 17=11, 18=12, 19=13, 20=03-14.
    const r = computeDeadline(cal, { received: '2024-02-01', correctionRequested: '2024-02-08', correctionReceived: '2024-02-17' });
    assert.equal(r.dueDate, '2024-03-14');
    assert.equal(r.correctionNoticeDue, '2024-02-09');
  });
});

describe('consultations (Arts. 32, 34; Art. 33(3)): the days after sending up to the reply are not counted', () => {
  it('pauses the working days strictly after sending, up to and including the reply', () => {
    // Sent Tue 11-05 (still counted: 1=11-04, 2=11-05); replied Tue 11-12 → 06,07,08,11,12 paused
    // (5 WD); 3=11-13 … 20=12-06 (= 11-29 plus five WD). Reply due: 15th WD after 11-05 = 11-26.
    const r = computeDeadline(cal, { received: '2024-11-01', consultations: [{ sent: '2024-11-05', replied: '2024-11-12' }] });
    assert.equal(r.dueDate, '2024-12-06');
    assert.deepEqual(r.consultationReplyDue, ['2024-11-26']);
  });

  it('pauses until the 15th working day when no reply came', () => {
    // Paused 11-06..11-26 (15 WD). 1=11-04, 2=11-05, 3=11-27, 4=28, 5=29, 6=12-02 … 10=06,
    // 11=09 … 15=13, 16=16 … 20=12-20.
    const r = computeDeadline(cal, { received: '2024-11-01', consultations: [{ sent: '2024-11-05', replied: null, kind: 'third-party' }] });
    assert.equal(r.dueDate, '2024-12-20');
    assert.deepEqual(r.consultationReplyDue, ['2024-11-26']);
    assert.ok(r.explanation.some((l) => l.includes('征求第三方意见（《条例》第三十二条）') && l.includes('未收到答复')));
  });

  it('pauses the union of overlapping consultations, not their sum', () => {
    // A: 11-05→11-12 pauses 06,07,08,11,12; B: 11-08→11-15 pauses 11,12,13,14,15. Union
    // 06..15 = 8 WD (a sum would be 10). 11-29 + 8 WD = 12-02,03,04,05,06,09,10,11 → 12-11.
    // Reply due of B: 15th WD after Fri 11-08 = 11-11..15 (5), 18..22 (10), 25..29 (15) → 11-29.
    const r = computeDeadline(cal, {
      received: '2024-11-01',
      consultations: [{ sent: '2024-11-05', replied: '2024-11-12' }, { sent: '2024-11-08', replied: '2024-11-15', kind: 'agency' }],
    });
    assert.equal(r.dueDate, '2024-12-11');
    assert.deepEqual(r.consultationReplyDue, ['2024-11-26', '2024-11-29']);
  });

  it('adds separate consultations one after the other', () => {
    // 11-05→11-07 pauses 06,07; 11-18→11-20 pauses 19,20: 4 WD → 11-29 + 4 = 12-05.
    const r = computeDeadline(cal, {
      received: '2024-11-01',
      consultations: [{ sent: '2024-11-05', replied: '2024-11-07' }, { sent: '2024-11-18', replied: '2024-11-20' }],
    });
    assert.equal(r.dueDate, '2024-12-05');
  });

  it('pauses nothing when the reply comes the day the letter was sent', () => {
    const r = computeDeadline(cal, { received: '2024-11-01', consultations: [{ sent: '2024-11-05', replied: '2024-11-05' }] });
    assert.equal(r.dueDate, '2024-11-29');
  });

  it('counts holidays inside a consultation only once (they were never counted)', () => {
    // Received 09-27; sent Mon 09-30 (2nd WD), replied Thu 10-10: paused WD 10-08, 09, 10 only.
    // 1=09-29+, 2=09-30, 3=10-11, 4=10-12 Sat+, 5=14 … 9=18, 10=21 … 14=25, 15=28 … 18=31,
    // 19=11-01, 20=11-04. Reply due: 10-08..11 (4), 12+ (5), 14..18 (10), 21..25 (15) → 10-25.
    const r = computeDeadline(cal, { received: '2024-09-27', consultations: [{ sent: '2024-09-30', replied: '2024-10-10' }] });
    assert.equal(r.dueDate, '2024-11-04');
    assert.deepEqual(r.consultationReplyDue, ['2024-10-25']);
  });

  it('keeps pausing until a late reply arrives, and says the reply was late', () => {
    // Reply due 11-26, replied Thu 11-28: paused 11-06..11-28 = 17 WD. 1=11-04, 2=11-05, 3=11-29,
    // 4=12-02 … 8=06, 9=09 … 13=13, 14=16 … 18=20, 19=23, 20=12-24.
    const t = { received: '2024-11-01', consultations: [{ sent: '2024-11-05', replied: '2024-11-28' }] };
    assert.equal(computeDeadline(cal, t).dueDate, '2024-12-24');
    assert.deepEqual(codes(t), ['applications.consultation_reply_late']);
  });

  it('does not reopen a deadline that had already passed', () => {
    // Sent on the due date 11-29 itself: its pause starts 11-30, after the last counted day.
    // Reply due: 12-02..06 (5), 09..13 (10), 16..20 (15) → 12-20.
    const t = { received: '2024-11-01', consultations: [{ sent: '2024-11-29', replied: null }] };
    const r = computeDeadline(cal, t);
    assert.equal(r.dueDate, '2024-11-29');
    assert.deepEqual(r.consultationReplyDue, ['2024-12-20']);
    assert.deepEqual(codes(t), ['applications.consultation_after_due']);
  });
});

describe('extension (Art. 33(2)): once, at most 20 working days, added as counted days', () => {
  it('adds 20 working days', () => {
    // 11-29 + 20 WD: 12-02..06 (5), 09..13 (10), 16..20 (15), 23..27 (20) → 12-27.
    const r = computeDeadline(cal, { received: '2024-11-01', extensionDays: 20 });
    assert.equal(r.dueDate, '2024-12-27');
    assert.ok(r.explanation.includes('第20个工作日：2024-11-29（《条例》第三十三条第二款）'));
  });

  it('adds 20 working days after National Day 2024', () => {
    // 20=10-30 (golden); 21=10-31, 22=11-01, 23=04 … 27=08, 28=11 … 32=15, 33=18 … 37=22,
    // 38=25, 39=26, 40=11-27.
    assert.equal(computeDeadline(cal, { received: '2024-09-27', extensionDays: 20 }).dueDate, '2024-11-27');
  });

  it('skips New Year 2025 inside the extension', () => {
    // Tue 2024-12-10: 1=11, 2=12, 3=13, 4=16 … 8=20, 9=23 … 13=27, 14=30, 15=31; 2025-01-01 off;
    // 16=01-02, 17=03, 18=06, 19=07, 20=01-08; extension 5: 21=09, 22=10, 23=13, 24=14, 25=01-15.
    const r = computeDeadline(cal, { received: '2024-12-10', extensionDays: 5 });
    assert.equal(r.dueDate, '2025-01-15');
    assert.ok(r.explanation.includes('元旦 2025-01-01 放假，不计'));
  });

  it('adds to a paused clock', () => {
    // Consultation 11-05→11-12 gives 12-06 (above); + 20 WD: 12-09..13 (5), 16..20 (10),
    // 23..27 (15), 30, 31 (17), 2025-01-01 off, 01-02 (18), 03 (19), 06 (20) → 2025-01-06.
    const r = computeDeadline(cal, { received: '2024-11-01', extensionDays: 20, consultations: [{ sent: '2024-11-05', replied: '2024-11-12' }] });
    assert.equal(r.dueDate, '2025-01-06');
  });
});

describe('fee notice (国办函〔2020〕109号): 20 working days to pay', () => {
  it('pauses the clock from the day after the notice up to and including payment (default)', () => {
    // Notice received Mon 11-11, paid Thu 11-14: paused 12, 13, 14 (3 WD) → 11-29 + 3 = 12-04.
    // Payment due: 20th WD after 11-11 = 12..15 (4), 18..22 (9), 25..29 (14), 12-02..06 (19), 09.
    const r = computeDeadline(cal, { received: '2024-11-01', feeNotice: { received: '2024-11-11', paid: '2024-11-14' } });
    assert.equal(r.dueDate, '2024-12-04');
    assert.equal(r.feePaymentDue, '2024-12-09');
  });

  it('does not pause when the body has set the wait to count', () => {
    const r = computeDeadline(cal, { received: '2024-11-01', feeNotice: { received: '2024-11-11', paid: '2024-11-14' } }, { feeWaitPausesClock: false });
    assert.equal(r.dueDate, '2024-11-29');
    assert.equal(r.feePaymentDue, '2024-12-09');
  });

  it('pauses until the payment deadline while unpaid, and warns', () => {
    // 1=11-04 … 5=08, 6=11-11 (notice day counted); 11-12..12-09 paused; 7=12-10, 8=11, 9=12,
    // 10=13, 11=16 … 15=20, 16=23 … 20=12-27.
    const t = { received: '2024-11-01', feeNotice: { received: '2024-11-11', paid: null } };
    assert.equal(computeDeadline(cal, t).dueDate, '2024-12-27');
    assert.deepEqual(codes(t), ['applications.fee_unpaid']);
  });

  it('joins a fee wait and a consultation as one union', () => {
    // Consultation pauses 06..12, fee wait 12..14: union 06,07,08,11,12,13,14 = 7 WD →
    // 11-29 + 7 = 12-02 … 06 (5), 09 (6), 10 (7) → 12-10.
    const r = computeDeadline(cal, {
      received: '2024-11-01',
      consultations: [{ sent: '2024-11-05', replied: '2024-11-12' }],
      feeNotice: { received: '2024-11-11', paid: '2024-11-14' },
    });
    assert.equal(r.dueDate, '2024-12-10');
  });
});

describe('Art. 35: a later reasonable due date', () => {
  it('replaces the due date and keeps the statutory one and the reason', () => {
    const r = computeDeadline(cal, { received: '2024-11-01', laterDueDate: { date: '2025-01-31', reason: '申请数量明显超过合理范围' } });
    assert.equal(r.dueDate, '2025-01-31');
    assert.equal(r.statutoryDueDate, '2024-11-29');
    assert.ok(r.explanation.includes('依《条例》第三十五条确定延迟答复的合理期限：2025-01-31（理由：申请数量明显超过合理范围）'));
  });

  it('refuses a date that is not later, or no reason', () => {
    expectError({ received: '2024-11-01', laterDueDate: { date: '2024-11-29', reason: '数量大' } }, 'applications.invalid_later_due_date', /必须晚于法定答复期限 2024-11-29/);
    expectError({ received: '2024-11-01', laterDueDate: { date: '2025-01-31', reason: ' ' } }, 'applications.invalid_later_due_date', /必须写明理由/);
  });
});

describe('timeline validation: clear Chinese errors with stable codes', () => {
  it('rejects a correction received before it was requested', () => {
    expectError({ received: '2024-09-27', correctionRequested: '2024-10-09', correctionReceived: '2024-10-08' }, 'applications.invalid_timeline', /收到补正日期不能早于补正告知日期（2024-10-08 早于 2024-10-09）/);
  });
  it('rejects a correction without a request, and a request before receipt', () => {
    expectError({ received: '2024-09-27', correctionReceived: '2024-10-08' }, 'applications.invalid_timeline', /没有补正告知日期/);
    expectError({ received: '2024-09-27', correctionRequested: '2024-09-26' }, 'applications.invalid_timeline', /补正告知日期不能早于收到申请日期/);
  });
  it('rejects dates that do not exist', () => {
    expectError({ received: '2024-02-30' }, 'applications.invalid_date', /收到申请日期（received）不是有效日期/);
    expectError({ received: '2024/09/27' }, 'applications.invalid_date', /YYYY-MM-DD/);
  });
  it('rejects consultation dates out of order', () => {
    expectError({ received: '2024-11-01', consultations: [{ sent: '2024-10-31' }] }, 'applications.invalid_timeline', /征求意见发出日期不能早于收到申请日期/);
    expectError({ received: '2024-11-01', consultations: [{ sent: '2024-11-05', replied: '2024-11-04' }] }, 'applications.invalid_timeline', /答复日期不能早于发出日期/);
  });
  it('rejects an extension over 20 working days or not whole', () => {
    expectError({ received: '2024-11-01', extensionDays: 21 }, 'applications.invalid_extension', /最长 20 个工作日/);
    expectError({ received: '2024-11-01', extensionDays: 2.5 }, 'applications.invalid_extension', /2\.5 不符合/);
  });
  it('rejects a payment before the fee notice', () => {
    expectError({ received: '2024-11-01', feeNotice: { received: '2024-11-11', paid: '2024-11-10' } }, 'applications.invalid_timeline', /缴费日期不能早于收到收费通知日期/);
  });
});

describe('explanation: why this date', () => {
  it('reads as the steps a clerk checks', () => {
    const r = computeDeadline(cal, { received: '2024-09-27' });
    assert.deepEqual(r.explanation, [
      '2024-09-27 收到申请（第0日，不计入；《条例》第三十一条、《民法典》第二百零一条）',
      '补正告知期限：收到申请后第7个工作日，即 2024-10-12（《条例》第三十条）',
      '第1个工作日：2024-09-29（自第0日的次日起算）',
      '2024-09-29（星期日）调休上班，计入（第1个工作日）',
      '国庆节 2024-10-01 至 2024-10-07 放假，不计',
      '2024-10-12（星期六）调休上班，计入（第7个工作日）',
      '第20个工作日：2024-10-30（《条例》第三十三条第二款）',
      // Weekends passed: 09-28, 10-13, 19, 20, 26, 27 (10-05/06 are inside the holiday block).
      '其间普通周六、周日共 6 天，不计',
      '答复期限：2024-10-30',
    ]);
  });

  it('names the paused span of a consultation', () => {
    const r = computeDeadline(cal, { received: '2024-11-01', consultations: [{ sent: '2024-11-05', replied: '2024-11-12' }] });
    assert.ok(r.explanation.includes('2024-11-06 至 2024-11-12 处于征求意见期间（《条例》第三十三条第三款），其中 5 个工作日不计'));
  });

  it('says when a receipt day was a rest day, and when a year has no data', () => {
    const r = computeDeadline(cal, { received: '2026-12-15' });
    assert.ok(r.explanation.includes('注意：2027 年尚无节假日安排数据，该年按周一至周五为工作日推算'));
    assert.match(computeDeadline(cal, { received: '2024-10-03' }).explanation[0], /当日为休息日，仍以该日为第0日/);
  });
});
