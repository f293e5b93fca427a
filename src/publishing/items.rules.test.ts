import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { shippedCalendar } from '../calendar/shipped-holidays.ts';
import { checkTimeliness, formatIndexNo, htmlToText } from './items.rules.ts';
import { diffLines, availableActions } from './workflow.rules.ts';

describe('Art. 26 timeliness', () => {
  const cal = shippedCalendar();
  // Made Monday 2026-01-05 (day zero, not counted). Working days after it: Jan 6–9 (4),
  // 12–16 (9), 19–23 (14), 26–30 (19), Monday Feb 2 (20). Published Feb 2: in time; Feb 3: 21st, late.
  const golden: [string, number, boolean][] = [
    ['2026-02-02', 20, false],
    ['2026-02-03', 21, true],
    ['2026-01-05', 0, false],
  ];
  for (const [published, days, late] of golden) {
    it(`made 2026-01-05, published ${published}: ${days} working days, late=${late}`, () => {
      const r = checkTimeliness(cal, '2026-01-05', published);
      assert.equal(r.workingDays, days);
      assert.equal(r.late, late);
    });
  }
  it('counts the 调休 Sunday 2026-01-04 when made on New Year holiday', () => {
    // Made 2026-01-01 (holiday). Counted: Sunday Jan 4 (调休 working day) and Monday Jan 5: 2.
    assert.equal(checkTimeliness(cal, '2026-01-01', '2026-01-05').workingDays, 2);
  });
  it('says nothing without a written date', () => {
    assert.deepEqual(checkTimeliness(cal, null, '2026-01-05'), { workingDays: null, late: false, warnings: [] });
  });
});

describe('catalogue metadata', () => {
  it('formats 索引号 with a 5-digit serial', () => {
    assert.equal(formatIndexNo('11410404000000001X', 2022, 42), '11410404000000001X/2022-00042');
    assert.throws(() => formatIndexNo('X', 2022, 100_000));
  });
  it('turns sanitized HTML into plain text', () => {
    assert.equal(htmlToText('<p>一、总则</p><p>第一条&nbsp;为了&lt;规范&gt;</p>'), '一、总则\n第一条 为了<规范>');
  });
});

describe('workflow rules', () => {
  const orgs = [{ id: 1, parentId: null }, { id: 2, parentId: 1 }, { id: 3, parentId: 1 }];
  it('lets only the unit reviewer approve, only the unit publisher edit', () => {
    const reviewer = { id: 1, username: 'r', organizationId: 2, roles: ['reviewer' as const] };
    const publisher = { id: 2, username: 'p', organizationId: 2, roles: ['publisher' as const] };
    assert.deepEqual(availableActions(reviewer, 'submitted', 2, orgs), ['return', 'approve']);
    assert.deepEqual(availableActions(publisher, 'draft', 2, orgs), ['edit', 'submit']);
    assert.deepEqual(availableActions(publisher, 'draft', 3, orgs), []);
    assert.deepEqual(availableActions(reviewer, 'published', 2, orgs), ['withdraw', 'change_validity']);
  });
  it('shows line differences between versions', () => {
    assert.deepEqual(diffLines('a\nb\nc', 'a\nc\nd'), [
      { op: '=', line: 'a' }, { op: '-', line: 'b' }, { op: '=', line: 'c' }, { op: '+', line: 'd' },
    ]);
  });
});
