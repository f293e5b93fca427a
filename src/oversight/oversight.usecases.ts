/**
 * Recording 行政复议 / 行政诉讼 about disclosure work, linked to an application or standalone.
 * A 纠正 result may reopen the linked application with a new answer period (event `reopened`).
 */
import { AppError } from '../shared/app-error.ts';
import type { AppDeps } from '../shared/deps.ts';
import { isoTimestamp } from '../shared/clock.ts';
import type { Actor } from '../auth/access.rules.ts';
import { canWriteIn } from '../auth/access.rules.ts';
import { createOrganizationsRepository, type Organization } from '../auth/organizations.repository.ts';
import { createAuditRepository } from '../auth/audit.repository.ts';
import { createApplicationsRepository } from '../applications/applications.repository.ts';
import { recordCaseActionIn } from '../applications/case-actions.usecases.ts';
import { asCaseConflict } from '../applications/case-projection.ts';
import { readableOrgIds } from '../applications/case-view.usecases.ts';
import { canActOnCase, defaultHandlingUnit } from '../applications/case-access.ts';
import type { OversightRow } from './oversight.table.ts';
import { OVERSIGHT_KINDS, OVERSIGHT_RESULTS, checkNewOversight, checkResult, type OversightKindKey, type OversightResultKey } from './oversight.rules.ts';
import { inTransaction } from '../db/transaction.ts';

export function presentOversight(r: OversightRow) {
  return {
    id: r.id, organizationId: r.organization_id, applicationId: r.application_id, kind: r.kind, kindLabel: OVERSIGHT_KINDS[r.kind as OversightKindKey],
    filedDate: r.filed_date, body: r.body, caseNumber: r.case_number, result: r.result, resultLabel: OVERSIGHT_RESULTS[r.result as OversightResultKey],
    decidedDate: r.decided_date, note: r.note, version: r.version,
  };
}

type Input = Record<string, unknown>;

/** A case handler keeps the records of a body in their subtree, or of the body their office serves. */
function mayKeepRecordsOf(actor: Actor, organizationId: number, orgs: readonly Organization[]): boolean {
  const body = orgs.find((o) => o.id === organizationId);
  if (!body) return false;
  return canWriteIn(actor, 'case_handler', body.id, orgs) || canWriteIn(actor, 'case_handler', defaultHandlingUnit(body, orgs), orgs);
}
const s = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

export async function createOversightCase({ input, actor, ip, deps }: { input: Input; actor: Actor; ip?: string; deps: AppDeps }) {
  checkNewOversight({ kind: input.kind, filedDate: input.filedDate, body: input.body });
  const orgs = await createOrganizationsRepository(deps).list();
  let organizationId = Number(input.organizationId);
  if (input.applicationId) {
    const app = await createApplicationsRepository(deps).byId(Number(input.applicationId));
    if (!app || !canActOnCase(actor, 'case_handler', app, orgs)) throw new AppError('oversight.invalid_input', '关联的申请不存在或无权办理', 400);
    organizationId = app.organization_id;
  } else if (!mayKeepRecordsOf(actor, organizationId, orgs)) {
    throw new AppError('oversight.forbidden', '您无权登记该机关的复议诉讼案件', 403);
  }
  const now = deps.clock.now();
  const at = isoTimestamp(now);
  // The record and its audit row are written together or not at all.
  const row = await inTransaction(deps.db, async (trx) => {
    const created = await trx
      .insertInto('oversight_cases')
      .values({
        organization_id: organizationId, application_id: input.applicationId ? Number(input.applicationId) : null, kind: s(input.kind), filed_date: s(input.filedDate),
        body: s(input.body), case_number: s(input.caseNumber), result: 'pending', decided_date: null, note: s(input.note), created_at: at, updated_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await createAuditRepository({ db: trx }).append({ userId: actor.id, username: actor.username, action: 'oversight.create', targetType: 'oversight', targetId: created.id, ip, detail: input }, now, trx);
    return created;
  });
  return presentOversight(row);
}

const changedMeanwhile = () => new AppError('oversight.concurrent_change', '该复议诉讼案件刚被他人修改，请刷新后重试', 409);

/**
 * Records the result (维持 / 纠正 / 其他, or back to 尚未审结). The change is made on the version
 * the clerk saw (`input.version`); without one, only a case still 尚未审结 takes a result, so that
 * a repeated or concurrent request cannot overwrite a recorded one. The result, its audit row and
 * a reopening of the linked application are one transaction: a refused reopening saves nothing.
 */
export async function recordOversightResult({ id, input, actor, ip, deps }: { id: number; input: Input; actor: Actor & { user?: { displayName?: string } }; ip?: string; deps: AppDeps }) {
  const row = await deps.db.selectFrom('oversight_cases').selectAll().where('id', '=', id).executeTakeFirst();
  const orgs = await createOrganizationsRepository(deps).list();
  if (!row) throw new AppError('oversight.not_found', '没有找到该复议诉讼案件', 404);
  if (!mayKeepRecordsOf(actor, row.organization_id, orgs)) throw new AppError('oversight.forbidden', '您无权修改该复议诉讼案件', 403);
  checkResult(row.filed_date, { result: input.result, decidedDate: input.decidedDate || null });
  const expected = typeof input.version === 'number' ? input.version : null;
  if (expected === null && row.result !== 'pending') {
    throw new AppError('oversight.already_decided', `该案件已登记结果（${OVERSIGHT_RESULTS[row.result as OversightResultKey] ?? row.result}），如需更正请刷新后修改`, 409);
  }
  const version = expected ?? row.version;
  if (version !== row.version) throw changedMeanwhile();
  const now = deps.clock.now();
  try {
    return await inTransaction(deps.db, async (trx) => {
      const updated = await trx
        .updateTable('oversight_cases')
        .set({ result: s(input.result), decided_date: s(input.decidedDate) || null, note: s(input.note) || row.note, version: version + 1, updated_at: isoTimestamp(now) })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw changedMeanwhile();
      await createAuditRepository({ db: trx }).append({ userId: actor.id, username: actor.username, action: 'oversight.result', targetType: 'oversight', targetId: id, ip, detail: input }, now, trx);
      // 纠正 (e.g. 责令重新答复): reopen the linked application with a new answer period.
      if (input.result === 'corrected' && input.reopen && row.application_id) {
        await recordCaseActionIn(trx, {
          caseId: row.application_id, action: 'reopened', actor, ip, deps,
          input: { date: s(input.reopenDate) || s(input.decidedDate), oversightCaseId: id, reason: `${OVERSIGHT_KINDS[row.kind as OversightKindKey]}结果为纠正，重新办理` },
        });
      }
      return presentOversight(await trx.selectFrom('oversight_cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
    });
  } catch (e) {
    throw asCaseConflict(e);
  }
}

export async function listOversight({ actor, deps }: { actor: Actor; deps: AppDeps }) {
  const orgs = await createOrganizationsRepository(deps).list();
  const ids = readableOrgIds(actor, orgs);
  // Case handlers of a government's office keep its records: include the parent body.
  const parents = orgs.filter((o) => ids.includes(o.id) && o.kind === 'office' && o.parentId !== null).map((o) => o.parentId!);
  const rows = await deps.db.selectFrom('oversight_cases').selectAll().where('organization_id', 'in', [...ids, ...parents, -1]).orderBy('filed_date', 'desc').execute();
  return rows.map(presentOversight);
}
