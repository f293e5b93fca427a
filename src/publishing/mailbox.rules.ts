/**
 * Who may act on a mailbox letter (pure). A letter to a body is handled by a unit: a people's
 * government's letters by its office (the 公开办 clerks there), a department's by itself, or the
 * department it was transferred to (转办). The unit's (or the body's) administrator and publishers
 * answer it; the transferring unit keeps seeing it. A reply that is to be published on the portal
 * (互动交流) waits for a reviewer or leader of the unit or body, never the one who asked for its
 * publication (先审后发). The admin screens show only the buttons `letterActions` returns, so the
 * leader and the auditor see no 答复 button.
 */
import { canReadIn, canWriteIn, type Actor } from '../auth/access.rules.ts';
import type { Organization } from '../auth/organizations.repository.ts';
import type { Role } from '../auth/roles.ts';
import { defaultHandlingUnit } from '../applications/case-access.ts';

export interface LetterState {
  organization_id: number;
  status: string;
  publish_status: string | null;
  publish_requested_by_id: number | null;
  unit_id?: number | null;
  transferred_from_unit_id?: number | null;
}

export type LetterAction = 'reply' | 'transfer' | 'request_publication' | 'approve' | 'return';

/** Default time limit for answering a letter, in working days from the day after its arrival. */
export const MAILBOX_ANSWER_WORKING_DAYS = 15;

const REPLIERS: Role[] = ['admin', 'publisher'];
const REVIEWERS: Role[] = ['reviewer', 'leader'];

/** The unit that handles the letter now. */
export function handlingUnit(l: LetterState, orgs: readonly Organization[]): number {
  if (l.unit_id) return l.unit_id;
  const body = orgs.find((o) => o.id === l.organization_id);
  return body ? defaultHandlingUnit(body, orgs) : l.organization_id;
}

const actsAs = (actor: Actor, roles: Role[], l: LetterState, orgs: readonly Organization[]) => {
  const unit = handlingUnit(l, orgs);
  return roles.some((r) => canWriteIn(actor, r, unit, orgs) || canWriteIn(actor, r, l.organization_id, orgs));
};

export function mayReply(actor: Actor, l: LetterState, orgs: readonly Organization[]): boolean {
  return actsAs(actor, REPLIERS, l, orgs);
}

export function mayReview(actor: Actor, l: LetterState, orgs: readonly Organization[]): boolean {
  return actsAs(actor, REVIEWERS, l, orgs);
}

/** Sees the letter: over its body, its handling unit, or the unit that transferred it. */
export function maySeeLetter(actor: Actor, l: LetterState, orgs: readonly Organization[]): boolean {
  const ids = [l.organization_id, handlingUnit(l, orgs), l.transferred_from_unit_id].filter((x): x is number => !!x);
  return ids.some((id) => canReadIn(actor, id, orgs));
}

/** The units a letter of `bodyId` may be transferred to: the body's own sub-units and departments below it. */
export function transferTargets(bodyId: number, orgs: readonly Organization[]): Organization[] {
  const out: Organization[] = [];
  const walk = (parent: number) => {
    for (const o of orgs) {
      if (o.parentId === parent && !o.disabled) {
        out.push(o);
        walk(o.id);
      }
    }
  };
  walk(bodyId);
  return out;
}

/** The actions `actor` may take on the letter now. */
export function letterActions(actor: Actor, l: LetterState, orgs: readonly Organization[]): LetterAction[] {
  const out: LetterAction[] = [];
  if (mayReply(actor, l, orgs)) {
    if (l.status === 'received') out.push('reply');
    // Transferred once, by the unit that received it: the receiving department answers (no chains).
    if (l.status === 'received' && !l.transferred_from_unit_id) out.push('transfer');
    if (l.status === 'replied' && (l.publish_status === null || l.publish_status === 'returned')) out.push('request_publication');
  }
  if (l.publish_status === 'pending' && mayReview(actor, l, orgs) && l.publish_requested_by_id !== actor.id) out.push('approve', 'return');
  return out;
}
