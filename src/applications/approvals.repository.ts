/** A body's separation-of-duties rules (table `case_approval_settings`); no row: the defaults. */
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/database.ts';
import { DEFAULT_APPROVAL_RULES, isApprovalRule, type ApprovalRules } from './approval.rules.ts';

/** A body's row of `case_approval_settings`, as read. */
export type ApprovalSettingsRow = Selectable<Database['case_approval_settings']>;

/** A body's rules from its settings row (none: the defaults). */
export function rulesFromRow(row: Pick<ApprovalSettingsRow, 'extension_approval' | 'decision_approval' | 'updated_at' | 'updated_by'> | null | undefined): ApprovalRules & { updatedAt: string | null; updatedBy: string | null } {
  return {
    extension: row && isApprovalRule(row.extension_approval) ? row.extension_approval : DEFAULT_APPROVAL_RULES.extension,
    decision: row && isApprovalRule(row.decision_approval) ? row.decision_approval : DEFAULT_APPROVAL_RULES.decision,
    updatedAt: row?.updated_at ?? null,
    updatedBy: row?.updated_by ?? null,
  };
}

export function createApprovalsRepository({ db }: { db: Kysely<Database> }) {
  return {
    async rulesOf(organizationId: number): Promise<ApprovalRules & { updatedAt: string | null; updatedBy: string | null }> {
      return rulesFromRow(await db.selectFrom('case_approval_settings').selectAll().where('organization_id', '=', organizationId).executeTakeFirst());
    },

    async save(organizationId: number, rules: ApprovalRules, at: string, by: string): Promise<void> {
      const values = { extension_approval: rules.extension, decision_approval: rules.decision, updated_at: at, updated_by: by };
      await db
        .insertInto('case_approval_settings')
        .values({ organization_id: organizationId, ...values })
        .onConflict((oc) => oc.column('organization_id').doUpdateSet(values))
        .execute();
    },
  };
}
