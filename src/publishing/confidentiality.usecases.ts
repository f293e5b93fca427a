/**
 * A body's 保密审查 rule (confidentiality.rules.ts): read by those who publish or check its
 * items, set by the body's system administrator, every change audited.
 */
import { AppError } from '../shared/app-error.ts';
import type { AppDeps } from '../shared/deps.ts';
import { canReadIn, canWriteIn, hasRole, type Actor } from '../auth/access.rules.ts';
import { createOrganizationsRepository, type Organization } from '../auth/organizations.repository.ts';
import { createAuditRepository } from '../auth/audit.repository.ts';
import { inTransaction } from '../db/transaction.ts';
import { CONFIDENTIALITY_CHECKS, isConfidentialityRule, type ConfidentialityRule } from './confidentiality.rules.ts';
import { createConfidentialityRepository } from './confidentiality.repository.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';

/**
 * The body whose rules bind an organization's items: itself or its nearest ancestor that is a
 * body, a government's office counting as its government (the office publishes in its name).
 */
export function publishingBodyOf(orgs: readonly Organization[], orgId: number): Organization | undefined {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  let cur = byId.get(orgId);
  for (let hops = 0; cur && hops < 64; hops++) {
    if (cur.isBody && cur.kind !== 'office') return cur;
    cur = cur.parentId === null ? undefined : byId.get(cur.parentId);
  }
  return undefined;
}

/** The rule that binds an item of organization `orgId`. */
export async function confidentialityRuleFor(db: Kysely<Database>, orgs: readonly Organization[], orgId: number): Promise<ConfidentialityRule> {
  const body = publishingBodyOf(orgs, orgId);
  return body ? (await createConfidentialityRepository({ db }).ruleOf(body.id)).rule : 'required';
}

async function bodyFor(actor: Actor, organizationId: number, deps: AppDeps) {
  const orgs = await createOrganizationsRepository(deps).list();
  const body = orgs.find((o) => o.id === organizationId && o.isBody && o.kind !== 'office');
  if (!body) throw new AppError('publishing.body_not_found', '没有找到该机关', 404);
  const canEdit = canWriteIn(actor, 'admin', body.id, orgs);
  if (!canEdit && !canReadIn(actor, body.id, orgs) && !hasRole(actor, 'auditor')) throw new AppError('publishing.forbidden', '您无权查看该机关的发布设置', 403);
  return { body, canEdit };
}

export async function getPublishingSettings({ organizationId, actor, deps }: { organizationId: number; actor: Actor; deps: AppDeps }) {
  const { body, canEdit } = await bodyFor(actor, organizationId, deps);
  const s = await createConfidentialityRepository(deps).ruleOf(body.id);
  return {
    organizationId: body.id, organizationName: body.name, confidentialityReview: s.rule,
    checklist: Object.entries(CONFIDENTIALITY_CHECKS).map(([key, label]) => ({ key, label })),
    updatedAt: s.updatedAt, updatedBy: s.updatedBy, canEdit,
  };
}

export async function savePublishingSettings({ organizationId, confidentialityReview, actor, ip, deps }: { organizationId: number; confidentialityReview: unknown; actor: Actor; ip?: string; deps: AppDeps }) {
  const { body, canEdit } = await bodyFor(actor, organizationId, deps);
  if (!canEdit) throw new AppError('publishing.forbidden', '只有本机关的系统管理员可以修改发布设置', 403);
  if (!isConfidentialityRule(confidentialityReview)) throw new AppError('publishing.invalid_setting', '保密审查设置只能是“required”（必须）或“optional”（可选）', 400);
  const now = deps.clock.now();
  await inTransaction(deps.db, async (trx) => {
    const repo = createConfidentialityRepository({ db: trx });
    const before = (await repo.ruleOf(body.id)).rule;
    await repo.saveRule(body.id, confidentialityReview, now.toISOString(), actor.username);
    await createAuditRepository({ db: trx }).append(
      { userId: actor.id, username: actor.username, action: 'publishing.settings_changed', targetType: 'organization', targetId: body.id, ip, detail: { confidentialityReview: { from: before, to: confidentialityReview } } },
      now,
      trx,
    );
  });
  return getPublishingSettings({ organizationId, actor, deps });
}
