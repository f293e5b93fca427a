/** One-time codes for replacing a lost query code (migration 0136; query-code-recovery.usecases.ts). */
import type { Generated, Selectable } from 'kysely';

export interface QueryCodeRecoveriesTable {
  id: Generated<number>;
  application_id: number;
  /** email | sms: where the code was sent (the contact of the application that matched). */
  channel: string;
  /** salt$HMAC(session secret, salt:case:code); the code itself is never stored. */
  code_hash: string;
  /** Tries spent on this code (at most RECOVERY_MAX_TRIES). */
  attempts: Generated<number>;
  created_at: string;
  expires_at: string;
  /** Set once, by the one confirmation that used the code. */
  used_at: string | null;
}

export interface QueryCodeRecoveryTables {
  query_code_recoveries: QueryCodeRecoveriesTable;
}

export type QueryCodeRecoveryRow = Selectable<QueryCodeRecoveriesTable>;
