/**
 * Grants of the application's PostgreSQL role (pure). In production the server connects as a
 * role that owns nothing: migrations run as the owner, and the application may read and write
 * its tables but may not UPDATE, DELETE or TRUNCATE the audit log, nor touch the migration
 * bookkeeping. Someone holding the application's password (or an SQL injection) can then add
 * audit rows but never rewrite or remove them; the keyed chain and the anchors catch the rest.
 */

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function isRoleName(role: string): boolean {
  return ROLE_NAME.test(role);
}

/** The statements, in order, the owner runs (again after each `gongkai migrate`). */
export function appRoleGrants(role: string): string[] {
  if (!isRoleName(role)) throw new Error(`invalid role name ${role}`);
  const r = `"${role}"`;
  return [
    `REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${r}`,
    `GRANT USAGE ON SCHEMA public TO ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
    // The audit log is append-only for the application.
    `REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_log FROM ${r}`,
    // The application reads which migrations ran (/readyz, start-up) and never records any.
    `REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON kysely_migration, kysely_migration_lock FROM ${r}`,
    // Tables a later migration creates (as this owner) are readable and writable at once.
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${r}`,
  ];
}
