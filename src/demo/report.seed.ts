/**
 * Demo records behind the published 石龙区人民政府 2022 annual report
 * (spec/shilong-2022-annual-report.txt), entered through the features' own usecases so that
 * `gongkai report --org shilong --year 2022` computes the report's sections 三 and 四 from them:
 *  - nine applications from natural persons, received and decided in 2022: five 予以公开, two
 *    本机关不掌握相关政府信息, one 信访举报投诉类申请, one 其他处理·其他; no fees;
 *  - a 2021 administrative review decided in 2022 (维持), then a suit after it (维持);
 *  - about 2,400 items published in 2022, among them 50 policy documents, 64 announcements,
 *    309 key-area items, 20 interpretations and 38 mailbox replies; five new-media accounts;
 *  - the 2022 report, taken through the workflow a real one goes through in January 2023 (the
 *    公开办 starts it, writes the published narrative and enters section 二, submits; the leader in
 *    charge approves; it is published), so the portal's 年报 column shows it from the start.
 * Section 二's 许可、处罚、强制 and 收费 figures are entered, not computed, and the published text
 * lost them (its section 二 table is empty): the figures below are demo values, plausible for a
 * district of this size. Names and numbers are demo values.
 */
import type { AppDeps } from '../shared/deps.ts';
import { fixedClock } from '../shared/clock.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { createUsersRepository } from '../auth/users.repository.ts';
import { parseRoles } from '../auth/access.rules.ts';
import { submitApplication } from '../applications/intake.usecases.ts';
import { recordCaseAction } from '../applications/case-actions.usecases.ts';
import { createOversightCase, recordOversightResult } from '../oversight/oversight.usecases.ts';
import { bulkInsertPublishedItems, type PublishedItemInput } from '../publishing/items.bulk.ts';
import type { OutcomeKey } from '../report/report.model.ts';
import type { StoredFigures } from '../report/report.repository.ts';
import { actOnReport, saveFigures, saveNarrative, startReport, type ReportCtx } from '../report/report.usecases.ts';
import { textToHtml, type NarrativeParts } from '../report/report.narrative.ts';
import { shilong2022 } from '../report/fixtures/shilong-2022.ts';
import { createStaffNotificationsRepository } from '../notifications/staff-notifications.repository.ts';
import { demoItemBody, demoItemTitle } from './demo-titles.ts';

/** Receipt date, decision date, outcome: spread over 2022, each answered within 20 working days. */
export const SHILONG_2022_CASES: [string, string, OutcomeKey][] = [
  ['2022-02-14', '2022-03-04', 'disclosed'],
  ['2022-03-21', '2022-04-11', 'disclosed'],
  ['2022-04-18', '2022-05-10', 'unable1'],
  ['2022-05-23', '2022-06-10', 'disclosed'],
  ['2022-06-20', '2022-07-08', 'notProcessed1'],
  ['2022-07-18', '2022-08-05', 'disclosed'],
  ['2022-08-22', '2022-09-09', 'unable1'],
  ['2022-09-19', '2022-10-14', 'otherHandling3'],
  ['2022-11-07', '2022-11-25', 'disclosed'],
];

/** Items published in 2022 by kind; `general` brings the total to 2,437 (“2400余条”). */
export const SHILONG_2022_ITEMS: [PublishedItemInput['kind'], number, string][] = [
  ['policy_document', 50, '政策文件'],
  ['announcement', 64, '公告公示'],
  ['key_area', 309, '重点领域信息'],
  ['interpretation', 20, '政策解读'],
  ['mailbox_reply', 38, '区长信箱留言答复'],
  ['general', 1956, '政务动态'],
];

/** Section 二 as entered by the 公开办 (demo values; the registry gives 第二十条第（一）项). */
export const SHILONG_2022_ENTERED: StoredFigures = {
  rules: null,
  normativeDocuments: null,
  licensing: 1268,
  punishment: 356,
  enforcement: 14,
  feesAmountWanYuan: '86.35',
};

/** The days of January 2023 on which the 2022 report went through each step (before 31 March, Art. 49). */
export const SHILONG_2022_REPORT_DAYS = { start: '2023-01-09', submit: '2023-01-11', approve: '2023-01-13', publish: '2023-01-16' } as const;

const NEW_MEDIA = [
  ['微信公众号', '石龙发布'],
  ['微博', '石龙区人民政府'],
  ['抖音', '石龙发布'],
  ['今日头条', '石龙发布'],
  ['移动客户端', '石龙区政务服务'],
] as const;

/** The narrative of the published 2022 report, as the editor's parts. */
export function seedNarrative(): NarrativeParts {
  const text = (n: string) => shilong2022.narrative.find((s) => s.number === n)!.text.split('\n');
  const one = text('一');
  return { zdgk: textToHtml(one[0]), ysqgk: textToHtml(one[1]), xxgl: textToHtml(one[2]), ptjs: textToHtml(one[3]), jdbz: textToHtml(one[4]), wu: textToHtml(text('五').join('\n')), liu: textToHtml(text('六').join('\n')) };
}

async function demoActor(deps: AppDeps, username: string) {
  const u = (await createUsersRepository(deps).byUsername(username))!;
  return { id: u.id, username: u.username, organizationId: u.organization_id, roles: parseRoles(u.roles), user: { displayName: u.display_name } };
}

async function seedApplications(deps: AppDeps, bodyId: number) {
  const actor = await demoActor(deps, 'gkb');
  for (const [i, [received, decided, outcome]] of SHILONG_2022_CASES.entries()) {
    const at = { ...deps, clock: fixedClock(`${decided}T02:00:00Z`) };
    const raw = {
      organizationId: bodyId, channel: 'ordinary_mail', applicantType: '自然人', applicantName: `申请人${i + 1}`, idKind: '居民身份证',
      idNumber: `41040419800101${String(1000 + i).slice(-4)}`, phone: '0375-0000000', address: '石龙区人民路1号', postcode: '467000',
      description: '申请公开本区2021年度相关政府信息（演示数据）', purpose: '', formWanted: '纸质', deliveryWanted: '邮寄',
    };
    const { id } = await submitApplication({ raw, via: 'clerk', actor, receivedDate: received, submittedDate: received, deps: at });
    await recordCaseAction({ caseId: id, action: 'decided', input: { outcome, decisionDate: decided }, actor, deps: at });
  }
  return actor;
}

async function seedOversight(deps: AppDeps, bodyId: number, actor: Awaited<ReturnType<typeof seedApplications>>) {
  const cases = [
    { kind: 'review', filedDate: '2021-11-15', body: '石龙市人民政府', caseNumber: '石政复〔2021〕35号', decidedDate: '2022-01-20' },
    { kind: 'litigation_after_review', filedDate: '2022-02-10', body: '石龙区人民法院', caseNumber: '（2022）豫0404行初12号', decidedDate: '2022-09-30' },
  ];
  for (const c of cases) {
    const created = await createOversightCase({ input: { organizationId: bodyId, kind: c.kind, filedDate: c.filedDate, body: c.body, caseNumber: c.caseNumber, note: '演示数据' }, actor, deps });
    await recordOversightResult({ id: created.id, input: { result: 'upheld', decidedDate: c.decidedDate }, actor, deps });
  }
}

async function seedPublishing(deps: AppDeps, bodyId: number, now: Date) {
  const items: PublishedItemInput[] = [];
  let n = 0;
  for (const [kind, count] of SHILONG_2022_ITEMS) {
    for (let i = 0; i < count; i++) {
      const day = new Date(Date.UTC(2022, 0, 1) + ((n++ * 7919) % 365) * 86_400_000).toISOString().slice(0, 10);
      const title = demoItemTitle(kind, i);
      items.push({ organizationId: bodyId, kind, title, publishDate: day, writtenDate: day, bodyHtml: demoItemBody(kind, title) });
    }
  }
  await bulkInsertPublishedItems(deps.db, items, now);
  await deps.db.insertInto('publishing_new_media').values(
    NEW_MEDIA.map(([platform, name], i) => ({ organization_id: bodyId, platform, name, account: `shilong-${i + 1}`, url: '', opened_date: '2020-06-01', closed_date: null, created_at: now.toISOString() })),
  ).execute();
}

/** Seeds the 石龙区 2021–2022 records; runs after the demo organizations and accounts exist. */
export async function seedReportDemo({ deps }: { deps: AppDeps }): Promise<void> {
  const body = await createOrganizationsRepository(deps).byCode('shilong');
  if (!body) return;
  const now = deps.clock.now();
  const actor = await seedApplications(deps, body.id);
  await seedOversight(deps, body.id, actor);
  await seedPublishing(deps, body.id, now);
  await publishReport(deps, body.id, actor);
}

/** Through the report's own usecases, each step on its day: versions and audit rows as for a real report. */
async function publishReport(deps: AppDeps, bodyId: number, editor: Awaited<ReturnType<typeof demoActor>>) {
  const leader = await demoActor(deps, 'leader');
  const days = SHILONG_2022_REPORT_DAYS;
  const on = (day: string): ReportCtx => ({ deps: { ...deps, clock: fixedClock(`${day}T02:00:00Z`) } });
  const v = await startReport({ actor: editor, bodyId, year: 2022, ctx: on(days.start) });
  await saveNarrative({ actor: editor, versionId: v.id, parts: seedNarrative(), revision: v.revision, ctx: on(days.start) });
  await saveFigures({ actor: editor, bodyId, year: 2022, figures: SHILONG_2022_ENTERED, ctx: on(days.start) });
  await actOnReport({ actor: editor, versionId: v.id, action: 'submit', ctx: on(days.submit) });
  await actOnReport({ actor: leader, versionId: v.id, action: 'approve', ctx: on(days.approve) });
  // The leader approved from the 待审批 notice, so the demo's bell does not ring for a 2023 task.
  await createStaffNotificationsRepository(deps).markAllRead(leader.id, `${days.approve}T02:00:00.000Z`);
  await actOnReport({ actor: editor, versionId: v.id, action: 'publish', ctx: on(days.publish) });
}
