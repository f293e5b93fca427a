/**
 * Section 一 and the 第二十条第（一）项 rows of section 二 of the annual report, from the items
 * of a body and of its units that are not bodies themselves (a street office under the
 * district government reports in the government's report).
 *
 * Registry (规章 / 行政规范性文件, published or abolished — a withdrawn item was never validly
 * issued on the portal): 本年制发 = 成文日期 in Y (发布日期 when there is none); 本年废止 =
 * abolished in Y; 现行有效 = issued by 31 December of Y and not abolished by then.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { ProactiveFiguresForReport, ProactiveReportSource } from '../report/report.sources.ts';
import { subtreeIds } from '../auth/access.rules.ts';

async function reportingOrganizations(db: Kysely<Database>, bodyId: number): Promise<number[]> {
  const orgs = await db.selectFrom('organizations').select(['id', 'parent_id', 'is_body']).execute();
  const nodes = orgs.map((o) => ({ id: o.id, parentId: o.parent_id }));
  // Descendants that are bodies report for themselves: cut the tree at them.
  const isBody = new Set(orgs.filter((o) => o.is_body === 1 && o.id !== bodyId).map((o) => o.id));
  const pruned = nodes.filter((n) => !isBody.has(n.id));
  return [...subtreeIds(pruned, bodyId)];
}

function registryCounts(rows: { issued: string | null; abolished: string | null }[], year: number): [number, number, number] {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  let issued = 0;
  let abolished = 0;
  let inForce = 0;
  for (const r of rows) {
    if (r.issued && r.issued >= first && r.issued <= last) issued += 1;
    if (r.abolished && r.abolished >= first && r.abolished <= last) abolished += 1;
    if (r.issued && r.issued <= last && !(r.abolished && r.abolished <= last)) inForce += 1;
  }
  return [issued, abolished, inForce];
}

export const proactiveReportSource: ProactiveReportSource = async (db, organizationId, year): Promise<ProactiveFiguresForReport> => {
  const orgIds = await reportingOrganizations(db, organizationId);
  const registry = await db
    .selectFrom('publishing_items')
    .select(['kind', 'written_date', 'publish_date', 'abolished_date'])
    .where('organization_id', 'in', orgIds)
    .where('kind', 'in', ['rule', 'normative_document'])
    .where('status', '=', 'published')
    .execute();
  const ofKind = (k: string) =>
    registry.filter((r) => r.kind === k).map((r) => ({ issued: r.written_date ?? r.publish_date, abolished: r.abolished_date }));

  const byKind = await db
    .selectFrom('publishing_items')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('organization_id', 'in', orgIds)
    .where('status', 'in', ['published', 'withdrawn'])
    .where('publish_date', '>=', `${year}-01-01`)
    .where('publish_date', '<=', `${year}-12-31`)
    .groupBy('kind')
    .execute();
  const n = (...kinds: string[]) => byKind.filter((r) => kinds.includes(r.kind)).reduce((s, r) => s + Number(r.n), 0);

  const media = await db
    .selectFrom('publishing_new_media')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organization_id', 'in', orgIds)
    .where('opened_date', '<=', `${year}-12-31`)
    .where((eb) => eb.or([eb('closed_date', 'is', null), eb('closed_date', '>', `${year}-12-31`)]))
    .executeTakeFirstOrThrow();

  return {
    rules: registryCounts(ofKind('rule'), year),
    normativeDocuments: registryCounts(ofKind('normative_document'), year),
    // Items that were public during Y count even if later withdrawn: they were disclosed.
    itemsPublished: n(...byKind.map((r) => r.kind)),
    policyDocuments: n('rule', 'normative_document', 'policy_document'),
    interpretations: n('interpretation'),
    announcements: n('announcement'),
    keyAreaItems: n('key_area'),
    mailboxReplies: n('mailbox_reply'),
    newMediaAccounts: Number(media.n),
  };
};
