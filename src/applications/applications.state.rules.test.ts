import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../shared/app-error.ts';
import type { CaseEvent } from './applications.events.ts';
import { allowedActions, applyEvent, checkEvent, deadlineTimelineOf, reduceEvents, type CaseState } from './applications.state.rules.ts';

const start: CaseEvent[] = [
  { type: 'submitted', data: { channel: 'online', submittedDate: '2024-11-01', via: 'portal' } },
  { type: 'receipt_confirmed', data: { receivedDate: '2024-11-01' } },
];

function step(s: CaseState, e: CaseEvent): CaseState {
  checkEvent(s, e);
  return applyEvent(s, e);
}

function refused(s: CaseState, e: CaseEvent, reason: RegExp) {
  assert.throws(() => checkEvent(s, e), (err: unknown) => err instanceof AppError && err.status === 409 && reason.test(err.message));
}

describe('case state from events', () => {
  it('is awaiting confirmation until the Art. 31 receipt date is fixed', () => {
    const s = reduceEvents(start.slice(0, 1));
    assert.equal(s.status, 'submitted');
    assert.equal(deadlineTimelineOf(s), null);
    assert.ok(allowedActions(s).includes('receipt_confirmed'));
    assert.ok(!allowedActions(s).includes('decided'));
  });

  it('walks 补正 → consultation → extension → decision and feeds the deadline engine', () => {
    let s = reduceEvents(start);
    assert.equal(s.status, 'in_progress');
    s = step(s, { type: 'correction_requested', data: { date: '2024-11-05', items: '请写明文件名称', replyBy: '2024-11-20' } });
    assert.equal(s.status, 'awaiting_correction');
    refused(s, { type: 'decided', data: { outcome: 'disclosed', decisionDate: '2024-11-06', legalBasis: 'x', replyText: '' } }, /补正/);
    refused(s, { type: 'correction_requested', data: { date: '2024-11-06', items: '再补', replyBy: '2024-11-20' } }, /一次性/);
    s = step(s, { type: 'correction_received', data: { date: '2024-11-08' } });
    s = step(s, { type: 'consultation_sent', data: { consultationNo: 1, kind: 'third-party', party: '某公司', sentDate: '2024-11-11' } });
    assert.equal(s.status, 'consulting');
    assert.ok(allowedActions(s).includes('consultation_replied'));
    s = step(s, { type: 'consultation_replied', data: { consultationNo: 1, repliedDate: '2024-11-15', opinion: 'agree', note: '' } });
    s = step(s, { type: 'extension_requested', data: { days: 10, reason: '需要检索档案' } });
    refused(s, { type: 'decided', data: { outcome: 'disclosed', decisionDate: '2024-11-18', legalBasis: 'x', replyText: '' } }, /审批/);
    s = step(s, { type: 'extension_approved', data: { days: 10, approvedDate: '2024-11-18', approverName: '王' } });
    refused(s, { type: 'extension_requested', data: { days: 5, reason: '再延' } }, /只能延长一次/);
    assert.deepEqual(deadlineTimelineOf(s), {
      received: '2024-11-01',
      correctionRequested: '2024-11-05',
      correctionReceived: '2024-11-08',
      consultations: [{ sent: '2024-11-11', replied: '2024-11-15', kind: 'third-party' }],
      extensionDays: 10,
      laterDueDate: null,
      feeNotice: null,
    });
    s = step(s, { type: 'decided', data: { outcome: 'disclosed', decisionDate: '2024-12-02', legalBasis: '第三十六条', replyText: '予以公开' } });
    assert.equal(s.status, 'decided');
    assert.equal(deadlineTimelineOf(s), null);
    refused(s, { type: 'archived', data: { date: '2024-12-03' } }, /送达/);
    s = step(s, { type: 'delivered', data: { date: '2024-12-03', method: '电子邮件', note: '' } });
    s = step(s, { type: 'archived', data: { date: '2024-12-04' } });
    assert.equal(s.status, 'archived');
    assert.deepEqual(allowedActions(s), ['reopened']);
  });

  it('closes lapses under their own report rows, never by a plain decision', () => {
    let s = reduceEvents(start);
    refused(s, { type: 'decided', data: { outcome: 'otherHandling1', decisionDate: '2024-11-06', legalBasis: 'x', replyText: '' } }, /对应的办结操作/);
    s = step(s, { type: 'correction_requested', data: { date: '2024-11-05', items: '请补充', replyBy: '2024-11-20' } });
    refused(s, { type: 'correction_lapsed', data: { date: '2024-11-20' } }, /尚未届满/);
    s = step(s, { type: 'correction_lapsed', data: { date: '2024-11-21' } });
    assert.equal(s.decision?.outcome, 'otherHandling1');
    const w = reduceEvents([...start, { type: 'withdrawn', data: { date: '2024-11-02', reason: '' } }]);
    assert.equal(w.decision?.outcome, 'otherHandling3');
    refused(reduceEvents(start), { type: 'decided', data: { outcome: 'unable3', decisionDate: '2024-11-06', legalBasis: 'x', replyText: '' } }, /已经补正/);
  });

  it('reopens after 纠正 with a new answer period but keeps the receipt date', () => {
    let s = reduceEvents([...start, { type: 'decided', data: { outcome: 'unable1', decisionDate: '2024-11-20', legalBasis: 'x', replyText: '' } }]);
    s = step(s, { type: 'reopened', data: { date: '2025-03-03', oversightCaseId: 1, reason: '复议决定责令重新答复' } });
    assert.equal(s.status, 'in_progress');
    assert.equal(s.receivedDate, '2024-11-01');
    assert.equal(deadlineTimelineOf(s)?.received, '2025-03-03');
  });
});
