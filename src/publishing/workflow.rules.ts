/**
 * The publishing workflow (pure): draft → submitted → approved → published (or scheduled) →
 * withdrawn, with "谁发布、谁负责": a unit's publishers draft and submit that unit's items and a
 * reviewer of the same unit approves them. Returned drafts go back to draft with a comment.
 */
import { canWriteIn, type Actor, type OrgNode } from '../auth/access.rules.ts';
import { AppError } from '../shared/app-error.ts';
import type { Role } from '../auth/roles.ts';
import type { ItemStatus } from './items.rules.ts';

export type WorkflowAction = 'edit' | 'submit' | 'return' | 'approve' | 'publish' | 'withdraw' | 'redraft' | 'change_validity';

interface Step {
  from: ItemStatus[];
  role: Role[];
}

export const WORKFLOW: Record<WorkflowAction, Step> = {
  edit: { from: ['draft'], role: ['publisher'] },
  submit: { from: ['draft'], role: ['publisher'] },
  return: { from: ['submitted'], role: ['reviewer'] },
  approve: { from: ['submitted'], role: ['reviewer'] },
  publish: { from: ['approved', 'scheduled'], role: ['reviewer', 'publisher'] },
  withdraw: { from: ['published', 'scheduled', 'approved'], role: ['reviewer', 'publisher'] },
  redraft: { from: ['withdrawn'], role: ['publisher'] },
  change_validity: { from: ['published'], role: ['reviewer'] },
};

export const ACTION_LABELS: Record<WorkflowAction, string> = {
  edit: '修改',
  submit: '提交审核',
  return: '退回修改',
  approve: '审核通过',
  publish: '发布',
  withdraw: '撤回',
  redraft: '重新编辑',
  change_validity: '变更有效性',
};

/** Throws unless `actor` may take `action` on an item of `orgId` now in `status`. */
export function assertMay(actor: Actor, action: WorkflowAction, status: string, orgId: number, orgs: readonly OrgNode[]): void {
  const step = WORKFLOW[action];
  if (!step.role.some((r) => canWriteIn(actor, r, orgId, orgs))) {
    throw new AppError('publishing.forbidden', `只有本单位的${step.role.map(roleName).join('或')}可以${ACTION_LABELS[action]}此信息（谁发布、谁负责）`, 403);
  }
  if (!step.from.includes(status as ItemStatus)) {
    throw new AppError('publishing.invalid_state', `当前状态下不能${ACTION_LABELS[action]}`, 409);
  }
}

/**
 * The answer to a request that lost a race, or that was made from a page showing an older
 * version: nothing was changed, the user reloads and decides again.
 */
export function itemChanged(current?: number): AppError {
  const now = current === undefined ? '' : `（当前为第 ${current} 版）`;
  return new AppError('publishing.item_changed', `该信息已被他人修改或流转${now}，请刷新后重试`, 409);
}

/** A client that says which version it saw gets 409 when the item has moved on since. */
export function assertSeenVersion(item: { version: number }, seen: number | undefined): void {
  if (seen !== undefined && seen !== item.version) throw itemChanged(item.version);
}

function roleName(r: Role): string {
  return r === 'publisher' ? '信息发布员' : r === 'reviewer' ? '审核人' : r;
}

/** Actions `actor` may take now (for the admin screens). */
export function availableActions(actor: Actor, status: string, orgId: number, orgs: readonly OrgNode[]): WorkflowAction[] {
  return (Object.keys(WORKFLOW) as WorkflowAction[]).filter((a) => {
    try {
      assertMay(actor, a, status, orgId, orgs);
      return true;
    } catch {
      return false;
    }
  });
}

/** Line-level differences between two versions (LCS), for the version history screen. */
export function diffLines(before: string, after: string): { op: '=' | '-' | '+'; line: string }[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: { op: '=' | '-' | '+'; line: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ op: '=', line: a[i] });
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) out.push({ op: '-', line: a[i++] });
    else out.push({ op: '+', line: b[j++] });
  }
  while (i < n) out.push({ op: '-', line: a[i++] });
  while (j < m) out.push({ op: '+', line: b[j++] });
  return out;
}
