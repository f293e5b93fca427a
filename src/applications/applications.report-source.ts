/**
 * The annual report's view of this feature (report.sources.ts `ApplicationsReportSource`): every
 * case of the body that can matter for year Y, and its 行政复议 / 行政诉讼 records. The report's
 * pure computation decides which row each counts in; this returns a superset, never less.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { ApplicationsReportSource, OversightKind, OversightResult } from '../report/report.sources.ts';
import type { ApplicantType, OutcomeKey } from '../report/report.model.ts';

export const applicationsReportSource: ApplicationsReportSource = async (db: Kysely<Database>, organizationId: number, year: number) => {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const rows = await db
    .selectFrom('applications')
    .select(['id', 'applicant_type', 'received_date', 'decision_date', 'outcome', 'fee_paid_yuan', 'fee_paid_date'])
    .where('organization_id', '=', organizationId)
    .where('received_date', 'is not', null)
    .where('received_date', '<=', last)
    .where((eb) => eb.or([eb('decision_date', 'is', null), eb('decision_date', '>=', first)]))
    .orderBy('id')
    .execute();
  const oversight = await db
    .selectFrom('oversight_cases')
    .select(['id', 'kind', 'filed_date', 'result', 'decided_date'])
    .where('organization_id', '=', organizationId)
    .where('filed_date', '<=', last)
    .where((eb) => eb.or([eb('decided_date', 'is', null), eb('decided_date', '>=', first)]))
    .orderBy('id')
    .execute();
  return {
    applications: rows.map((r) => ({
      id: r.id,
      applicantType: r.applicant_type as ApplicantType,
      receivedDate: r.received_date!,
      decisionDate: r.decision_date,
      outcome: (r.outcome as OutcomeKey | null) ?? null,
      feePaidYuan: r.fee_paid_yuan,
      feePaidDate: r.fee_paid_date,
    })),
    oversight: oversight.map((o) => ({
      id: o.id,
      kind: o.kind as OversightKind,
      filedDate: o.filed_date,
      result: o.result === 'pending' ? null : (o.result as OversightResult),
      decidedDate: o.decided_date,
    })),
  };
};
