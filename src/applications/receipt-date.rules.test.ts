/**
 * The online receipt date (Art. 31(三), receipt-date.rules.ts) on hand-checked days of 2026
 * (the shipped 2026 notice: 劳动节 5月1日至5日 off, Saturday 5月9日 a working day).
 */
import { it, describe } from 'node:test';
import assert from 'node:assert/strict';
import { shippedCalendar } from '../calendar/shipped-holidays.ts';
import { onlineReceiptDate } from './receipt-date.rules.ts';

describe('online receipt date', () => {
  const cal = shippedCalendar().reader();
  const at = (utc: string) => onlineReceiptDate(new Date(utc), cal);
  it('is the day itself on a working day before 17:00 Beijing time', () => {
    assert.deepEqual(at('2026-03-04T08:59:00Z'), { date: '2026-03-04', submittedAt: '2026-03-04 16:59', postponed: null });
  });
  it('is the next working day from 17:00, and across a weekend', () => {
    assert.equal(at('2026-03-04T09:00:00Z').date, '2026-03-05'); // Wednesday 17:00 → Thursday
    assert.equal(at('2026-03-06T10:00:00Z').date, '2026-03-09'); // Friday 18:00 → Monday
    assert.equal(at('2026-03-03T16:30:00Z').date, '2026-03-04'); // Wednesday 00:30 Beijing: still before 17:00 that day
  });
  it('is the next working day on a rest day or holiday, and a 调休 Saturday counts as working', () => {
    assert.match(at('2026-03-07T02:00:00Z').postponed ?? '', /非工作日/); // Saturday
    assert.equal(at('2026-03-07T02:00:00Z').date, '2026-03-09');
    assert.equal(at('2026-05-01T02:00:00Z').date, '2026-05-06'); // 劳动节
    assert.equal(at('2026-05-09T02:00:00Z').date, '2026-05-09'); // 调休 working Saturday
  });
});
