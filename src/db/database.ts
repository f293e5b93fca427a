/**
 * The whole database type, assembled from each feature's `*.table.ts` (kysely example style).
 * A feature adds its tables by extending this interface with its own table interface.
 */
import type { AuthTables } from '../auth/auth.table.ts';

export interface Database extends AuthTables {}
