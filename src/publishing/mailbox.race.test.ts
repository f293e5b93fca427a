/**
 * Race suite of the mailbox, on both databases: N staff replying to one letter at once → one
 * winner, 409 for the rest, the winner's text kept, nothing published before review; two
 * reviewers approving its publication at once → one winner, 409 for the other, one published item.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp } from '../http/test-app.ts';
import { addStaff } from '../http/test-users.testing.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { assertOneWinner, fireAtOnce } from '../shared/race.testing.ts';
import { submitLetter } from './mailbox.usecases.ts';
import { createMailboxRepository } from './mailbox.repository.ts';

/** Audit rows of writes (reads of personal data are audited too, as `*_read`). */
const writesOnly = (rows: Array<{ action: string }>) => rows.filter((r) => !r.action.endsWith('_read'));
const N = 10;

describeOnBothDatabases('mailbox reply races', (t) => {
  it(`${N} replies at once → one winner; two reviewers approving at once → one published reply`, async () => {
    const app = await createTestApp(t());
    const editor = await addStaff(app, { username: 'gov-editor', like: 'gkb', orgCode: 'shilong', roles: ['publisher'] });
    const reviewer = await addStaff(app, { username: 'gov-reviewer', like: 'gkb', orgCode: 'shilong', roles: ['reviewer'] });
    const leader = (await app.login('leader')).headers;
    const gov = (await createOrganizationsRepository(app.deps).list()).find((o) => o.code === 'shilong')!;
    const id = await submitLetter({ letter: { organizationId: gov.id, writerName: '周九', contact: '13700000000', subject: '关于人民路路灯维修的建议', body: '人民路东段路灯已损坏多日，夜间出行不便，请尽快维修。' }, ip: '10.0.0.9', deps: app.deps });
    const items = () => app.deps.db.selectFrom('publishing_items').select('id').where('kind', '=', 'mailbox_reply').execute().then((r) => r.length);
    const itemsBefore = await items();

    const answers = await fireAtOnce(app.app, Array.from({ length: N }, (_, i) => ({
      method: 'POST' as const, url: `/api/v1/publishing/letters/${id}/reply`, headers: editor, payload: { reply: `已转交区城管局，三日内修复（答复${i}）`, publish: true },
    })));
    const [won] = assertOneWinner(answers);
    for (const lost of answers.filter((a) => a.status === 409)) assert.equal((lost.json() as { error: { code: string } }).error.code, 'mailbox.already_replied');
    const winner = answers.indexOf(won!);
    let letter = await (await createMailboxRepository(app.deps).letter(id))!;
    assert.equal(letter.reply_text, `已转交区城管局，三日内修复（答复${winner}）`, 'the stored reply is the winner’s');
    assert.equal(letter.publish_status, 'pending');
    assert.equal(await items(), itemsBefore, 'nothing published before review');

    const approvals = await fireAtOnce(app.app, Array.from({ length: 6 }, (_, i) => ({
      method: 'POST' as const, url: `/api/v1/publishing/letters/${id}/publication/approve`, headers: i % 2 ? leader : reviewer,
    })));
    const [approved] = assertOneWinner(approvals);
    for (const lost of approvals.filter((a) => a.status === 409)) assert.equal((lost.json() as { error: { code: string } }).error.code, 'mailbox.not_pending');
    letter = await (await createMailboxRepository(app.deps).letter(id))!;
    assert.equal(letter.publish_status, 'published');
    assert.equal(letter.reply_item_id, (approved!.json() as { itemId: number }).itemId);
    assert.equal(await items(), itemsBefore + 1, 'one reply published');
    const audit = await app.deps.db.selectFrom('audit_log').select('action').where('target_type', '=', 'mailbox_letter').where('target_id', '=', String(id)).orderBy('id').execute().then(writesOnly);
    assert.deepEqual(audit, [{ action: 'mailbox.letter_received' }, { action: 'mailbox.letter_replied' }, { action: 'mailbox.publication_approved' }]);
    await app.app.close();
  });
});
