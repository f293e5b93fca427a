/**
 * The holiday calendar screen's API, on both databases (issue #13 item 7): saving next year from
 * the State Council notice re-projects an open case whose due date moves (the CLI import's
 * usecase, one transaction, audited), bad input is 400 with every problem in Chinese and changes
 * nothing, and only the administrator of a root organization may read or save.
 *
 * Hand-worked: a case received Mon 2026-12-21 (day zero). Without 2027 data, 20 working days:
 * 12-22…25 (4), 12-28…31 (8), Fri 2027-01-01 taken as a working day (9), 01-04…08 (14),
 * 01-11…15 (19), 01-18 (20) → 2027-01-18, with a warning. With 元旦 2027-01-01 off: 01-19.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { readHolidayNotice } from './holiday-notice.rules.ts';

type Headers = Record<string, string>;

const notice2027 = {
  source: '国务院办公厅关于2027年部分节假日安排的通知（测试）',
  holidays: [
    { name: '元旦', start: '2027-01-01', end: '2027-01-03' },
    { name: '春节', start: '2027-02-06', end: '2027-02-13' },
  ],
  workDays: [{ date: '2027-02-14', name: '春节' }],
};

describeOnBothDatabases('holiday calendar screen API', (t) => {
  let app: TestApp;
  let admin: Headers;
  let gkb: Headers;
  let caseId = 0;
  const put = (headers: Headers, year: number, payload: unknown) => app.app.inject({ method: 'PUT', url: `/api/v1/calendar/years/${year}`, headers, payload: payload as object });
  const caseDue = async () => (await app.app.inject({ method: 'GET', url: `/api/v1/applications/${caseId}`, headers: gkb })).json();
  const stored2027 = () => app.deps.db.selectFrom('calendar_days').select(['date', 'kind', 'name']).where('year', '=', 2027).orderBy('date').execute();

  it('opens the app with an open case due in a year without holiday data', async () => {
    app = await createTestApp(t(), '2026-12-21T02:00:00Z');
    admin = (await app.login('admin')).headers;
    gkb = (await app.login('gkb')).headers;
    const gov = (await createOrganizationsRepository(app.deps).list()).find((o) => o.code === 'shilong')!;
    const res = await app.app.inject({
      method: 'POST', url: '/api/v1/applications', headers: gkb,
      payload: { organizationId: gov.id, channel: 'registered_mail', applicantType: '自然人', applicantName: '郑十', idKind: '居民身份证', idNumber: '410402198001016666', phone: '13900000002', address: '石龙区建设路10号', description: '2027年度城市更新计划', formWanted: '纸质', deliveryWanted: '邮寄', receivedDate: '2026-12-21' },
    });
    assert.equal(res.statusCode, 201, res.body);
    caseId = res.json().id;
    const c = await caseDue();
    assert.equal(c.dueDate, '2027-01-18');
    assert.ok(c.deadline.warnings.some((w: { code: string }) => w.code === 'calendar.year_without_data'));
    assert.equal(c.calendarHelp.canEdit, false, 'the clerk may not open the screen');
    assert.deepEqual(c.calendarHelp.maintainers, ['系统管理员'], 'and is told whom to ask');
    assert.equal((await stored2027()).length, 0);
  });

  it('lists the stored years, newest first, with named periods and 调休 days', async () => {
    const res = await app.app.inject({ method: 'GET', url: '/api/v1/calendar/years', headers: admin });
    assert.equal(res.statusCode, 200, res.body);
    const { years, nextYear } = res.json();
    assert.equal(nextYear, 2027);
    const y2026 = years.find((y: { year: number }) => y.year === 2026);
    assert.deepEqual(y2026.holidays.find((h: { start: string }) => h.start === '2026-04-04'), { name: '清明节', start: '2026-04-04', end: '2026-04-06' });
    assert.ok(y2026.workDays.some((w: { date: string }) => w.date === '2026-05-09'));
  });

  it('refuses bad input with 400, every problem in Chinese, and changes nothing', async () => {
    const bad = await put(admin, 2027, {
      source: '测试',
      holidays: [
        { name: '元旦', start: '2027-01-01', end: '2027-01-03' },
        { name: '春节', start: '2027-01-03', end: '2027-01-05' },
        { name: '国庆节', start: '2026-10-01', end: '2026-10-07' },
      ],
      workDays: [{ date: '2027-02-15' }, { date: '2027-01-02' }],
    });
    assert.equal(bad.statusCode, 400, bad.body);
    assert.equal(bad.json().error.code, 'calendar.invalid_holiday_data');
    const msg: string = bad.json().error.message;
    assert.match(msg, /未作任何修改/);
    assert.match(msg, /春节）与第 1 项放假安排（元旦）重叠（2027-01-03）/);
    assert.match(msg, /2026-10-01 至 2026-10-07 不在 2027 年内/);
    assert.match(msg, /2027-02-15（星期一）不是周六或周日/);
    assert.match(msg, /2027-01-02 既在第 1 项放假安排（元旦）中，又是调休上班日/);
    assert.equal((await stored2027()).length, 0);
    assert.equal((await caseDue()).dueDate, '2027-01-18');
    const shape = await put(admin, 2027, { source: '测试', holidays: 'x', workDays: [] });
    assert.equal(shape.statusCode, 400);
  });

  it('refuses everyone but the root organization\'s system administrator (403), changing nothing', async () => {
    for (const username of ['gkb', 'fgw-admin', 'secadmin', 'auditor']) {
      const h = (await app.login(username)).headers;
      assert.equal((await put(h, 2027, notice2027)).statusCode, 403, username);
      assert.equal((await app.app.inject({ method: 'GET', url: '/api/v1/calendar/years', headers: h })).statusCode, 403, username);
    }
    const fgw = await put((await app.login('fgw-admin')).headers, 2027, notice2027);
    assert.equal(fgw.json().error.code, 'calendar.forbidden', 'a department administrator is refused by the usecase');
    assert.equal((await stored2027()).length, 0);
  });

  it('saves 2027 from the notice: the open case\'s due date moves in the same transaction, audited; saving again replaces', async () => {
    const ok = await put(admin, 2027, notice2027);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual(ok.json(), { year: 2027, offDays: 11, workDays: 1, replaced: false, reprojected: 1 });
    const row = await app.deps.db.selectFrom('applications').select('due_date').where('id', '=', caseId).executeTakeFirstOrThrow();
    assert.equal(row.due_date, '2027-01-19', 'the stored projection (lists, 工作台) moved too');
    const c = await caseDue();
    assert.equal(c.dueDate, '2027-01-19');
    assert.equal(c.calendarHelp, null);
    assert.deepEqual((await stored2027()).filter((d) => d.kind === 'work'), [{ date: '2027-02-14', kind: 'work', name: '春节' }]);
    const audit = await app.deps.db.selectFrom('audit_log').select(['action', 'target_id']).where('action', '=', 'calendar.year_saved').execute();
    assert.deepEqual(audit, [{ action: 'calendar.year_saved', target_id: '2027' }]);
    const listed = (await app.app.inject({ method: 'GET', url: '/api/v1/calendar/years', headers: admin })).json();
    assert.deepEqual(listed.years[0].holidays, notice2027.holidays);
    assert.equal(listed.nextYear, 2028);

    const again = await put(admin, 2027, { ...notice2027, holidays: [{ name: '元旦', start: '2027-01-01', end: '2027-01-01' }], workDays: [] });
    assert.equal(again.json().replaced, true);
    assert.equal((await stored2027()).length, 1);

    // The screen's paste: the notice's text read into the form (holiday-notice.rules.ts) saves as typed.
    const pasted = readHolidayNotice(`国务院办公厅关于2027年部分节假日安排的通知
      一、元旦：1月1日（周五）至3日（周日）放假，共3天。
      二、春节：2月6日（农历除夕、周六）至13日（周六）放假调休，共8天。2月14日（周日）上班。`, 2027);
    assert.deepEqual([pasted.unparsed, pasted.notes], [[], []]);
    const fromPaste = await put(admin, 2027, { source: pasted.source, holidays: pasted.holidays, workDays: pasted.workDays });
    assert.deepEqual(fromPaste.json(), { year: 2027, offDays: 11, workDays: 1, replaced: true, reprojected: 0 }, 'the added 2–3 January are a weekend: the due date stays');
    const relisted = (await app.app.inject({ method: 'GET', url: '/api/v1/calendar/years', headers: admin })).json();
    assert.deepEqual(relisted.years[0].holidays, notice2027.holidays);
    assert.deepEqual(relisted.years[0].workDays, notice2027.workDays);
    assert.equal((await caseDue()).dueDate, '2027-01-19');
  });
});
