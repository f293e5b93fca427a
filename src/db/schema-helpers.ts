/**
 * Small helpers so that one migration file creates the same schema on SQLite and PostgreSQL.
 */
import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import { dialectOf } from './dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Integer primary key that the database numbers: INTEGER AUTOINCREMENT / bigserial. */
export function withIdColumn<T extends string>(db: AnyDb, table: CreateTableBuilder<T, never>) {
  return dialectOf(db) === 'postgres'
    ? table.addColumn('id', 'bigserial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** Column type for integers that may exceed 2^31 (counts, money in the smallest unit). */
export function bigintType(db: AnyDb) {
  return dialectOf(db) === 'postgres' ? sql`bigint` : sql`integer`;
}
