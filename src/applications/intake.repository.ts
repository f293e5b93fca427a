/**
 * PostgreSQL: the statements that insert a new case with its first events and audit row, in the
 * intake's transaction (`insertCase`, applications.repository.ts) or alone (`insertCaseAlone`).
 */
import { sql, type Kysely, type QueryCreator } from 'kysely';
import type { Database } from '../db/database.ts';
import { normalQueryCode, trackingPrefix } from './intake.rules.ts';
import type { ApplicationRow } from './applications.table.ts';
import type { CaseEvent } from './applications.events.ts';
import { AUDIT_PENDING_COLUMNS, pendingAuditValues } from '../auth/audit.repository.ts';
import type { AuditContent } from '../auth/audit.chain.ts';
import { treeVersion } from '../auth/organizations.repository.ts';
import { countHits, hitCountsOf, type Counter, type HitCounts } from '../http/rate-limit.repository.ts';

/** The numbering request the commit trigger reads (migration 0015): a transaction-local setting named after the marker. */
export function numberingRequest(row: Pick<ApplicationRow, 'year' | 'organization_id'>, numbering: { marker: string; queryCode: string }) {
  return {
    name: `gongkai.intake_${numbering.marker.slice(10, 34)}`,
    request: JSON.stringify({ prefix: trackingPrefix(row.year, row.organization_id), code: normalQueryCode(numbering.queryCode) }),
  };
}

/** `q`, whose CTE `c` inserts a case, with CTEs inserting its first events and its audit row. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function withFirstRows<Q extends QueryCreator<any>>(q: Q, first: { events: CaseEvent[]; actor: { id: number | null; name: string | null }; at: string }, audit: AuditContent): Q {
  const events = sql.join(first.events.map((e, i) => sql`(${i + 1}::integer, ${e.type}::text, ${JSON.stringify(e.data)}::text)`));
  return q
    .with('e', (w) =>
      w
        .insertInto('application_events')
        .columns(['application_id', 'seq', 'type', 'data', 'at', 'actor_id', 'actor_name'])
        .expression(sql`select c.id, v.seq, v.type, v.data, ${first.at}::text, ${first.actor.id}::integer, ${first.actor.name}::text from c cross join (values ${events}) as v(seq, type, data)`),
    )
    .with('a', (w) =>
      w
        .insertInto('audit_pending')
        .columns([...AUDIT_PENDING_COLUMNS])
        .expression(sql`select v.at, v.user_id, v.username, v.action, v.target_type, c.id::text, v.ip, v.detail from c cross join (values ${pendingAuditValues([audit])}) as v(${sql.raw(AUDIT_PENDING_COLUMNS.join(', '))})`),
    ) as Q;
}

export function createIntakeRepository({ db }: { db: Kysely<Database> }) {
  return {
    /**
     * PostgreSQL, outside any transaction: `insertCase` as one autocommit statement, numbered by
     * its own commit (the trigger of migration 0015 fires at the statement's end). The statement
     * also counts `hits` (a form's rate limits, rate-limit.ts), and inserts the case only when
     * every count is within its limit, the organization tree is still at `treeVersion` and no
     * case holds the row's idempotency key. Returns the case's id (undefined: not inserted) and
     * the counts, for `hits.settle`.
     */
    async insertCaseAlone(
      row: Omit<ApplicationRow, 'id'>,
      numbering: { marker: string; queryCode: string },
      first: { events: CaseEvent[]; actor: { id: number | null; name: string | null }; at: string },
      pg: { audit: AuditContent; treeVersion?: number; hits?: { counters: ReadonlyArray<Counter & { limit: number }>; now: Date } },
    ): Promise<{ id: number | undefined; counts: HitCounts }> {
      const { name, request } = numberingRequest(row, numbering);
      const counters = pg.hits?.counters ?? [];
      const allowed = [
        ...counters.map((c) => sql<boolean>`(select count from rl where key = ${c.key}) <= ${c.limit}`),
        ...(pg.treeVersion === undefined ? [] : [sql<boolean>`${treeVersion()} = ${pg.treeVersion}`]),
      ];
      const columns = Object.keys(row) as Array<keyof typeof row>;
      const insert = (q: QueryCreator<Database>) =>
        q
          .insertInto('applications')
          .columns(columns)
          .expression(sql`select ${sql.join(columns.map((k) => sql`${row[k]}`))} where ${allowed.length ? sql.join(allowed, sql` and `) : sql`true`}`)
          .onConflict((oc) => oc.column('idempotency_key').doNothing())
          .returning('id');
      // Without hits (a clerk's intake), `rl` counts nothing.
      const rl = (q: QueryCreator<Database>) =>
        pg.hits ? countHits(q, counters, pg.hits.now) : q.selectFrom('rate_limits').select(['key', 'count', 'window_start']).where(sql<boolean>`false`);
      const r = await withFirstRows(db.with('rl', rl).with('c', insert), first, pg.audit)
        .with('n', (q) => q.insertInto('intake_numbering').columns(['case_id']).expression((eb) => eb.selectFrom('c').select('c.id')).returning('case_id'))
        .selectNoFrom([
          sql<number | null>`(select case_id from n)`.as('case_id'),
          sql<string>`(select coalesce(json_agg(json_build_array(key, count, window_start)), '[]')::text from rl)`.as('counts'),
          sql<string>`set_config(${name}, ${request}, true)`.as('numbering'),
        ])
        .executeTakeFirstOrThrow();
      const counts = hitCountsOf((JSON.parse(r.counts) as Array<[string, number, string]>).map(([key, count, window_start]) => ({ key, count, window_start })));
      return { id: r.case_id === null ? undefined : Number(r.case_id), counts };
    },
  };
}
