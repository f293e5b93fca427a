/**
 * `gongkai calendar import` re-projects the cases whose due date moves, so that the case list and
 * 工作台 show what the case page computes; `gongkai cases verify` finds a stored summary that
 * disagrees with its event log (exit 1) and `--fix` rewrites it. On both databases.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeOnBothDatabases } from '../../db/test-databases.ts';
import { createTestApp, type TestApp } from '../../http/test-app.ts';
import { createOrganizationsRepository } from '../../auth/organizations.repository.ts';
import { main } from '../main.ts';
import { recordingIo } from '../test-io.ts';

describeOnBothDatabases('calendar change and cases verify', (t) => {
  let app: TestApp;
  let gkb: Record<string, string>;
  let caseId = 0;
  let tracking = '';
  const cli = () => recordingIo('', { DATABASE_URL: t().url });
  const dueDates = async () => {
    const page = (await app.app.inject({ method: 'GET', url: `/api/v1/applications/${caseId}`, headers: gkb })).json() as { dueDate: string };
    const list = (await app.app.inject({ method: 'GET', url: `/api/v1/applications?q=${tracking}`, headers: gkb })).json() as { items: Array<{ dueDate: string }> };
    const bench = (await app.app.inject({ method: 'GET', url: '/api/v1/applications/workbench?days=30', headers: gkb })).json() as { dueSoon: Array<{ id: number; dueDate: string }> };
    return { page: page.dueDate, list: list.items[0]!.dueDate, workbench: bench.dueSoon.find((c) => c.id === caseId)?.dueDate };
  };

  it('finds the demo data consistent', async () => {
    app = await createTestApp(t(), '2026-12-15T02:00:00Z');
    gkb = (await app.login('gkb')).headers;
    const c = cli();
    assert.equal(await main(['cases', 'verify'], c.io), 0, c.err.join('\n'));
    assert.match(c.out.join('\n'), /已核对 \d+ 件申请：存储的案件摘要与事件日志一致/);
  });

  it('after importing next year\'s holidays, the list and 工作台 show the new due date of the case page', async () => {
    const gov = (await createOrganizationsRepository(app.deps).list()).find((o) => o.code === 'shilong')!;
    const created = await app.app.inject({
      method: 'POST', url: '/api/v1/applications', headers: gkb,
      payload: { organizationId: gov.id, channel: 'in_person', applicantType: '自然人', applicantName: '孙八', idKind: '居民身份证', idNumber: '410402198001018888', phone: '13900000000', description: '某路段拆迁补偿标准文件', formWanted: '纸质', deliveryWanted: '自行领取' },
    });
    ({ id: caseId, trackingNumber: tracking } = created.json() as { id: number; trackingNumber: string });
    // Received today, Tue 2026-12-15: 12 working days to 12-31, then 2027 has no data yet, so
    // Fri 01-01 counts: 13; 01-04..01-08: 18; 01-11: 19; 01-12: 20th.
    assert.deepEqual(await dueDates(), { page: '2027-01-12', list: '2027-01-12', workbench: '2027-01-12' });

    const c = cli();
    const file = join(c.cwd, 'holidays-2027.json');
    writeFileSync(file, JSON.stringify({ source: '测试通知', years: { '2027': { offDays: ['2027-01-01', '2027-01-02', '2027-01-03'], workDays: [] } } }));
    assert.equal(await main(['calendar', 'import', file], c.io), 0, c.err.join('\n'));
    assert.match(c.out.join('\n'), /已按新日历重新计算 \d+ 件申请的答复期限/);
    // 01-01 is now a holiday: the 20th working day is Wed 01-13, everywhere.
    assert.deepEqual(await dueDates(), { page: '2027-01-13', list: '2027-01-13', workbench: '2027-01-13' });

    const again = cli();
    assert.equal(await main(['calendar', 'import', file], again.io), 0);
    assert.match(again.out.join('\n'), /没有申请的答复期限因此改变/);
  });

  it('lists a stored summary that disagrees with its log (exit 1), and --fix rewrites it', async () => {
    await app.deps.db.updateTable('applications').set({ due_date: '2027-01-12', status: 'decided' }).where('id', '=', caseId).execute();
    const c = cli();
    assert.equal(await main(['cases', 'verify'], c.io), 1);
    const out = c.out.join('\n');
    assert.match(out, new RegExp(`${tracking}（id ${caseId}）状态：存储为 decided，按事件日志应为 in_progress；答复期限：存储为 2027-01-12，按事件日志应为 2027-01-13`));
    assert.match(out, /1 件与事件日志不一致/);

    const fix = cli();
    assert.equal(await main(['cases', 'verify', '--fix'], fix.io), 0, fix.out.join('\n'));
    assert.match(fix.out.join('\n'), /已按事件日志改正 1 件/);
    assert.equal((await dueDates()).list, '2027-01-13');
    const after = cli();
    assert.equal(await main(['cases', 'verify'], after.io), 0);
    assert.equal(await main(['cases', 'verify', 'extra'], after.io), 2);
  });
});
