/**
 * Notices and letters of a case: the template (the body's current version, else the shipped
 * default), filled from the case; letters.render.ts lays it out and letters.issue.usecases.ts issues it.
 */
import { AppError } from '../shared/app-error.ts';
import type { AppDeps } from '../shared/deps.ts';
import { shanghaiDate } from '../shared/clock.ts';
import type { Actor } from '../auth/access.rules.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { getCase } from './case-view.usecases.ts';
import { OUTCOME_WORDING } from './outcomes.wording.rules.ts';
import { templateFor } from './letter-templates.usecases.ts';
import { fillLetter, type FilledLetter } from './letters.rules.ts';
import { deadlineContext, dueDateAtDecision } from './case-projection.ts';

/** The review body named in the remedies: a department's own government, else the next level up. */
function reviewBodyOf(orgs: readonly { id: number; name: string; kind: string; parentId: number | null }[], bodyId: number): string {
  const body = orgs.find((o) => o.id === bodyId);
  const parent = body?.parentId ? orgs.find((o) => o.id === body.parentId) : undefined;
  if (body && body.kind !== 'government' && parent) return parent.name;
  return `${body?.name ?? '本机关'}的上一级人民政府`;
}

/** The filled letter and the template version it was filled from (null: the shipped default). */
export async function buildLetter({ caseId, key, actor, deps }: { caseId: number; key: string; actor: Actor; deps: AppDeps }): Promise<FilledLetter & { templateVersionId: number | null }> {
  const c = await getCase({ caseId, actor, deps });
  const { template: t, versionId } = await templateFor(deps, c.organizationId, key);
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
    // A decided case has no running deadline: a letter issued (or corrected) after the decision
    // states the due date as it stood when the answer was given, never "（待定）".
    答复期限: c.deadline?.dueDate ?? dueDateAtDecision(await deadlineContext(deps), s) ?? '（待定）',
    补正事项: s.correction?.items ?? '',
    补正期限: s.correction?.replyBy ?? '',
    延期理由: s.extension?.reason ?? '',
    延长天数: String(s.extension?.days ?? ''),
    被征求意见方: consultation?.party ?? '',
    收费金额: String(fee?.amountYuan ?? ''),
    收费依据: fee?.method === 'per-page' ? '按量计收' : '按件计收',
    答复结果: decision ? OUTCOME_WORDING[decision.outcome].decision : '',
    答复正文: decision?.replyText ?? '',
    // The approver as recorded on the approval event, never a role the letter merely implies.
    批准人: s.extension?.approverName ?? '（待批准）',
  };
  const orgs = await createOrganizationsRepository(deps).list();
  const filled = fillLetter(t, values, {
    legalBasis: decision?.legalBasis,
    decision: decision ? { outcome: decision.outcome, ground: decision.ground, withheldPart: decision.withheldPart, approverName: decision.approverName ?? null } : undefined,
    reviewBody: reviewBodyOf(orgs, c.organizationId),
    bodyName: c.organizationName,
    date: shanghaiDate(deps.clock.now()),
  });
  return { ...filled, templateVersionId: versionId };
}
