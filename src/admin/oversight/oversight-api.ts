// Shapes and choices of the 复议诉讼 API (src/oversight/oversight.routes.ts is the source of truth).
export { OVERSIGHT_KINDS, OVERSIGHT_RESULTS } from '../../oversight/oversight.rules.ts';

export interface OversightItem {
  id: number;
  organizationId: number;
  applicationId: number | null;
  kind: string;
  kindLabel: string;
  filedDate: string;
  body: string;
  caseNumber: string;
  result: string;
  resultLabel: string;
  decidedDate: string | null;
  note: string;
  /** Sent back when recording a result: a record changed by someone else meanwhile gives 409. */
  version: number;
}
