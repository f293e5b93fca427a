/**
 * Notices and letters of a case: the template (an administrator's version, else the default),
 * filled from the case; letters.render.ts lays it out and letters.issue.usecases.ts issues it.
 */
import { AppError } from '../shared/app-error.ts';
import type { AppDeps } from '../shared/deps.ts';
import { isoTimestamp, shanghaiDate } from '../shared/clock.ts';
import type { Actor } from '../auth/access.rules.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { createAuditRepository } from '../auth/audit.repository.ts';
import { getCase } from './case-view.usecases.ts';
import { OUTCOME_WORDING } from './outcomes.wording.rules.ts';
import { DEFAULT_TEMPLATES, LETTER_KEYS, type LetterTemplate } from './letters.templates.ts';
import { fillLetter, type FilledLetter } from './letters.rules.ts';

export async function letterTemplate(deps: AppDeps, key: string): Promise<LetterTemplate> {
  const fallback = DEFAULT_TEMPLATES.find((t) => t.key === key);
  if (!fallback) throw new AppError('letters.unknown', `没有这种文书：${key}`, 404);
  const row = await deps.db.selectFrom('letter_templates').selectAll().where('key', '=', key).executeTakeFirst();
  return row ? { key, title: row.title, body: row.body } : fallback;
}

export async function listTemplates(deps: AppDeps) {
  return Promise.all(LETTER_KEYS.map(async (k) => ({ ...(await letterTemplate(deps, k)), isDefault: !(await deps.db.selectFrom('letter_templates').select('key').where('key', '=', k).executeTakeFirst()) })));
}

export async function saveTemplate({ key, title, body, actor, deps }: { key: string; title: string; body: string; actor: Actor; deps: AppDeps }) {
  if (!LETTER_KEYS.includes(key)) throw new AppError('letters.unknown', `没有这种文书：${key}`, 404);
  if (!title.trim() || !body.trim()) throw new AppError('letters.invalid', '标题和正文不能为空', 400);
  const now = deps.clock.now();
  const values = { key, title: title.trim(), body, updated_at: isoTimestamp(now), updated_by: actor.username };
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('letter_templates').where('key', '=', key).execute();
    await trx.insertInto('letter_templates').values(values).execute();
    await createAuditRepository(deps).append({ userId: actor.id, username: actor.username, action: 'letters.template', targetType: 'letter_template', targetId: key, detail: { title } }, now, trx);
  });
}

/** The review body named in the remedies: a department's own government, else the next level up. */
function reviewBodyOf(orgs: readonly { id: number; name: string; kind: string; parentId: number | null }[], bodyId: number): string {
  const body = orgs.find((o) => o.id === bodyId);
  const parent = body?.parentId ? orgs.find((o) => o.id === body.parentId) : undefined;
  if (body && body.kind !== 'government' && parent) return parent.name;
  return `${body?.name ?? '本机关'}的上一级人民政府`;
}

export async function buildLetter({ caseId, key, actor, deps }: { caseId: number; key: string; actor: Actor; deps: AppDeps }): Promise<FilledLetter> {
  const c = await getCase({ caseId, actor, deps });
  const t = await letterTemplate(deps, key);
  const s = c.state;
  // The consultation letter of that kind: the last one sent to a third party, or to an agency.
  const consultation = s.consultations.filter((x) => key !== 'consultation-agency' ? x.kind === 'third-party' : x.kind === 'agency').at(-1);
  const decision = s.decision;
  if (key === 'reply' && !decision) throw new AppError('letters.not_ready', '尚未作出答复，不能生成答复书', 409);
  const fee = c.timeline.filter((e) => e.type === 'fee_notice_sent').at(-1)?.data as { amountYuan?: number; method?: string } | undefined;
  const values: Record<string, string> = {
    申请人: c.applicantName,
    受理编号: c.trackingNumber,
    收到日期: s.receivedDate ?? c.submittedDate,
    申请内容: c.description,
    答复期限: c.deadline?.dueDate ?? '（待定）',
    补正事项: s.correction?.items ?? '',
    补正期限: s.correction?.replyBy ?? '',
    延期理由: s.extension?.reason ?? '',
    延长天数: String(s.extension?.days ?? ''),
    被征求意见方: consultation?.party ?? '',
    收费金额: String(fee?.amountYuan ?? ''),
    收费依据: fee?.method === 'per-page' ? '按量计收' : '按件计收',
    答复结果: decision ? OUTCOME_WORDING[decision.outcome].decision : '',
    答复正文: decision?.replyText ?? '',
  };
  const orgs = await createOrganizationsRepository(deps).list();
  return fillLetter(t, values, {
    legalBasis: decision?.legalBasis,
    decision: decision ? { outcome: decision.outcome, ground: decision.ground, withheldPart: decision.withheldPart } : undefined,
    reviewBody: reviewBodyOf(orgs, c.organizationId),
    bodyName: c.organizationName,
    date: shanghaiDate(deps.clock.now()),
  });
}
