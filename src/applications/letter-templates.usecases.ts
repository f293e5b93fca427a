/**
 * A body's letter templates with their versions. Every save is a new version (who, when, what);
 * the current template is the highest version; an older one (or the shipped default, version 0)
 * is restored by saving its text as a new version, so the history is never rewritten. Letters
 * are filled from the current version of the case's body (`templateFor`).
 */
import { AppError } from '../shared/app-error.ts';
import type { AppDeps } from '../shared/deps.ts';
import { isoTimestamp } from '../shared/clock.ts';
import type { Actor } from '../auth/access.rules.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { createAuditRepository } from '../auth/audit.repository.ts';
import { uniqueOr } from '../db/db-errors.ts';
import { DEFAULT_TEMPLATES, type LetterTemplate } from './letters.templates.ts';
import { mayEditTemplates, mayReadTemplates, unknownPlaceholders } from './letter-templates.rules.ts';
import { templateVersionShape, type TemplateVersionInput } from './letter-templates.schema.ts';
import { createLetterTemplatesRepository, type TemplateVersionRow } from './letter-templates.repository.ts';
import { inTransaction } from '../db/transaction.ts';

type Who = Actor & { user?: { displayName?: string } };

function shipped(key: string): LetterTemplate {
  const t = DEFAULT_TEMPLATES.find((x) => x.key === key);
  if (!t) throw new AppError('letters.unknown', `没有这种文书：${key}`, 404);
  return t;
}

async function bodyFor(actor: Actor, organizationId: number, deps: AppDeps, edit: boolean) {
  const orgs = await createOrganizationsRepository(deps).list();
  const body = orgs.find((o) => o.id === organizationId && o.isBody);
  if (!body) throw new AppError('letters.body_not_found', '没有找到该机关', 404);
  if (!mayReadTemplates(actor, body, orgs)) throw new AppError('letters.template_forbidden', '您无权查看该机关的文书模板', 403);
  if (edit && !mayEditTemplates(actor, body.id, orgs)) {
    throw new AppError('letters.template_forbidden', '只有本机关的系统管理员可以修改文书模板', 403);
  }
  return { body, canEdit: mayEditTemplates(actor, body.id, orgs) };
}

const presentVersion = (r: TemplateVersionRow) => ({
  version: r.version, title: r.title, body: r.body, restoredFrom: r.restored_from, createdAt: r.created_at, createdBy: r.created_by_name,
});

/** The template a letter of `organizationId` is filled from, and the version row's id (null: shipped default). */
export async function templateFor(deps: AppDeps, organizationId: number, key: string): Promise<{ template: LetterTemplate; versionId: number | null }> {
  const fallback = shipped(key);
  const row = await createLetterTemplatesRepository(deps).current(organizationId, key);
  return row ? { template: { key, title: row.title, body: row.body }, versionId: Number(row.id) } : { template: fallback, versionId: null };
}

/** The bodies whose templates the actor may see, and whether they may edit them (the editor's body picker). */
export async function listTemplateBodies({ actor, deps }: { actor: Actor; deps: AppDeps }) {
  const orgs = await createOrganizationsRepository(deps).list();
  return orgs
    .filter((o) => o.isBody && !o.disabled && mayReadTemplates(actor, o, orgs))
    .map((o) => ({ id: o.id, name: o.name, canEdit: mayEditTemplates(actor, o.id, orgs) }));
}

export async function listBodyTemplates({ organizationId, actor, deps }: { organizationId: number; actor: Actor; deps: AppDeps }) {
  const { body, canEdit } = await bodyFor(actor, organizationId, deps, false);
  const current = await createLetterTemplatesRepository(deps).currentAll(body.id);
  return {
    organizationId: body.id,
    organizationName: body.name,
    canEdit,
    items: DEFAULT_TEMPLATES.map((d) => {
      const r = current.get(d.key);
      return r
        ? { key: d.key, title: r.title, body: r.body, isDefault: false, version: r.version, updatedAt: r.created_at, updatedBy: r.created_by_name }
        : { key: d.key, title: d.title, body: d.body, isDefault: true, version: 0, updatedAt: null, updatedBy: null };
    }),
  };
}

export async function listTemplateVersions({ organizationId, key, actor, deps }: { organizationId: number; key: string; actor: Actor; deps: AppDeps }) {
  const d = shipped(key);
  const { body, canEdit } = await bodyFor(actor, organizationId, deps, false);
  const rows = await createLetterTemplatesRepository(deps).list(body.id, key);
  return { organizationId: body.id, key, canEdit, current: rows[0]?.version ?? 0, versions: rows.map(presentVersion), platformDefault: { title: d.title, body: d.body } };
}

async function appendVersion(p: { organizationId: number; key: string; title: string; body: string; restoredFrom: number | null; baseVersion?: number; actor: Who; deps: AppDeps }) {
  const { actor, deps } = p;
  const repo = createLetterTemplatesRepository(deps);
  const current = (await repo.current(p.organizationId, p.key))?.version ?? 0;
  const conflict = () => new AppError('letters.template_conflict', '该模板刚刚已被他人修改，请刷新后再保存', 409);
  if (p.baseVersion !== undefined && p.baseVersion !== current) throw conflict();
  const now = deps.clock.now();
  const version = current + 1;
  await uniqueOr(() => inTransaction(deps.db, async (trx) => {
    await repo.insert({
      organization_id: p.organizationId, key: p.key, version, title: p.title, body: p.body, restored_from: p.restoredFrom,
      created_at: isoTimestamp(now), created_by_id: actor.id, created_by_name: actor.user?.displayName ?? actor.username,
    }, trx);
    await createAuditRepository(deps).append({
      userId: actor.id, username: actor.username, action: 'letters.template_saved', targetType: 'organization', targetId: p.organizationId,
      detail: { key: p.key, version, restoredFrom: p.restoredFrom, title: p.title },
    }, now, trx);
  }), conflict);
  return { version };
}

export async function saveTemplateVersion({ organizationId, key, input, actor, deps }: { organizationId: number; key: string; input: TemplateVersionInput; actor: Who; deps: AppDeps }) {
  shipped(key);
  const { body } = await bodyFor(actor, organizationId, deps, true);
  const parsed = templateVersionShape.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('letters.invalid', issue.message, 400, { field: String(issue.path[0] ?? '') });
  }
  const unknown = unknownPlaceholders(`${parsed.data.title}\n${parsed.data.body}`);
  if (unknown.length) throw new AppError('letters.unknown_placeholder', `模板中有无法填写的占位符：${unknown.map((n) => `{{${n}}}`).join('、')}`, 400);
  return appendVersion({ organizationId: body.id, key, title: parsed.data.title, body: parsed.data.body, restoredFrom: null, baseVersion: parsed.data.baseVersion, actor, deps });
}

/** Restores version `version` (0: the shipped default) as a new version. */
export async function restoreTemplateVersion({ organizationId, key, version, actor, deps }: { organizationId: number; key: string; version: number; actor: Who; deps: AppDeps }) {
  const d = shipped(key);
  const { body } = await bodyFor(actor, organizationId, deps, true);
  const old = version === 0 ? { title: d.title, body: d.body } : await createLetterTemplatesRepository(deps).version(body.id, key, version);
  if (!old) throw new AppError('letters.version_not_found', `没有第${version}版`, 404);
  return appendVersion({ organizationId: body.id, key, title: old.title, body: old.body, restoredFrom: version, actor, deps });
}
