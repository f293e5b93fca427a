/**
 * Issue "letters issued once and kept …", item 6: the mailbox workflow. A letter to 区政府 reaches
 * the 公开办 clerk in 办公室 (who may answer or transfer it); 转办 sends it to a department with
 * its own time limit (the department answers, the office still sees it); a letter past its due
 * date is marked overdue; the leader and the auditor are offered no 答复.
 */
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { submitLetter } from './mailbox.usecases.ts';

interface Row { id: number; actions: string[]; unitName: string; dueDate: string; overdue: boolean; contact: string; transferredFrom: string | null }

describeOnBothDatabases('mailbox workflow: office clerks, 转办, overdue letters', (t) => {
  let a: TestApp;
  let id = 0;
  let org: Record<string, number>;
  const rowFor = async (who: string, letterId = id): Promise<Row | undefined> =>
    ((await a.app.inject({ method: 'GET', url: '/api/v1/publishing/letters', headers: (await a.login(who)).headers })).json().items as Row[]).find((l) => l.id === letterId);

  before(async () => {
    a = await createTestApp(t()); // 2026-03-02, a Monday
    org = Object.fromEntries((await a.deps.db.selectFrom('organizations').select(['id', 'code']).execute()).map((o) => [o.code, o.id]));
    id = await submitLetter({ letter: { organizationId: org.shilong!, writerName: '李四', contact: '13800000000', subject: '关于学校周边交通拥堵', body: '实验小学门口上下学时段交通拥堵严重，请协调解决。' }, ip: '10.0.0.8', deps: a.deps });
  });
  after(() => a.app.close());

  it('reaches the 公开办 clerk in 办公室, who may answer or transfer it; the leader and the auditor may not', async () => {
    const clerk = await rowFor('gkb');
    assert.ok(clerk, 'the office clerk sees the letter to 区政府');
    assert.deepEqual(clerk.actions, ['reply', 'transfer']);
    assert.equal(clerk.contact, '13800000000', 'and the writer’s contact, as its handler');
    assert.equal(clerk.unitName, '石龙区人民政府办公室');
    assert.equal(clerk.dueDate, '2026-03-23', '15 working days after arrival');
    assert.equal(clerk.overdue, false);
    for (const who of ['leader', 'auditor']) assert.deepEqual((await rowFor(who))?.actions, [], who);
    assert.equal(await rowFor('fgw-editor'), undefined, 'not yet the department’s letter');
  });

  it('转办 to 发改委 with its own time limit: the department answers, the office follows it', async () => {
    const gkb = (await a.login('gkb')).headers;
    const targets = (await a.app.inject({ method: 'GET', url: `/api/v1/publishing/letters/${id}/transfer-targets`, headers: gkb })).json().items as Array<{ id: number }>;
    assert.ok(targets.some((x) => x.id === org['shilong-fgw']) && !targets.some((x) => x.id === org['shilong-office']));
    const bad = await a.app.inject({ method: 'POST', url: `/api/v1/publishing/letters/${id}/transfer`, headers: gkb, payload: { unitId: org['shilong-fgw'], workingDays: 0 } });
    assert.equal(bad.statusCode, 400);
    const refused = await a.app.inject({ method: 'POST', url: `/api/v1/publishing/letters/${id}/transfer`, headers: (await a.login('fgw-editor')).headers, payload: { unitId: org['shilong-jyj'], workingDays: 5 } });
    assert.equal(refused.statusCode, 403, 'a department cannot take the government’s letter');
    const moved = await a.app.inject({ method: 'POST', url: `/api/v1/publishing/letters/${id}/transfer`, headers: gkb, payload: { unitId: org['shilong-fgw'], workingDays: 5, note: '请发改委协调交通部门答复' } });
    assert.equal(moved.statusCode, 200, moved.body);
    assert.deepEqual(moved.json(), { unitId: org['shilong-fgw'], unitName: '石龙区发展和改革委员会', dueDate: '2026-03-09' });

    const dept = await rowFor('fgw-editor');
    assert.deepEqual(dept?.actions, ['reply']);
    assert.equal(dept?.dueDate, '2026-03-09');
    assert.equal(dept?.transferredFrom, '石龙区人民政府办公室');
    const office = await rowFor('gkb');
    assert.deepEqual(office?.actions, [], 'the office follows the letter but no longer answers it');
    const again = await a.app.inject({ method: 'POST', url: `/api/v1/publishing/letters/${id}/transfer`, headers: gkb, payload: { unitId: org['shilong-jyj'], workingDays: 5 } });
    assert.equal(again.statusCode, 403);
    const replied = await a.app.inject({ method: 'POST', url: `/api/v1/publishing/letters/${id}/reply`, headers: (await a.login('fgw-editor')).headers, payload: { reply: '已会同交警部门在上下学时段增派警力。', publish: false } });
    assert.equal(replied.statusCode, 200, replied.body);
  });

  it('marks an unanswered letter past its due date overdue', async () => {
    const old = await submitLetter({ letter: { organizationId: org.shilong!, writerName: '王五', contact: '13900000000', subject: '关于公园路灯', body: '人民公园东门路灯不亮已有两周，请维修。' }, ip: '10.0.0.7', deps: a.deps });
    await a.deps.db.updateTable('publishing_mailbox_letters').set({ created_at: '2026-01-05T02:00:00.000Z' }).where('id', '=', old).execute();
    const row = await rowFor('gkb', old);
    assert.equal(row?.dueDate, '2026-01-26');
    assert.equal(row?.overdue, true);
  });
});
