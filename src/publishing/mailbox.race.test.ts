/**
 * Race suite of the mailbox reply, on both databases: N staff replying to one letter at once →
 * one winner, 409 for the rest, one published reply item, one audit row, the winner's text kept.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { assertOneWinner, fireAtOnce } from '../shared/race.testing.ts';
import { submitLetter } from './mailbox.usecases.ts';

/** Audit rows of writes (reads of personal data are audited too, as `*_read`). */
const writesOnly = (rows: Array<{ action: string }>) => rows.filter((r) => !r.action.endsWith('_read'));
const N = 10;

describeOnBothDatabases('mailbox reply races', (t) => {
  let app: TestApp;

  it(`${N} replies to one letter at once → one winner, ${N - 1} × 409, one published reply, one audit row`, async () => {
    app = await createTestApp(t());
    const admin = (await app.login('admin')).headers;
    const gov = (await createOrganizationsRepository(app.deps).list()).find((o) => o.code === 'shilong')!;
    const id = await submitLetter({ letter: { organizationId: gov.id, writerName: '周九', contact: '13700000000', subject: '关于人民路路灯维修的建议', body: '人民路东段路灯已损坏多日，夜间出行不便，请尽快维修。' }, ip: '10.0.0.9', deps: app.deps });
    const itemsBefore = await app.deps.db.selectFrom('publishing_items').select('id').where('kind', '=', 'mailbox_reply').execute();
    const answers = await fireAtOnce(app.app, Array.from({ length: N }, (_, i) => ({
      method: 'POST' as const, url: `/api/v1/publishing/letters/${id}/reply`, headers: admin, payload: { reply: `已转交区城管局，三日内修复（答复${i}）`, publish: true },
    })));
    const [won] = assertOneWinner(answers);
    for (const lost of answers.filter((a) => a.status === 409)) assert.equal((lost.json() as { error: { code: string } }).error.code, 'mailbox.already_replied');
    const letter = await app.deps.db.selectFrom('publishing_mailbox_letters').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const { itemId } = won!.json() as { itemId: number };
    assert.equal(letter.status, 'replied');
    assert.equal(letter.reply_item_id, itemId);
    const winner = answers.indexOf(won!);
    assert.equal(letter.reply_text, `已转交区城管局，三日内修复（答复${winner}）`, 'the stored reply is the winner’s');
    const itemsAfter = await app.deps.db.selectFrom('publishing_items').select('id').where('kind', '=', 'mailbox_reply').execute();
    assert.equal(itemsAfter.length, itemsBefore.length + 1, 'one reply published');
    const audit = await app.deps.db.selectFrom('audit_log').select('action').where('target_type', '=', 'mailbox_letter').where('target_id', '=', String(id)).orderBy('id').execute().then(writesOnly);
    assert.deepEqual(audit, [{ action: 'mailbox.letter_received' }, { action: 'mailbox.letter_replied' }]);
  });
});
