/** 工作台 lists over HTTP: due soon and overdue, each with the working days left. */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp } from '../http/test-app.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';

describeOnBothDatabases('applications workbench', (t) => {
  it('lists a case as due soon, then overdue, with working days left counted on the calendar', async () => {
    const app = await createTestApp(t());
    const gkb = (await app.login('gkb')).headers;
    const gov = (await createOrganizationsRepository(app.deps).list()).find((o) => o.code === 'shilong')!;
    const created = await app.app.inject({
      method: 'POST', url: '/api/v1/applications', headers: gkb,
      payload: { organizationId: gov.id, channel: 'in_person', applicantType: '自然人', applicantName: '钱七', idKind: '居民身份证', idNumber: '410402198001017777', phone: '13900000001', description: '某小区规划许可文件', formWanted: '纸质', deliveryWanted: '自行领取' },
    });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json().id;
    // Handed in Mon 2026-03-02 (day 0); March 2026 has no holiday → 20th working day Mon 03-30.
    // Log in again after moving the clock: sessions expire.
    const bench = async () => (await app.app.inject({ method: 'GET', url: '/api/v1/applications/workbench', headers: (await app.login('gkb')).headers })).json();
    app.deps.clock.set('2026-03-26T02:00:00Z'); // Thu 03-26: Fri 27, Mon 30 remain → 2 working days.
    const soon = await bench();
    assert.equal(soon.today, '2026-03-26');
    const row = soon.dueSoon.find((c: { id: number }) => c.id === id);
    assert.equal(row?.dueDate, '2026-03-30');
    assert.equal(row?.workingDaysLeft, 2);
    assert.ok(!soon.overdue.some((c: { id: number }) => c.id === id));
    app.deps.clock.set('2026-04-01T02:00:00Z'); // Wed 04-01: Tue 31 and Wed 1 have passed → −2.
    const late = await bench();
    assert.equal(late.overdue.find((c: { id: number }) => c.id === id)?.workingDaysLeft, -2);
    assert.ok(!late.dueSoon.some((c: { id: number }) => c.id === id));
  });
});
