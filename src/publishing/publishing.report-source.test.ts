import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { bulkInsertPublishedItems, type PublishedItemInput } from './items.bulk.ts';
import { proactiveReportSource } from './publishing.report-source.ts';

const NOW = '2023-01-05T02:00:00.000Z';

describeOnBothDatabases('proactive figures for the annual report', (t) => {
  it('counts the normative-document registry and the items of Y for the body and its non-body units', async () => {
    const { db } = t();
    const org = (code: string, parent: number | null, isBody: number) =>
      db.insertInto('organizations').values({ code, name: code, parent_id: parent, kind: 'department', is_body: isBody, disabled: 0, created_at: NOW })
        .returning('id').executeTakeFirstOrThrow().then((r) => r.id);
    const gov = await org('gov', null, 1);
    const street = await org('street', gov, 0); // not a body: reports in gov's report
    const dept = await org('dept', gov, 1); // a body: reports for itself
    const item = (o: number, kind: PublishedItemInput['kind'], publishDate: string, extra: Partial<PublishedItemInput> = {}): PublishedItemInput =>
      ({ organizationId: o, kind, title: `${kind} ${publishDate}`, publishDate, ...extra });
    const ids = await bulkInsertPublishedItems(db, [
      // Registry for 2022: issued 2022 (two: one by the street), abolished 2022 (issued 2020),
      // issued 2021 still in force, issued 2022 but abolished 2023 (in force on 31 Dec 2022).
      item(gov, 'normative_document', '2022-03-01', { writtenDate: '2022-02-20', validity: 'in_force' }),
      item(street, 'normative_document', '2022-06-01', { writtenDate: '2022-05-30', validity: 'in_force' }),
      item(gov, 'normative_document', '2020-05-01', { writtenDate: '2020-04-28', validity: 'abolished', abolishedDate: '2022-09-30', abolishedReason: '已被新文件替代' }),
      item(gov, 'normative_document', '2021-07-01', { writtenDate: '2021-06-25', validity: 'in_force' }),
      item(gov, 'normative_document', '2022-11-01', { writtenDate: '2022-10-28', validity: 'abolished', abolishedDate: '2023-01-03' }),
      item(dept, 'normative_document', '2022-04-01', { writtenDate: '2022-04-01' }), // another body's
      item(gov, 'interpretation', '2022-03-02'),
      item(gov, 'announcement', '2022-08-08'),
      item(gov, 'announcement', '2023-01-04'), // next year
      item(gov, 'key_area', '2022-12-31'),
      item(gov, 'mailbox_reply', '2022-10-10'),
    ], new Date(NOW));
    // A withdrawn normative document was never validly issued: not in the registry.
    await db.updateTable('publishing_items').set({ status: 'withdrawn' }).where('id', '=', ids[3]).execute();
    await db.insertInto('publishing_new_media').values([
      { organization_id: gov, platform: '微信公众号', name: '石龙发布', account: '', url: '', opened_date: '2018-01-01', closed_date: null, created_at: NOW },
      { organization_id: gov, platform: '微博', name: '石龙微博', account: '', url: '', opened_date: '2018-01-01', closed_date: '2021-12-31', created_at: NOW },
    ]).execute();

    const f = await proactiveReportSource(db, gov, 2022);
    assert.deepEqual(f.normativeDocuments, [3, 1, 3]); // issued: ids 0,1,4; abolished: id 2; in force: 0,1,4
    assert.deepEqual(f.rules, [0, 0, 0]);
    assert.equal(f.policyDocuments, 3); // published in 2022 by gov and street: ids 0, 1, 4
    assert.equal(f.interpretations, 1);
    assert.equal(f.announcements, 1);
    assert.equal(f.keyAreaItems, 1);
    assert.equal(f.mailboxReplies, 1);
    assert.equal(f.itemsPublished, 7); // 3 documents + interpretation + announcement + key area + reply
    assert.equal(f.newMediaAccounts, 1);
  });
});
