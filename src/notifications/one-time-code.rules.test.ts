import { it, describe } from 'node:test';
import assert from 'node:assert/strict';
import { oneTimeCodeStale, redactOneTimeCode } from './one-time-code.rules.ts';
import { recoveryMessage } from '../applications/query-code-recovery.rules.ts';

describe('one-time codes in stored messages', () => {
  it('blanks the code of a sent message and keeps the tracking number', () => {
    for (const channel of ['email', 'sms'] as const) {
      const m = recoveryMessage({ code: '042917', trackingNumber: '2026001000012', bodyName: '石龙区人民政府', channel, recipient: 'x' });
      assert.match(m.body, /042917/);
      const kept = redactOneTimeCode(m.body);
      assert.ok(!kept.includes('042917'), channel);
      assert.match(kept, /验证码：\*{6}/);
      assert.match(kept, /2026001000012/);
    }
  });

  it('does not send a code message older than the code itself', () => {
    const created = '2026-03-02T02:00:00.000Z';
    assert.equal(oneTimeCodeStale(created, new Date('2026-03-02T02:09:59Z')), false);
    assert.equal(oneTimeCodeStale(created, new Date('2026-03-02T02:10:00Z')), true);
  });
});
