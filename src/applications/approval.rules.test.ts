/** Separation of duties as pure rules: the proposal/approval steps and who may approve (approval.rules.ts). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../shared/app-error.ts';
import type { CaseEvent, StoredEvent } from './applications.events.ts';
import { allowedActions, applyEvent, checkEvent, reduceEvents, type CaseState } from './applications.state.rules.ts';
import { approvalRefusal, pendingApproval, type ApprovalRules } from './approval.rules.ts';
import { withApprover } from './letters.rules.ts';

const stored = (events: CaseEvent[], actorId: number, actorName: string): StoredEvent[] =>
  events.map((e, i) => ({ ...e, seq: i + 1, at: `2024-11-0${i + 1}T02:00:00Z`, actorId, actorName }) as StoredEvent);

const start: CaseEvent[] = [
  { type: 'submitted', data: { channel: 'online', submittedDate: '2024-11-01', via: 'portal' } },
  { type: 'receipt_confirmed', data: { receivedDate: '2024-11-01' } },
];
const proposal: CaseEvent = { type: 'decision_requested', data: { outcome: 'disclosed', legalBasis: '《条例》第三十六条第（一）项', replyText: '予以公开' } };
const approval: CaseEvent = { type: 'decided', data: { outcome: 'disclosed', decisionDate: '2024-11-05', legalBasis: '《条例》第三十六条第（一）项', replyText: '予以公开', approverName: '李强', approvedDate: '2024-11-05' } };
const direct: CaseEvent = { type: 'decided', data: { outcome: 'disclosed', decisionDate: '2024-11-05', legalBasis: 'x', replyText: '' } };

function step(s: CaseState, e: CaseEvent): CaseState {
  checkEvent(s, e);
  return applyEvent(s, e);
}

const strict: ApprovalRules = { extension: 'other_person', decision: 'other_person' };
const lenient: ApprovalRules = { extension: 'none', decision: 'none' };
const CLERK = 7;
const LEADER = 9;

describe('separation of duties (pure)', () => {
  it('a proposed decision awaits approval: not decided, decided only by an approval that names the approver', () => {
    const s = step(reduceEvents(start), proposal);
    assert.equal(s.status, 'in_progress');
    assert.equal(s.decision, null);
    assert.deepEqual(s.decisionRequest?.outcome, 'disclosed');
    assert.throws(() => checkEvent(s, direct), (e: unknown) => e instanceof AppError && e.status === 409 && /须由审批人批准或退回/.test(e.message));
    assert.throws(() => checkEvent(s, proposal), /已提请审批/);
    assert.deepEqual(allowedActions(s).filter((a) => a.startsWith('decision') || a === 'decided'), ['decision_returned', 'decided']);
    const done = step(s, approval);
    assert.equal(done.status, 'decided');
    assert.equal(done.decision?.approverName, '李强');
    assert.equal(done.decisionRequest, null);
  });

  it('a returned proposal leaves the case open for a new one; returning needs a reason and something to return', () => {
    let s = step(reduceEvents(start), proposal);
    assert.throws(() => checkEvent(s, { type: 'decision_returned', data: { reason: ' ', approverName: '李强' } }), /写明理由/);
    s = step(s, { type: 'decision_returned', data: { reason: '请补充附件清单', approverName: '李强' } });
    assert.equal(s.decisionRequest, null);
    assert.throws(() => checkEvent(s, { type: 'decision_returned', data: { reason: 'x', approverName: '李强' } }), /没有待审批的答复/);
    s = step(s, proposal);
    assert.ok(s.decisionRequest);
  });

  it('a proposal meets the same checks as a decision (no 答复 while an extension awaits approval)', () => {
    const s = step(reduceEvents(start), { type: 'extension_requested', data: { days: 5, reason: '档案多' } });
    assert.throws(() => checkEvent(s, proposal), /有待审批的延期申请/);
  });

  it('the requester never approves their own request where another person is required', () => {
    const events = stored([...start, { type: 'extension_requested', data: { days: 5, reason: '档案多' } }], CLERK, '王敏');
    const s = reduceEvents(events);
    const pending = pendingApproval(events, s, strict);
    assert.deepEqual({ kind: pending?.kind, by: pending?.requestedById, name: pending?.requestedBy, other: pending?.otherPersonRequired }, { kind: 'extension', by: CLERK, name: '王敏', other: true });
    const own = approvalRefusal('extension_approved', s, pending, strict, CLERK);
    assert.equal(own?.code, 'applications.self_approval');
    assert.equal(own?.status, 403);
    assert.equal(approvalRefusal('extension_rejected', s, pending, strict, CLERK)?.code, 'applications.self_approval');
    assert.equal(approvalRefusal('extension_approved', s, pending, strict, LEADER), null);
    // Under `none` the asker may approve (the recorded approver is then named as such).
    assert.equal(approvalRefusal('extension_approved', s, pendingApproval(events, s, lenient), lenient, CLERK), null);
    // Steps that are not approvals are the handler's as before.
    assert.equal(approvalRefusal('extension_notified', s, pending, strict, CLERK), null);
  });

  it('a body that requires approval of decisions refuses a decision not proposed first; approving a proposal is refused to its proposer', () => {
    const open = reduceEvents(start);
    assert.equal(approvalRefusal('decided', open, null, strict, CLERK)?.code, 'applications.approval_required');
    assert.equal(approvalRefusal('decided', open, null, { ...strict, decision: 'none' }, CLERK), null);
    const events = stored([...start, proposal], CLERK, '王敏');
    const s = reduceEvents(events);
    assert.equal(approvalRefusal('decided', s, pendingApproval(events, s, strict), strict, CLERK)?.code, 'applications.self_approval');
    assert.equal(approvalRefusal('decision_returned', s, pendingApproval(events, s, strict), strict, CLERK)?.code, 'applications.self_approval');
    assert.equal(approvalRefusal('decided', s, pendingApproval(events, s, strict), strict, LEADER), null);
  });

  it('an extension letter names the approver, also from a body template saved with the old wording', () => {
    assert.equal(withApprover('经{{批准人}}同意，延长'), '经{{批准人}}同意，延长');
    assert.equal(withApprover('经政府信息公开工作机构负责人同意，延长'), '经政府信息公开工作机构负责人（{{批准人}}）同意，延长');
    assert.equal(withApprover('答复期限延长。'), '答复期限延长。\n本次延期经{{批准人}}同意。');
  });
});
