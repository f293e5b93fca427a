/** 保密审查 records and the per-body publishing settings (migration 0222). */
import type { Generated } from 'kysely';

export interface PublishingConfidentialityReviewsTable {
  id: Generated<number>;
  item_id: number;
  /** The item version the approval made: the review belongs to that approval. */
  item_version: number;
  /** JSON array of the ticked CONFIDENTIALITY_CHECKS keys. */
  checks: string;
  opinion: string;
  reviewer_id: number | null;
  reviewer_name: string;
  /** YYYY-MM-DD, Asia/Shanghai. */
  review_date: string;
  created_at: string;
}

/** One row per body that changed a default; no row: the defaults of confidentiality.rules.ts. */
export interface PublishingSettingsTable {
  organization_id: number;
  /** 'required' | 'optional' */
  confidentiality_review: string;
  updated_at: string;
  updated_by: string;
}

export interface ConfidentialityTables {
  publishing_confidentiality_reviews: PublishingConfidentialityReviewsTable;
  publishing_settings: PublishingSettingsTable;
}
