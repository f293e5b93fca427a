/**
 * Tables of organizations, accounts, sessions and the audit log.
 * Booleans are 0/1 integers, timestamps UTC ISO-8601 text, JSON as TEXT (DESIGN: data conventions).
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface OrganizationsTable {
  id: Generated<number>;
  /** Short stable code, used in URLs and in 索引号 (e.g. `shilong`). */
  code: string;
  name: string;
  parent_id: number | null;
  /** government | office | department | unit */
  kind: string;
  /** Whether this body publishes its own annual report and portal. */
  is_body: number;
  disabled: number;
  created_at: string;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  organization_id: number;
  password_hash: string;
  /** JSON array of role names. */
  roles: string;
  disabled: number;
  failed_logins: number;
  locked_until: string | null;
  /** Consecutive account locks since the last successful login: each lasts longer (backoff). */
  lockouts: Generated<number>;
  /** Password checks running now (taken before the check, given back after it). */
  login_checks: Generated<number>;
  /** When the last check was taken: running checks older than a minute are forgotten. */
  login_checks_at: Generated<string | null>;
  password_changed_at: string;
  created_at: string;
  /** Bumped by every administrative change: the expected-version condition of concurrent edits. */
  version: Generated<number>;
}

export interface SessionsTable {
  /** sha256 of the cookie token: a stolen database does not give live sessions. */
  id: string;
  user_id: number;
  csrf_token: string;
  ip: string;
  created_at: string;
  expires_at: string;
  /** Last request seen on this session, for the idle timeout (null: never since login). */
  last_seen_at: string | null;
}

/** Failed logins per client address (an IPv6 address counts by its /64) in a fixed window. */
export interface LoginThrottleTable {
  key: string;
  window_start: string;
  failures: number;
}

/** One source's failed logins and locks against one account (a source: an address, IPv6 by /64). */
export interface LoginSourceLocksTable {
  user_id: number;
  source: string;
  failures: number;
  lockouts: number;
  locked_until: string | null;
  last_failure_at: string;
  /** Password checks running now from this source, and when the last one was taken. */
  checks: Generated<number>;
  checks_at: Generated<string | null>;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  username: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  /** JSON text with what changed. */
  detail: string;
  prev_hash: string;
  hash: string;
}

/** Audit rows of committed transactions not yet chained (migration 0022): the same content, no hashes. */
export type AuditPendingTable = Omit<AuditLogTable, 'prev_hash' | 'hash'>;

/** The organization tree's version (migration 0017): one row, changed with every write to the tree. */
export interface OrganizationTreeVersionTable {
  id: number;
  version: number;
}

export interface AuthTables {
  organizations: OrganizationsTable;
  organization_tree_version: OrganizationTreeVersionTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  login_source_locks: LoginSourceLocksTable;
  audit_log: AuditLogTable;
  audit_pending: AuditPendingTable;
}

export type OrganizationRow = Selectable<OrganizationsTable>;
export type NewOrganization = Insertable<OrganizationsTable>;
export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type AuditRow = Selectable<AuditLogTable>;
