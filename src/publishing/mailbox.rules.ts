/**
 * Who may act on a mailbox letter (pure). A body's staff answer its letters; a reply that is to
 * be published on the portal (互动交流) waits for a reviewer or leader of the body, never the one
 * who asked for its publication (先审后发: what the portal says in the body's name is checked by a
 * second person). The admin screens show only the buttons `letterActions` returns.
 */
import { canWriteIn, type Actor, type OrgNode } from '../auth/access.rules.ts';
import type { Role } from '../auth/roles.ts';

export interface LetterState {
  organization_id: number;
  status: string;
  publish_status: string | null;
  publish_requested_by_id: number | null;
}

export type LetterAction = 'reply' | 'request_publication' | 'approve' | 'return';

const REPLIERS: Role[] = ['admin', 'publisher'];
const REVIEWERS: Role[] = ['reviewer', 'leader'];

const actsAs = (actor: Actor, roles: Role[], l: LetterState, orgs: readonly OrgNode[]) => roles.some((r) => canWriteIn(actor, r, l.organization_id, orgs));

export function mayReply(actor: Actor, l: LetterState, orgs: readonly OrgNode[]): boolean {
  return actsAs(actor, REPLIERS, l, orgs);
}

export function mayReview(actor: Actor, l: LetterState, orgs: readonly OrgNode[]): boolean {
  return actsAs(actor, REVIEWERS, l, orgs);
}

/** The actions `actor` may take on the letter now. */
export function letterActions(actor: Actor, l: LetterState, orgs: readonly OrgNode[]): LetterAction[] {
  const out: LetterAction[] = [];
  if (mayReply(actor, l, orgs)) {
    if (l.status === 'received') out.push('reply');
    if (l.status === 'replied' && (l.publish_status === null || l.publish_status === 'returned')) out.push('request_publication');
  }
  if (l.publish_status === 'pending' && mayReview(actor, l, orgs) && l.publish_requested_by_id !== actor.id) out.push('approve', 'return');
  return out;
}
