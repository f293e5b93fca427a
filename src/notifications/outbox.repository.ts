/**
 * The outbox: messages are inserted in the transaction of the change that causes them, and
 * claimed by the sender loop of any server process. A message is claimed by one process only:
 * on PostgreSQL with `FOR UPDATE SKIP LOCKED` (concurrent claimers pass over each other's rows),
 * on SQLite by a conditional UPDATE that only one writer can win. A claim lapses after
 * CLAIM_MS, so a message held by a process that died is sent by another.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { dialectOf } from '../db/dialect.ts';
import type { OutboxRow } from './notifications.table.ts';

export const CLAIM_MS = 5 * 60_000;

export interface NewMessage {
  applicationId: number | null;
  userId?: number | null;
  kind: string;
  channel: 'email' | 'sms' | 'none';
  recipient: string;
  subject: string;
  body: string;
}

/** The row a new message is stored as (a message with no address is logged, never sent). */
export function outboxValues(m: NewMessage, at: string) {
  return {
    application_id: m.applicationId,
    user_id: m.userId ?? null,
    kind: m.kind,
    channel: m.channel,
    recipient: m.recipient,
    subject: m.subject,
    body: m.body,
    status: m.channel === 'none' ? 'no_contact' : 'pending',
    next_attempt_at: m.channel === 'none' ? null : at,
    created_at: at,
  };
}

export function createOutboxRepository({ db }: { db: Kysely<Database> }) {
  return {
    /** Inserts the messages; returns them as stored. */
    async enqueue(messages: NewMessage[], at: string): Promise<OutboxRow[]> {
      if (!messages.length) return [];
      const rows = await db.insertInto('outbox_messages').values(messages.map((m) => outboxValues(m, at))).returningAll().execute();
      return rows.map((r) => ({ ...r, id: Number(r.id) }));
    },

    /** Claims up to `limit` messages due at `now` for this process; each is claimed once. */
    async claimDue(now: string, limit = 20): Promise<OutboxRow[]> {
      const token = randomUUID();
      const until = new Date(new Date(now).getTime() + CLAIM_MS).toISOString();
      if (dialectOf(db) === 'postgres') {
        const { rows } = await sql<OutboxRow>`
          UPDATE outbox_messages SET status = 'sending', claim_token = ${token}, claimed_until = ${until}, attempts = attempts + 1
          WHERE id IN (
            SELECT id FROM outbox_messages
            WHERE (status IN ('pending', 'failed') AND next_attempt_at <= ${now}) OR (status = 'sending' AND claimed_until < ${now})
            ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
          RETURNING *`.execute(db);
        return rows.map((r) => ({ ...r, id: Number(r.id) })).sort((a, b) => a.id - b.id);
      }
      const due = await db
        .selectFrom('outbox_messages')
        .select('id')
        .where((eb) =>
          eb.or([
            eb.and([eb('status', 'in', ['pending', 'failed']), eb('next_attempt_at', '<=', now)]),
            eb.and([eb('status', '=', 'sending'), eb('claimed_until', '<', now)]),
          ]),
        )
        .orderBy('id')
        .limit(limit)
        .execute();
      const claimed: OutboxRow[] = [];
      for (const { id } of due) {
        // The same condition again: of two processes that both saw the row, one changes it.
        const res = await db
          .updateTable('outbox_messages')
          .set((eb) => ({ status: 'sending', claim_token: token, claimed_until: until, attempts: eb('attempts', '+', 1) }))
          .where('id', '=', id)
          .where((eb) =>
            eb.or([
              eb.and([eb('status', 'in', ['pending', 'failed']), eb('next_attempt_at', '<=', now)]),
              eb.and([eb('status', '=', 'sending'), eb('claimed_until', '<', now)]),
            ]),
          )
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) === 1) claimed.push((await db.selectFrom('outbox_messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow()));
      }
      return claimed;
    },

    /** Records the outcome of a claimed message; only the claim's holder can (token). */
    async finish(
      m: Pick<OutboxRow, 'id' | 'claim_token'>,
      outcome: { status: 'sent' | 'failed' | 'unconfigured'; at: string; error?: string | null; nextAttemptAt?: string | null; body?: string },
    ): Promise<void> {
      await db
        .updateTable('outbox_messages')
        .set({
          ...(outcome.body === undefined ? {} : { body: outcome.body }),
          status: outcome.status,
          sent_at: outcome.status === 'sent' ? outcome.at : null,
          last_error: outcome.error ?? null,
          next_attempt_at: outcome.nextAttemptAt ?? null,
          claim_token: null,
          claimed_until: null,
        })
        .where('id', '=', m.id)
        .where('claim_token', '=', m.claim_token)
        .execute();
    },

    async forCase(applicationId: number): Promise<OutboxRow[]> {
      return db.selectFrom('outbox_messages').selectAll().where('application_id', '=', applicationId).orderBy('id').execute();
    },
  };
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>;

const CHANNEL_LABELS: Record<string, string> = { email: '电子邮件', sms: '短信', none: '—' };

/** A message as the case page lists it. */
export function messageView(m: OutboxRow, labels: { kind: Record<string, string>; status: Record<string, string> }) {
  return {
    id: m.id,
    createdAt: m.created_at,
    sentAt: m.sent_at,
    kind: m.kind,
    kindLabel: labels.kind[m.kind] ?? m.kind,
    channel: m.channel,
    channelLabel: CHANNEL_LABELS[m.channel] ?? m.channel,
    recipient: m.recipient,
    subject: m.subject,
    status: m.status,
    statusLabel: m.status === 'failed' && m.next_attempt_at ? `发送失败（将于 ${m.next_attempt_at} 后重试）` : (labels.status[m.status] ?? m.status),
    attempts: m.attempts,
    lastError: m.last_error,
  };
}
