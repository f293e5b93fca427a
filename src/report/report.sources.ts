/**
 * What the annual report needs from the other features, as plain records. The applications
 * feature implements `ApplicationsReportSource`, publishing implements `ProactiveReportSource`;
 * the report's pure computation takes these records and nothing else, so it is tested without
 * a database and the features stay free to shape their own tables.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { ApplicantType, OutcomeKey } from './report.model.ts';

export interface ApplicationForReport {
  id: number;
  applicantType: ApplicantType;
  /** Art. 31 receipt date (for a corrected application, still the first receipt date). */
  receivedDate: string;
  /** Date of the final decision (答复/办结), null while undecided. */
  decisionDate: string | null;
  /** The report row of the decision, null while undecided. 部分公开 is only partiallyDisclosed. */
  outcome: OutcomeKey | null;
  /** Information processing fee charged and paid, whole yuan (0 when none). */
  feePaidYuan: number;
  feePaidDate: string | null;
}

/**
 * Cases counted together instead of one by one (the fast path, `tally: true`): `count` cases of
 * one applicant type and outcome whose dates fall on the same side of 1 January and 31 December
 * of Y — the dates given are representatives that compare with the year's bounds as every one of
 * theirs does, so the counting rules (applicationRowsFor) apply unchanged. `feesPaidInYearYuan`
 * sums the fees of those cases paid in Y.
 */
export interface ApplicationTally {
  applicantType: ApplicantType;
  receivedDate: string;
  decisionDate: string | null;
  outcome: OutcomeKey | null;
  count: number;
  feesPaidInYearYuan: number;
}

export type OversightKind = 'review' | 'litigation_direct' | 'litigation_after_review';
export type OversightResult = 'upheld' | 'corrected' | 'other';

export interface OversightCaseForReport {
  id: number;
  kind: OversightKind;
  filedDate: string;
  result: OversightResult | null;
  decidedDate: string | null;
}

/**
 * Every case that can matter for year Y: received on or before 31 December of Y and either
 * undecided or decided on or after 1 January of Y (or decided before Y but received before Y:
 * the computation filters; the source may return more, never less). With `tally`, a source may
 * return most cases as tallies (figures without the ids behind each cell); a case the
 * computation reports as a problem must still come as a record, with its id.
 */
export type ApplicationsReportSource = (
  db: Kysely<Database>,
  organizationId: number,
  year: number,
  options?: { tally?: boolean },
) => Promise<ReportRecords>;

export interface ReportRecords {
  applications: ApplicationForReport[];
  tallies?: ApplicationTally[];
  oversight: OversightCaseForReport[];
}

export interface ProactiveFiguresForReport {
  /** 第二十条第（一）项 from the normative-document registry: [本年制发, 本年废止, 现行有效(31 Dec)] */
  rules: [number, number, number];
  normativeDocuments: [number, number, number];
  /** Items published in Y, in total and by kind (section 一 narrative figures). */
  itemsPublished: number;
  policyDocuments: number;
  interpretations: number;
  announcements: number;
  keyAreaItems: number;
  mailboxReplies: number;
  newMediaAccounts: number;
}

export type ProactiveReportSource = (
  db: Kysely<Database>,
  organizationId: number,
  year: number,
) => Promise<ProactiveFiguresForReport>;
