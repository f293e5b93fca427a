import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { userStatus } from './user-status.ts';
import { auditDetailText, auditTargetText } from './audit-format.ts';

const NOW = new Date('2026-03-02T08:00:00Z');

describe('user status shown in 用户管理', () => {
  it('disabled wins over locked', () => {
    assert.equal(userStatus({ disabled: true, lockedUntil: '2026-03-02T09:00:00Z' }, NOW), 'disabled');
  });
  it('locked only while the lock is in the future', () => {
    assert.equal(userStatus({ disabled: false, lockedUntil: '2026-03-02T08:15:00Z' }, NOW), 'locked');
    assert.equal(userStatus({ disabled: false, lockedUntil: '2026-03-02T07:59:59Z' }, NOW), 'active');
    assert.equal(userStatus({ disabled: false, lockedUntil: null }, NOW), 'active');
  });
});

describe('audit detail text', () => {
  it('renders objects and JSON text as key=value pairs', () => {
    assert.equal(auditDetailText({ reason: 'locked', n: 5 }), 'reason=locked，n=5');
    assert.equal(auditDetailText('{"reason":"unknown_user"}'), 'reason=unknown_user');
    assert.equal(auditDetailText('plain'), 'plain');
    assert.equal(auditDetailText(null), '');
  });
  it('names the target in Chinese', () => {
    assert.equal(auditTargetText('organization', 9), '机构 #9');
    assert.equal(auditTargetText('user', null), '用户');
    assert.equal(auditTargetText(null, null), '—');
  });
});
