/**
 * Administering the organization tree. An administrator creates and edits units within their
 * own organization's subtree; every write is audited in the same transaction.
 */
import { gzipSync } from 'node:zlib';
import { AppError, conflict } from '../shared/app-error.ts';
import type { AppDeps } from '../shared/deps.ts';
import { createAuditRepository } from './audit.repository.ts';
import { createOrganizationsRepository, invalidateOrganizationTree, ORGANIZATION_KINDS, type Organization } from './organizations.repository.ts';
import { readableOrgIds, subtreeIds, type Actor } from './access.rules.ts';
import { requireWritableOrg } from './users.usecases.ts';
import { createDefaultColumns } from '../publishing/columns.repository.ts';
import { lockForTransaction } from '../db/db-errors.ts';
import { wouldCreateCycle } from '../shared/tree.rules.ts';
import { inTransaction } from '../db/transaction.ts';

/** A list answer as bytes, and gzipped once when it is the whole tree. */
export interface OrganizationsListBody {
  json: Buffer;
  gzip: Buffer | null;
}

const wholeTreeBody = new WeakMap<readonly Organization[], OrganizationsListBody>();

/**
 * The organization list as its JSON answer. A reader of the whole tree (a province's
 * administrator or auditor: 10,000 units, about 1.2 MB) gets bytes made once per loaded tree,
 * which is replaced whenever the tree changes, with a gzip copy (about a tenth of the size):
 * encoding the text and copying the megabyte per request was most of its 50–70 ms. Others get
 * their subtree, made per request.
 */
export async function organizationsListBody({ actor, deps }: { actor: Actor; deps: AppDeps }): Promise<OrganizationsListBody> {
  const orgs = await createOrganizationsRepository(deps).list();
  const readable = readableOrgIds(actor, orgs);
  if (readable.length < orgs.length) {
    const ids = new Set(readable);
    return { json: Buffer.from(JSON.stringify({ items: orgs.filter((o) => ids.has(o.id)) })), gzip: null };
  }
  let body = wholeTreeBody.get(orgs);
  if (body === undefined) {
    const json = Buffer.from(JSON.stringify({ items: orgs }));
    wholeTreeBody.set(orgs, (body = { json, gzip: gzipSync(json) }));
  }
  return body;
}

function checkKind(kind: string) {
  if (!Object.hasOwn(ORGANIZATION_KINDS, kind)) throw new AppError('organizations.invalid_kind', `未知单位类型：${kind}`, 400);
}

export async function createOrganization({
  actor,
  input,
  ip,
  deps,
}: {
  actor: Actor;
  input: { code: string; name: string; parentId: number; kind: string };
  ip: string;
  deps: AppDeps;
}): Promise<Organization> {
  await requireWritableOrg(deps, actor, input.parentId);
  checkKind(input.kind);
  if (!/^[a-z0-9][a-z0-9-]{1,39}$/.test(input.code)) {
    throw new AppError('organizations.invalid_code', '单位代码须为 2–40 位小写字母、数字或连字符', 400);
  }
  const repo = createOrganizationsRepository(deps);
  if (await repo.byCode(input.code)) throw conflict('organizations.code_taken', `单位代码“${input.code}”已被使用`);
  const created = await inTransaction(deps.db, async (trx) => {
    const org = await createOrganizationsRepository({ db: trx }).insert({
      code: input.code,
      name: input.name,
      parent_id: input.parentId,
      kind: input.kind,
      is_body: input.kind === 'government' || input.kind === 'department' ? 1 : 0,
      disabled: 0,
      created_at: deps.clock.now().toISOString(),
    });
    // A body publishes on the portal from day one: it gets the unified 政府信息公开 column tree.
    if (org.isBody) await createDefaultColumns(trx, org.id, deps.clock.now());
    await createAuditRepository({ db: trx }).append(
      { userId: actor.id, username: actor.username, action: 'organizations.created', targetType: 'organization', targetId: org.id, ip, detail: input },
      deps.clock.now(),
      trx,
    );
    return org;
  });
  invalidateOrganizationTree(); // again after commit: a reader between insert and commit cached the old tree
  return created;
}

/** Advisory-lock namespace of the organization tree (db/db-errors.ts). */
const ORGANIZATION_TREE_LOCK = 740_504;
const cycle = () => new AppError('organizations.cycle', '上级单位不能是该单位自身或其下级单位', 409);

export async function updateOrganization({
  actor,
  organizationId,
  patch,
  ip,
  deps,
}: {
  actor: Actor;
  organizationId: number;
  patch: { name?: string; parentId?: number; kind?: string; disabled?: boolean };
  ip: string;
  deps: AppDeps;
}): Promise<Organization> {
  const orgs = await requireWritableOrg(deps, actor, organizationId);
  if (patch.kind !== undefined) checkKind(patch.kind);
  if (patch.parentId !== undefined) {
    await requireWritableOrg(deps, actor, patch.parentId);
    if (subtreeIds(orgs, organizationId).has(patch.parentId)) throw cycle();
  }
  if (organizationId === actor.organizationId && (patch.disabled || patch.parentId !== undefined)) {
    throw new AppError('organizations.own_unit', '不能停用或移动自己所在的单位', 400);
  }
  const updated = await inTransaction(deps.db, async (trx) => {
    if (patch.parentId !== undefined) {
      // Checked again on the tree as it is now, moves serialised: two moves made at once (A under
      // B, B under A) would each pass the check above and close a loop together.
      await lockForTransaction(trx, ORGANIZATION_TREE_LOCK, 0);
      const current = await createOrganizationsRepository({ db: trx }).list({ fresh: true });
      if (wouldCreateCycle(current, organizationId, patch.parentId)) throw cycle();
    }
    const org = await createOrganizationsRepository({ db: trx }).update(organizationId, {
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.parentId !== undefined && { parent_id: patch.parentId }),
      ...(patch.kind !== undefined && { kind: patch.kind }),
      ...(patch.disabled !== undefined && { disabled: patch.disabled ? 1 : 0 }),
    });
    await createAuditRepository({ db: trx }).append(
      { userId: actor.id, username: actor.username, action: 'organizations.updated', targetType: 'organization', targetId: organizationId, ip, detail: patch },
      deps.clock.now(),
      trx,
    );
    return org!;
  });
  invalidateOrganizationTree();
  return updated;
}
