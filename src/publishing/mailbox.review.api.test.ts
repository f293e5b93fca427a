/**
 * Issue "security to 等保2.0 level 3", item 12: a mailbox reply to be published waits for review.
 * The clerk's `reply { publish: true }` answers the letter but publishes nothing; a reviewer or
 * leader of the body — not the one who asked for publication, not another body's reviewer, not
 * the auditor — approves it onto 互动交流 or returns it with a reason; the list offers each user
 * only the actions they may take.
 */
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { addStaff } from '../http/test-users.testing.ts';
import { submitLetter } from './mailbox.usecases.ts';

describeOnBothDatabases('mailbox replies are published after review', (t) => {
  let a: TestApp;
  let both: Record<string, string>;
  let id = 0;
  const post = (path: string, headers: Record<string, string>, payload?: object) => a.app.inject({ method: 'POST', url: `/api/v1/publishing/letters/${id}${path}`, headers, payload });
  const actionsOf = async (headers: Record<string, string>) =>
    ((await a.app.inject({ method: 'GET', url: '/api/v1/publishing/letters', headers })).json().items as Array<{ id: number; actions: string[] }>).find((l) => l.id === id)?.actions;
  const portal = async () => (await a.app.inject({ method: 'GET', url: '/hdjl/' })).body;

  before(async () => {
    a = await createTestApp(t());
    // A clerk of 区政府 who is both publisher and reviewer: may reply, may review others' replies, never their own.
    both = await addStaff(a, { username: 'gov-clerk', like: 'gkb', orgCode: 'shilong', roles: ['publisher', 'reviewer'] });
    const gov = await a.deps.db.selectFrom('organizations').select('id').where('code', '=', 'shilong').executeTakeFirstOrThrow();
    id = await submitLetter({ letter: { organizationId: gov.id, writerName: '李四', contact: '13800000000', subject: '关于建设路积水的反映', body: '建设路与人民路交叉口每逢下雨积水严重，请疏通排水。' }, ip: '10.0.0.8', deps: a.deps });
  });
  after(() => a.app.close());

  it('answers at once but publishes nothing; the replier cannot approve their own reply', async () => {
    const replied = await post('/reply', both, { reply: '已安排市政部门疏通，李四先生请留意。', publish: true });
    assert.equal(replied.statusCode, 200, replied.body);
    assert.deepEqual(replied.json(), { itemId: null, status: 'replied', publishStatus: 'pending' });
    assert.doesNotMatch(await portal(), /建设路积水/);
    assert.deepEqual(await actionsOf(both), [], 'no review buttons for the one who asked');
    const self = await post('/publication/approve', both);
    assert.equal(self.statusCode, 403);
    assert.equal(self.json().error.code, 'mailbox.self_review');
  });

  it('refuses the auditor and another body’s reviewer; shows the buttons to the leader only', async () => {
    for (const who of ['auditor', 'fgw-reviewer', 'fgw-admin']) {
      const res = await post('/publication/approve', (await a.login(who)).headers);
      assert.equal(res.statusCode, 403, who);
    }
    assert.deepEqual(await actionsOf((await a.login('auditor')).headers), []);
    assert.deepEqual(await actionsOf((await a.login('leader')).headers), ['approve', 'return']);
  });

  it('returns with a reason; the clerk revises and asks again; the leader approves onto 互动交流', async () => {
    const leader = (await a.login('leader')).headers;
    const noReason = await post('/publication/return', leader, { reason: ' ' });
    assert.equal(noReason.statusCode, 400);
    assert.equal((await post('/publication/return', leader, { reason: '答复中含有来信人姓名，请删除后再公开' })).statusCode, 200);
    const list = (await a.app.inject({ method: 'GET', url: '/api/v1/publishing/letters', headers: both })).json().items.find((l: { id: number }) => l.id === id);
    assert.equal(list.publishStatus, 'returned');
    assert.equal(list.returnReason, '答复中含有来信人姓名，请删除后再公开');
    assert.deepEqual(list.actions, ['request_publication']);
    assert.equal((await post('/publication/approve', leader)).statusCode, 409, 'nothing pending after a return');

    assert.equal((await post('/publication', both, { text: '已安排市政部门疏通排水设施，预计本周内完成。' })).statusCode, 200);
    const approved = await post('/publication/approve', leader);
    assert.equal(approved.statusCode, 200, approved.body);
    const page = await portal();
    assert.match(page, /关于建设路积水的反映/);
    const body = (await a.deps.db.selectFrom('publishing_items').select('body_html').where('id', '=', approved.json().itemId).executeTakeFirstOrThrow()).body_html;
    assert.match(body, /预计本周内完成/, 'the revised text is published');
    assert.doesNotMatch(body, /李四|13800000000/, 'never the writer’s name or contact');
    const again = await post('/publication/approve', leader);
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, 'mailbox.not_pending');
  });
});
