/**
 * Whose letter templates are whose (pure). Templates belong to a body (the organization that
 * answers applications). Only an administrator whose reach covers the body edits them: not a case
 * handler (who would rewrite the wording of every letter they issue), not another body's
 * administrator. Anyone working inside the body, or over it, may read them.
 */
import { canReadIn, canWriteIn, type Actor } from '../auth/access.rules.ts';
import type { Organization } from '../auth/organizations.repository.ts';
import { PLACEHOLDERS } from './letters.templates.ts';
import { canActOnCase, defaultHandlingUnit } from './case-access.ts';

export function mayEditTemplates(actor: Actor, bodyId: number, orgs: readonly Organization[]): boolean {
  return canWriteIn(actor, 'admin', bodyId, orgs);
}

/** Inside or over the body, or a clerk who handles its cases (the 公开办 clerk for the government). */
export function mayReadTemplates(actor: Actor, body: Organization, orgs: readonly Organization[]): boolean {
  return canReadIn(actor, body.id, orgs) || canActOnCase(actor, 'case_handler', { organization_id: body.id, unit_id: defaultHandlingUnit(body, orgs) }, orgs);
}

/** Placeholders in `text` that no letter fills (they would print as typed). */
export function unknownPlaceholders(text: string): string[] {
  const known: readonly string[] = PLACEHOLDERS;
  const names = [...text.matchAll(/\{\{([^{}]+)\}\}/g)].map((m) => m[1]!.trim());
  return [...new Set(names.filter((n) => !known.includes(n)))];
}
