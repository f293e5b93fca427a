import { it } from 'node:test';
import assert from 'node:assert/strict';
import { beijingTime } from './beijing-time.ts';

it('shows a stored UTC instant in Beijing time, across midnight and the year', () => {
  assert.equal(beijingTime('2026-03-02T02:00:00Z'), '2026-03-02 10:00:00');
  assert.equal(beijingTime('2025-12-31T16:30:05.123Z'), '2026-01-01 00:30:05');
  assert.equal(beijingTime('2025-12-31T16:30:05.123Z', { seconds: false }), '2026-01-01 00:30');
});
