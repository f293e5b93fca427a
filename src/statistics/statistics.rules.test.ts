import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shippedCalendar } from '../calendar/shipped-holidays.ts';
import { applicationStatistics, columnFreshness } from './statistics.rules.ts';

test('a decision after its due date is late; a case without a receipt date has no working days', () => {
  const s = applicationStatistics(2022, [], [
    // Received 09-30: 10-01–07 are off, 10-08 and 10-09 worked, so the 20th working day is 11-02.
    { receivedDate: '2022-09-30', decisionDate: '2022-11-03', dueDate: '2022-11-02', outcome: 'disclosed' },
    { receivedDate: '2022-09-30', decisionDate: '2022-11-02', dueDate: '2022-11-02', outcome: 'partiallyDisclosed' },
    { receivedDate: null, decisionDate: '2022-11-02', dueDate: null, outcome: 'notProcessed2' },
  ], shippedCalendar());
  assert.equal(s.decided, 3);
  assert.equal(s.onTime, 1);
  assert.equal(s.averageWorkingDays, (21 + 20) / 2);
  assert.equal(s.onTimeRate, 1 / 3);
  assert.deepEqual(s.outcomes.map((o) => o.label), ['（一）予以公开', '（二）部分公开', '（五）不予处理 · 2.重复申请']);
});

test('column freshness: overdue past the interval, due soon in its last fifth, never updated first', () => {
  const col = (name: string, last: string | null, interval: number | null) => ({ columnId: 1, organizationId: 1, organizationName: '石龙区人民政府', name, intervalDays: interval, lastPublishDate: last });
  const rows = columnFreshness([col('a', '2026-11-01', 30), col('b', '2026-11-25', 30), col('c', null, 30), col('d', '2026-10-01', 30), col('e', '2020-01-01', null), col('f', null, null)], '2026-12-01');
  assert.deepEqual(rows.map((r) => [r.name, r.state]), [['c', 'never'], ['f', 'no_interval'], ['e', 'no_interval'], ['d', 'overdue'], ['a', 'due_soon'], ['b', 'fresh']]);
});
