/**
 * The annual report's view of this feature (report.sources.ts `ApplicationsReportSource`): every
 * case of the body that can matter for year Y, and its 行政复议 / 行政诉讼 records. The report's
 * pure computation decides which row each counts in; this returns a superset, never less.
 *
 * With `tally`, the cases are counted in the database instead (one GROUP BY over the same rows,
 * by applicant type, outcome and which side of the year's bounds each date falls on): loading
 * 100,000 rows to count them cost several times the count. Cases the computation reports as a
 * problem (decided in Y without an outcome, an applicant type outside the six) still come as
 * records with their ids.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { ApplicationTally, ApplicationsReportSource, OversightKind, OversightResult } from '../report/report.sources.ts';
import { APPLICANT_TYPES, type ApplicantType, type OutcomeKey } from '../report/report.model.ts';

function bounds(year: number) {
  return { first: `${year}-01-01`, last: `${year}-12-31` };
}

function casesOfYear(db: Kysely<Database>, organizationId: number, year: number) {
  const { first, last } = bounds(year);
  return db
    .selectFrom('applications')
    .where('organization_id', '=', organizationId)
    .where('received_date', 'is not', null)
    .where('received_date', '<=', last)
    .where((eb) => eb.or([eb('decision_date', 'is', null), eb('decision_date', '>=', first)]));
}

/** 1 for a case the computation must see by itself (it reports it as a problem), else 0. */
function oddCase(year: number) {
  const { first, last } = bounds(year);
  return sql<number>`case when (decision_date is not null and decision_date >= ${first} and decision_date <= ${last} and outcome is null)
    or applicant_type not in (${sql.join([...APPLICANT_TYPES])}) then 1 else 0 end`;
}

/** The tallies, and whether any case must come as a record (odd) — usually none: one scan. */
async function tallies(db: Kysely<Database>, organizationId: number, year: number): Promise<{ tallies: ApplicationTally[]; odd: boolean }> {
  const { first, last } = bounds(year);
  // Representative dates: each compares with `first` and `last` as every date of its group does.
  const before = `${year - 1}-12-31`;
  const after = `${year + 1}-01-01`;
  const received = sql<string>`case when received_date < ${first} then ${before} else ${first} end`;
  const decided = sql<string | null>`case when decision_date is null then null when decision_date < ${first} then ${before} when decision_date <= ${last} then ${first} else ${after} end`;
  const rows = await casesOfYear(db, organizationId, year)
    .select([
      oddCase(year).as('odd'), 'applicant_type', 'outcome', received.as('received'), decided.as('decided'),
      sql<number | string>`count(*)`.as('n'),
      sql<number | string>`sum(case when fee_paid_date >= ${first} and fee_paid_date <= ${last} then fee_paid_yuan else 0 end)`.as('fees'),
    ])
    // By position: PostgreSQL would not match the bound parameters of a repeated CASE.
    .groupBy([sql`1`, sql`2`, sql`3`, sql`4`, sql`5`])
    .execute();
  const odd = rows.some((r) => Number(r.odd) === 1);
  return { odd, tallies: rows.filter((r) => Number(r.odd) === 0).map((r) => ({
    applicantType: r.applicant_type as ApplicantType,
    outcome: (r.outcome as OutcomeKey | null) ?? null,
    receivedDate: r.received,
    decisionDate: r.decided,
    count: Number(r.n),
    feesPaidInYearYuan: Number(r.fees),
  })) };
}

export const applicationsReportSource: ApplicationsReportSource = async (db, organizationId, year, { tally = false } = {}) => {
  const { first, last } = bounds(year);
  const counted = tally ? await tallies(db, organizationId, year) : undefined;
  let query = casesOfYear(db, organizationId, year).select(['id', 'applicant_type', 'received_date', 'decision_date', 'outcome', 'fee_paid_yuan', 'fee_paid_date']);
  if (counted) query = query.where(oddCase(year), '=', 1);
  const rows = counted && !counted.odd ? [] : await query.orderBy('id').execute();
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
    ...(counted ? { tallies: counted.tallies } : {}),
    oversight: oversight.map((o) => ({
      id: o.id,
      kind: o.kind as OversightKind,
      filedDate: o.filed_date,
      result: o.result === 'pending' ? null : (o.result as OversightResult),
      decidedDate: o.decided_date,
    })),
  };
};
