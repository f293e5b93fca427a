/**
 * 行政复议 / 行政诉讼 records about disclosure work (annual report section 四), linked to an
 * application or standalone.
 */
import type { Generated, Selectable } from 'kysely';

export interface OversightCasesTable {
  id: Generated<number>;
  organization_id: number;
  application_id: number | null;
  /** review | litigation_direct | litigation_after_review */
  kind: string;
  filed_date: string;
  /** 复议机关 or court. */
  body: string;
  case_number: string;
  /** pending | upheld | corrected | other */
  result: string;
  decided_date: string | null;
  note: string;
  /** 1 when registered, +1 on each change: a change names the version it was made on. */
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface OversightTables {
  oversight_cases: OversightCasesTable;
}

export type OversightRow = Selectable<OversightCasesTable>;
