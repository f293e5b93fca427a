/**
 * Preparing, approving and publishing the annual report. Every write checks the actor
 * (report.workflow.ts), runs in a transaction with its audit row, and refuses to touch a
 * version that is no longer in the state and revision the caller saw: of two racing requests
 * one wins, the other gets 409.
 */
import { notifyReportAwaitingApproval } from '../notifications/staff-notify.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../shared/app-error.ts';
import { shanghaiDate } from '../shared/clock.ts';
import type { AppDeps } from '../shared/deps.ts';
import type { Actor } from '../auth/access.rules.ts';
import { canReadIn } from '../auth/access.rules.ts';
import { createAuditRepository } from '../auth/audit.repository.ts';
import { createOrganizationsRepository, type Organization } from '../auth/organizations.repository.ts';
import type { AnnualReport } from './report.model.ts';
import { buildReport, type BuiltReport } from './report.build.ts';
import { hasErrors, narrativeCountsWithoutNumber } from './report.checks.ts';
import { defaultNarrative, sanitizeParts, type NarrativeParts } from './report.narrative.ts';
import { createReportRepository, type ReportVersion, type StoredFigures } from './report.repository.ts';
import type { ReportSources } from './report.source-wiring.ts';
import { uniqueOr } from '../db/db-errors.ts';
import { blockedByErrors, canApproveReport, canPrepareReport, canTransition, mayAct, nextStatus, STATUS_LABELS, type ReportAction } from './report.workflow.ts';
import { inTransaction } from '../db/transaction.ts';

export interface ReportCtx {
  deps: AppDeps;
  sources?: ReportSources;
}
type WithActor<T> = T & { actor: Actor & { ip?: string }; ctx: ReportCtx };

const MIN_YEAR = 2008; // the 2007 Regulations took effect on 1 May 2008

export function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > 2100) throw badRequest('report.invalid_year', `年度 ${year} 无效`);
}

/** A body by id, code or exact name. */
export async function resolveBody(deps: Pick<AppDeps, 'db'>, ref: string | number): Promise<Organization> {
  const repo = createOrganizationsRepository(deps);
  const all = await repo.list();
  const org = all.find((o) => o.id === Number(ref) || o.code === String(ref) || o.name === String(ref));
  if (!org) throw notFound('report.body_not_found', `找不到机关“${ref}”`);
  return org;
}

async function access(ctx: ReportCtx, actor: Actor, bodyId: number) {
  const orgs = await createOrganizationsRepository(ctx.deps).list();
  const body = orgs.find((o) => o.id === bodyId);
  if (!body) throw notFound('report.body_not_found', '机关不存在');
  const readable = canReadIn(actor, bodyId, orgs) || canPrepareReport(actor, bodyId, orgs) || canApproveReport(actor, bodyId);
  if (!readable) throw forbidden('report.forbidden', '无权查看该机关的年度报告');
  return { body, orgs };
}

function permissions(actor: Actor, body: Organization, orgs: readonly Organization[], v: ReportVersion | undefined) {
  const out: Record<string, boolean> = {};
  for (const a of ['edit', 'submit', 'return', 'approve', 'publish'] as ReportAction[]) {
    out[a] = !!v && canTransition(v.status, a) && mayAct(a, actor, body.id, orgs);
  }
  const prepare = canPrepareReport(actor, body.id, orgs);
  out.start = prepare && (!v || v.status === 'published');
  out.editFigures = prepare && (!v || v.status === 'draft');
  return out;
}

/** The year's workspace: the latest version, the report as computed now (or frozen), findings. */
export async function getReportYear({ actor, bodyId, year, ctx }: WithActor<{ bodyId: number; year: number }>) {
  checkYear(year);
  const { body, orgs } = await access(ctx, actor, bodyId);
  const repo = createReportRepository(ctx.deps);
  const versions = (await repo.list(bodyId)).filter((v) => v.year === year);
  const version = versions[0];
  const parts = version?.narrative ?? (await startingNarrative(ctx, bodyId, year));
  let built: Pick<BuiltReport, 'report' | 'findings' | 'cellCounts'>;
  if (version?.model) {
    const cells = JSON.parse(version.cells ?? '{}') as Record<string, { ids: number[] }>;
    built = { report: JSON.parse(version.model) as AnnualReport, findings: JSON.parse(version.findings ?? '[]'), cellCounts: Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, v.ids.length])) };
  } else {
    built = await buildReport(ctx, body, year, parts);
  }
  return {
    body: { id: body.id, code: body.code, name: body.name, kind: body.kind },
    year,
    version: version ? publicVersion(version) : null,
    versions: versions.map(publicVersion),
    narrative: parts,
    figures: await repo.figures(bodyId, year),
    report: built.report,
    findings: built.findings,
    cellCounts: built.cellCounts,
    permissions: permissions(actor, body, orgs, version),
  };
}

export function publicVersion(v: ReportVersion) {
  return {
    id: v.id,
    year: v.year,
    version: v.version,
    status: v.status,
    revision: v.revision,
    statusLabel: STATUS_LABELS[v.status],
    correctionNote: v.correctionNote,
    publishedOn: v.publishedOn,
    updatedAt: v.updatedAt,
  };
}

/** A new year starts from last year's text (the 雷同 check then warns until it is rewritten). */
async function startingNarrative(ctx: ReportCtx, bodyId: number, year: number): Promise<NarrativeParts> {
  const last = await createReportRepository(ctx.deps).latest(bodyId, year - 1);
  return last?.narrative ?? defaultNarrative();
}

/** Starts the year's draft, or a correction (new version) of the published report. */
export async function startReport({ actor, bodyId, year, correctionNote, ctx }: WithActor<{ bodyId: number; year: number; correctionNote?: string }>) {
  checkYear(year);
  const { orgs } = await access(ctx, actor, bodyId);
  if (!canPrepareReport(actor, bodyId, orgs)) throw forbidden('report.forbidden', '只有本机关的年报编辑可以编制年度报告');
  const repo = createReportRepository(ctx.deps);
  const latest = await repo.latest(bodyId, year);
  if (latest && latest.status !== 'published') throw conflict('report.version_open', `${year}年度报告已有未发布的版本（${STATUS_LABELS[latest.status]}）`);
  const note = correctionNote?.trim() || null;
  if (latest && !note) throw badRequest('report.correction_note_required', '更正已发布的报告须填写更正说明');
  const narrative = latest?.narrative ?? (await startingNarrative(ctx, bodyId, year));
  const now = ctx.deps.clock.now();
  // Two starts at once both read "no open version": the unique (body, year, version) refuses the
  // second, which is told that the version is already open.
  const taken = () => conflict('report.version_open', `${year}年度报告已有未发布的版本，请刷新后继续编辑`);
  return uniqueOr(() => inTransaction(ctx.deps.db, async (trx) => {
    const v = await createReportRepository({ db: trx }).insert({ organizationId: bodyId, year, version: (latest?.version ?? 0) + 1, narrative, correctionNote: latest ? note : null, userId: actor.id, at: now.toISOString() });
    await createAuditRepository({ db: trx }).append({ userId: actor.id, username: actor.username, action: latest ? 'report.corrected' : 'report.started', targetType: 'report', targetId: v.id, ip: actor.ip, detail: { bodyId, year, version: v.version, correctionNote: note } }, now, trx);
    return publicVersion(v);
  }), taken);
}

async function editableVersion(ctx: ReportCtx, actor: Actor, versionId: number, action: ReportAction) {
  const repo = createReportRepository(ctx.deps);
  const v = await repo.byId(versionId);
  if (!v) throw notFound('report.not_found', '年度报告版本不存在');
  const { body, orgs } = await access(ctx, actor, v.organizationId);
  if (!mayAct(action, actor, v.organizationId, orgs)) throw forbidden('report.forbidden', '您的角色不能执行此操作');
  if (!canTransition(v.status, action)) throw conflict('report.invalid_state', `报告当前状态为“${STATUS_LABELS[v.status]}”，不能执行此操作`);
  return { v, body };
}

const changed = () => conflict('report.changed', '报告已被他人修改或提交，请刷新后重试');

/** `revision`: the revision the editor's page showed; when given, a newer version is refused. */
export async function saveNarrative({ actor, versionId, parts, revision, ctx }: WithActor<{ versionId: number; parts: Record<string, unknown>; revision?: number }>) {
  const { v } = await editableVersion(ctx, actor, versionId, 'edit');
  if (revision !== undefined && revision !== v.revision) throw changed();
  const narrative = sanitizeParts(parts, v.narrative);
  const now = ctx.deps.clock.now();
  await inTransaction(ctx.deps.db, async (trx) => {
    if (!(await createReportRepository({ db: trx }).update(v.id, v, { narrative: JSON.stringify(narrative), updated_at: now.toISOString() }))) throw changed();
    await createAuditRepository({ db: trx }).append({ userId: actor.id, username: actor.username, action: 'report.narrative_saved', targetType: 'report', targetId: v.id, ip: actor.ip, detail: { parts: Object.keys(parts) } }, now, trx);
  });
  return narrative;
}

const WAN_YUAN = /^\d{1,12}(\.\d{1,6})?$/;

export async function saveFigures({ actor, bodyId, year, figures, ctx }: WithActor<{ bodyId: number; year: number; figures: StoredFigures }>) {
  checkYear(year);
  const { orgs } = await access(ctx, actor, bodyId);
  if (!canPrepareReport(actor, bodyId, orgs)) throw forbidden('report.forbidden', '只有本机关的年报编辑可以填报数字');
  const latest = await createReportRepository(ctx.deps).latest(bodyId, year);
  if (latest && latest.status !== 'draft') throw conflict('report.invalid_state', `报告当前状态为“${STATUS_LABELS[latest.status]}”，不能修改数字`);
  if (figures.feesAmountWanYuan !== null && !WAN_YUAN.test(figures.feesAmountWanYuan)) {
    throw new AppError('report.invalid_amount', '收费金额须为万元数，最多六位小数，例如 7730.28', 400);
  }
  const now = ctx.deps.clock.now();
  await inTransaction(ctx.deps.db, async (trx) => {
    // The figures belong to the open draft: moving its revision on, on the condition that it is
    // still the draft read above, keeps them from changing under a report submitted meanwhile
    // (and makes that submission, if it read the draft before, refuse with 409).
    if (latest && !(await createReportRepository({ db: trx }).update(latest.id, latest, { updated_at: now.toISOString() }))) throw changed();
    await createReportRepository({ db: trx }).saveFigures(bodyId, year, figures, actor.id, now.toISOString());
    await createAuditRepository({ db: trx }).append({ userId: actor.id, username: actor.username, action: 'report.figures_saved', targetType: 'organization', targetId: bodyId, ip: actor.ip, detail: { year, figures } }, now, trx);
  });
}

/** submit / return / approve / publish. Errors block submit and approve; approval freezes the model. */
export async function actOnReport({ actor, versionId, action, ctx }: WithActor<{ versionId: number; action: Exclude<ReportAction, 'edit'> }>) {
  const { v, body } = await editableVersion(ctx, actor, versionId, action);
  const now = ctx.deps.clock.now();
  const at = now.toISOString();
  const patch: Record<string, unknown> = { status: nextStatus(action), updated_at: at };
  let findings = undefined as BuiltReport['findings'] | undefined;
  if (blockedByErrors(action)) {
    // A count without its number is a fault in the text as sent, named to the writer at once.
    const uncounted = narrativeCountsWithoutNumber(v.narrative, v.year);
    if (uncounted.length) {
      const more = uncounted.length > 1 ? `（另有 ${uncounted.length - 1} 处）` : '';
      throw badRequest('report.narrative_count_missing', `${uncounted[0]!.message}${more}`, { findings: uncounted });
    }
    // An approval freezes the ids behind every cell with the figures.
    const built = await buildReport({ ...ctx, drillDown: action === 'approve' }, body, v.year, v.narrative);
    findings = built.findings;
    if (hasErrors(built.findings)) {
      throw new AppError('report.validation_failed', '年度报告存在错误，须先改正才能提交或审批', 422, { findings: built.findings.filter((f) => f.severity === 'error') });
    }
    if (action === 'submit') patch.submitted_by = actor.id;
    if (action === 'approve') Object.assign(patch, { approved_by: actor.id, model: JSON.stringify(built.report), cells: JSON.stringify(built.cells), findings: JSON.stringify(built.findings) });
  }
  if (action === 'publish') {
    const publishedOn = shanghaiDate(now);
    const model = { ...(JSON.parse(v.model!) as AnnualReport), publishedOn };
    Object.assign(patch, { published_on: publishedOn, published_by: actor.id, model: JSON.stringify(model) });
  }
  await inTransaction(ctx.deps.db, async (trx) => {
    if (!(await createReportRepository({ db: trx }).update(v.id, v, patch))) throw changed();
    if (action === 'submit') await notifyReportAwaitingApproval(trx, { id: v.id, organizationId: v.organizationId, year: v.year }, at);
    await createAuditRepository({ db: trx }).append({ userId: actor.id, username: actor.username, action: `report.${action}`, targetType: 'report', targetId: v.id, ip: actor.ip, detail: { bodyId: v.organizationId, year: v.year, version: v.version, warnings: findings?.filter((f) => f.severity === 'warning').map((f) => f.code) } }, now, trx);
  });
  return publicVersion((await createReportRepository(ctx.deps).byId(v.id))!);
}

/** The records behind one table cell (drill-down). Frozen ids for an approved version. */
export async function cellRecords({ actor, bodyId, year, cell, ctx }: WithActor<{ bodyId: number; year: number; cell: string }>) {
  checkYear(year);
  const { body } = await access(ctx, actor, bodyId);
  const v = await createReportRepository(ctx.deps).latest(bodyId, year);
  const cells = v?.cells ? (JSON.parse(v.cells) as NonNullable<BuiltReport['cells']>) : (await buildReport({ ...ctx, drillDown: true }, body, year, v?.narrative ?? defaultNarrative())).cells;
  const found = cells?.[cell];
  if (!found) throw notFound('report.cell_not_found', `表格中没有单元格 ${cell}`);
  return { cell, kind: found.kind, ids: found.ids, frozen: !!v?.cells };
}
