/**
 * A body's 政府信息公开指南: read by the portal (the edited one, or the default made from the site's
 * contact lines), edited by the body's administrator or its 公开办 clerk. Each save is versioned:
 * a form loaded before someone else's save is refused (409), so no edit is silently lost.
 */
import { AppError } from '../shared/app-error.ts';
import type { AppDeps } from '../shared/deps.ts';
import { isoTimestamp } from '../shared/clock.ts';
import type { Actor } from '../auth/access.rules.ts';
import { createAuditRepository } from '../auth/audit.repository.ts';
import { officeBody } from '../applications/office-access.ts';
import { defaultGuide } from './guide.rules.ts';
import type { GuideContent, GuideSaveInput } from './guide.schema.ts';

type Deps = Pick<AppDeps, 'db' | 'config'>;

/** The guide the portal shows for a body: the saved one, else the default. */
export async function guideOf(deps: Deps, body: { id: number; name: string }): Promise<{ content: GuideContent; version: number; updatedAt: string | null }> {
  const row = await deps.db.selectFrom('portal_guides').selectAll().where('organization_id', '=', body.id).executeTakeFirst();
  if (!row) return { content: defaultGuide(deps.config.site, body.name), version: 0, updatedAt: null };
  return { content: { ...defaultGuide(deps.config.site, body.name), ...(JSON.parse(row.content) as GuideContent) }, version: row.version, updatedAt: row.updated_at };
}

export async function getGuide({ organizationId, actor, deps }: { organizationId: number; actor: Actor; deps: AppDeps }) {
  const { body, mayEdit } = await officeBody(actor, organizationId, deps, { write: false, what: '公开指南' });
  return { organizationId: body.id, organizationName: body.name, canEdit: mayEdit, ...(await guideOf(deps, body)) };
}

const changed = () => new AppError('publishing.guide_changed', '公开指南已被他人修改，请刷新后重新编辑', 409);

export async function saveGuide({ organizationId, input, actor, deps }: { organizationId: number; input: GuideSaveInput & { content: GuideContent }; actor: Actor; deps: AppDeps }) {
  const { body } = await officeBody(actor, organizationId, deps, { write: true, what: '公开指南' });
  const now = deps.clock.now();
  const row = { content: JSON.stringify(input.content), version: input.version + 1, updated_at: isoTimestamp(now), updated_by: actor.username };
  await deps.db.transaction().execute(async (trx) => {
    // The version is the condition: of two saves from the same form, one wins and one is told.
    if (input.version === 0) {
      const inserted = await trx.insertInto('portal_guides').values({ organization_id: body.id, ...row })
        .onConflict((oc) => oc.column('organization_id').doNothing()).executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) throw changed();
    } else {
      const updated = await trx.updateTable('portal_guides').set(row)
        .where('organization_id', '=', body.id).where('version', '=', input.version).executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw changed();
    }
    await createAuditRepository({ db: trx }).append({ userId: actor.id, username: actor.username, action: 'publishing.guide_saved', targetType: 'organization', targetId: body.id, detail: { version: row.version } }, now, trx);
  });
  return { version: row.version };
}
