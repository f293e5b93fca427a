/**
 * The online 补正 answer (issue 13 item 4.3), over HTTP on both databases: answered on a Saturday
 * it is received on Monday (Art. 31 online rule) and the answer period restarts from that day
 * with the same due date as when a clerk records 收到补正 for that day; the answer's files go
 * to the case; a second answer, and the loser of two at once, get 409 and leave nothing.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'node-html-parser';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { shanghaiDate } from '../shared/clock.ts';
import { applyOnline, multipartForm, samplePdf } from './case-files.testing.ts';

describeOnBothDatabases('online 补正 answer', (t) => {
  let a: TestApp;
  let clerk: Record<string, string>;

  async function caseAwaitingCorrection(name: string) {
    const r = await applyOnline(a.app, { applicantName: name });
    const caseId = (await a.deps.db.selectFrom('applications').select('id').where('tracking_number', '=', r.trackingNumber).executeTakeFirstOrThrow()).id;
    const today = shanghaiDate(a.deps.clock.now());
    for (const [action, payload] of [['receipt_confirmed', { receivedDate: today }], ['correction_requested', { date: today, items: '请写明所需信息的年份和项目名称', replyBy: '2026-04-30' }]] as const) {
      const res = await a.app.inject({ method: 'POST', url: `/api/v1/applications/${caseId}/actions/${action}`, headers: clerk, payload });
      assert.equal(res.statusCode, 200, res.body);
    }
    const csrf = parse((await a.app.inject({ method: 'GET', url: '/ysqgk/cx/', headers: { cookie: r.cookie } })).body).querySelector('input[name=_csrf]')!.getAttribute('value')!;
    const answer = (text: string, files: Parameters<typeof multipartForm>[1] = []) => {
      const form = multipartForm({ _csrf: csrf, trackingNumber: r.trackingNumber, queryCode: r.queryCode, answer: text }, files);
      return a.app.inject({ method: 'POST', url: '/ysqgk/cx/bz', headers: { cookie: r.cookie, 'content-type': form.contentType }, payload: form.payload });
    };
    const status = async () => parse((await a.app.inject({
      method: 'POST', url: '/ysqgk/cx/', headers: { cookie: r.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf, trackingNumber: r.trackingNumber, queryCode: r.queryCode }).toString(),
    })).body);
    return { caseId, answer, status };
  }
  const detail = async (caseId: number) => (await a.app.inject({ method: 'GET', url: `/api/v1/applications/${caseId}`, headers: clerk })).json() as { deadline: { dueDate: string }; state: { correction: { received: string | null } } };

  it('answered on a Saturday, restarts the clock from Monday as the clerk\'s 收到补正 does', async () => {
    a = await createTestApp(t()); // Monday 2026-03-02 10:00 Beijing time
    clerk = (await a.login('gkb')).headers;
    const c = await caseAwaitingCorrection('孙八');
    const page = await c.status();
    assert.ok(page.querySelector('#correction #correction-form'), 'the status page offers the answer form');
    assert.equal((await c.answer('')).statusCode, 400, 'an empty answer is refused');

    a.deps.clock.set('2026-03-07T02:00:00Z'); // Saturday 10:00
    const res = await c.answer('所需信息为2025年石龙区老旧小区改造项目的资金安排。', [{ fileName: '补正说明.pdf', bytes: samplePdf('补正') }]);
    assert.equal(res.statusCode, 200, res.body);
    const done = parse(res.body);
    assert.equal(done.querySelector('#correction-date')!.text, '2026-03-09');
    assert.match(done.querySelector('#correction-received')!.text, /非工作日提交，顺延至下一个工作日/);
    assert.ok(!done.querySelector('#correction-form'), 'no second form');
    clerk = (await a.login('gkb')).headers; // the session idles out as the clock moves
    // Day zero Monday 9 March: 20 working days, 清明 4–6 April not counted → Tuesday 7 April.
    const online = await detail(c.caseId);
    assert.equal(online.state.correction.received, '2026-03-09');
    assert.equal(online.deadline.dueDate, '2026-04-07');
    assert.match(done.querySelector('#due-date')!.text, /2026-04-07/);

    // The clerk's path for the same day gives the same due date.
    a.deps.clock.set('2026-03-09T02:00:00Z');
    clerk = (await a.login('gkb')).headers; // the session idles out as the clock moves
    const paper = await caseAwaitingCorrection('周九');
    const rec = await a.app.inject({ method: 'POST', url: `/api/v1/applications/${paper.caseId}/actions/correction_received`, headers: clerk, payload: { date: '2026-03-09' } });
    assert.equal(rec.statusCode, 200, rec.body);
    assert.equal((await detail(paper.caseId)).deadline.dueDate, online.deadline.dueDate);

    const files = (await a.app.inject({ method: 'GET', url: `/api/v1/applications/${c.caseId}/files`, headers: clerk })).json().items as { kind: string; fileName: string }[];
    assert.deepEqual(files.filter((f) => f.kind === 'correction').map((f) => f.fileName), ['补正说明.pdf']);
    const again = await c.answer('再补充一点');
    assert.equal(again.statusCode, 409);
    assert.match(parse(again.body).querySelector('#e-answer')?.text ?? parse(again.body).text, /补正已经提交过/);
  });

  it('after 17:00 on a working day counts from the next working day', async () => {
    a.deps.clock.set('2026-03-10T09:30:00Z'); // Tuesday 17:30
    clerk = (await a.login('gkb')).headers;
    const c = await caseAwaitingCorrection('吴十');
    const res = await c.answer('补正：申请2025年度的文件。');
    assert.equal(parse(res.body).querySelector('#correction-date')!.text, '2026-03-11');
  });

  it('of two answers at once, one wins and the other leaves nothing', async () => {
    a.deps.clock.set('2026-03-11T02:00:00Z');
    clerk = (await a.login('gkb')).headers;
    const c = await caseAwaitingCorrection('郑十一');
    const rowsBefore = (await a.deps.db.selectFrom('application_files').select('id').execute()).length;
    const [x, y] = await Promise.all([c.answer('第一份', [{ fileName: '甲.pdf', bytes: samplePdf('甲') }]), c.answer('第二份', [{ fileName: '乙.pdf', bytes: samplePdf('乙') }])]);
    assert.deepEqual([x.statusCode, y.statusCode].sort(), [200, 409]);
    const events = await a.deps.db.selectFrom('application_events').select('data').where('application_id', '=', c.caseId).where('type', '=', 'correction_received').execute();
    assert.equal(events.length, 1);
    const rows = await a.deps.db.selectFrom('application_files').select('file_name').where('application_id', '=', c.caseId).execute();
    assert.equal(rows.length, 1);
    assert.equal((await a.deps.db.selectFrom('application_files').select('id').execute()).length, rowsBefore + 1);
    assert.equal(JSON.parse(events[0]!.data).text, rows[0]!.file_name === '甲.pdf' ? '第一份' : '第二份', 'the winner\'s text and file belong together');
  });
});
