/** 保密审查 rows and the per-body publishing settings (tables of migration 0222). */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { DEFAULT_CONFIDENTIALITY_RULE, isConfidentialityRule, type ConfidentialityRule } from './confidentiality.rules.ts';

export interface ConfidentialityReviewRecord {
  itemVersion: number;
  checks: string[];
  opinion: string;
  reviewerName: string;
  reviewDate: string;
}

export function createConfidentialityRepository({ db }: { db: Kysely<Database> }) {
  return {
    async ruleOf(bodyId: number): Promise<{ rule: ConfidentialityRule; updatedAt: string | null; updatedBy: string | null }> {
      const row = await db.selectFrom('publishing_settings').selectAll().where('organization_id', '=', bodyId).executeTakeFirst();
      return {
        rule: row && isConfidentialityRule(row.confidentiality_review) ? row.confidentiality_review : DEFAULT_CONFIDENTIALITY_RULE,
        updatedAt: row?.updated_at ?? null,
        updatedBy: row?.updated_by ?? null,
      };
    },

    async saveRule(bodyId: number, rule: ConfidentialityRule, at: string, by: string): Promise<void> {
      const values = { confidentiality_review: rule, updated_at: at, updated_by: by };
      await db.insertInto('publishing_settings').values({ organization_id: bodyId, ...values })
        .onConflict((oc) => oc.column('organization_id').doUpdateSet(values)).execute();
    },

    async addReview(r: { itemId: number; itemVersion: number; checks: string[]; opinion: string; reviewerId: number; reviewerName: string; reviewDate: string; at: string }): Promise<void> {
      await db.insertInto('publishing_confidentiality_reviews').values({
        item_id: r.itemId, item_version: r.itemVersion, checks: JSON.stringify(r.checks), opinion: r.opinion,
        reviewer_id: r.reviewerId, reviewer_name: r.reviewerName, review_date: r.reviewDate, created_at: r.at,
      }).execute();
    },

    async reviewsOf(itemId: number): Promise<ConfidentialityReviewRecord[]> {
      const rows = await db.selectFrom('publishing_confidentiality_reviews').selectAll().where('item_id', '=', itemId).orderBy('item_version').execute();
      return rows.map((r) => ({ itemVersion: r.item_version, checks: JSON.parse(r.checks) as string[], opinion: r.opinion, reviewerName: r.reviewer_name, reviewDate: r.review_date }));
    },

    /** Whether the item's latest approval (since its latest submission) carried a review. */
    async reviewedSinceSubmission(itemId: number): Promise<boolean> {
      const submitted = await db.selectFrom('publishing_item_versions').select((eb) => eb.fn.max('version').as('v'))
        .where('item_id', '=', itemId).where('action', '=', 'submit').executeTakeFirst();
      const since = Number(submitted?.v ?? 0);
      const row = await db.selectFrom('publishing_confidentiality_reviews').select('id').where('item_id', '=', itemId).where('item_version', '>', since).executeTakeFirst();
      return row !== undefined;
    },
  };
}
