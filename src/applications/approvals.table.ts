/** A body's separation-of-duties rules for cases (see approval.rules.ts); no row: the defaults. */
export interface CaseApprovalSettingsTable {
  organization_id: number;
  /** 'none' | 'other_person' */
  extension_approval: string;
  /** 'none' | 'other_person' */
  decision_approval: string;
  updated_at: string;
  updated_by: string | null;
}

export interface ApprovalTables {
  case_approval_settings: CaseApprovalSettingsTable;
}
